package org.aduan.followup.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;

/** Bodies of the agency API's actions, each with its validation (400 problems naming the field). */
public final class AgencyRequests {

    static final int MAX_TEXT = 10_000;
    static final int MAX_REASON = 2_000;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern AGENCY_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[0-9]+)*");
    private static final Pattern REFERENCE = Pattern.compile("(https?|s3|gs|urn):\\S+");

    private AgencyRequests() {
    }

    /** @param officer the username of the officer who takes the complaint over */
    public record Assign(String officer) {
        String validOfficer() {
            if (officer == null || !USERNAME.matcher(officer.strip()).matches()) {
                throw ProblemException.invalid("officer", "a username of 1 to 100 letters, digits or . _ @ -");
            }
            return officer.strip();
        }
    }

    /** @param answer the public answer to the citizen (it appears in the public feed unless confidential) */
    public record Respond(String answer) {
        String validAnswer() {
            return text("answer", answer, 10, MAX_TEXT);
        }
    }

    /** @param text an internal note, seen only by the agency */
    public record Note(String text) {
        String validText() {
            return AgencyRequests.text("text", text, 1, MAX_TEXT);
        }
    }

    /**
     * "Bukan wewenang": the complaint is not this agency's to handle.
     *
     * @param reason            why (shown to the citizen)
     * @param suggestedAgencyId the agency that should act, if known (e.g. {@code pemda-32})
     */
    public record TransferRequest(String reason, String suggestedAgencyId) {
        String validReason() {
            return text("reason", reason, 5, MAX_REASON);
        }

        Optional<String> validSuggestion() {
            if (suggestedAgencyId == null || suggestedAgencyId.isBlank()) {
                return Optional.empty();
            }
            if (!AGENCY_ID.matcher(suggestedAgencyId.strip()).matches()) {
                throw ProblemException.invalid("suggestedAgencyId", "an agency id such as pemda-32 or pln");
            }
            return Optional.of(suggestedAgencyId.strip());
        }
    }

    /** @param reason why the complaint is rejected (shown to the citizen) */
    public record Reject(String reason) {
        String validReason() {
            return text("reason", reason, 5, MAX_REASON);
        }
    }

    /**
     * A resolution document the agency keeps in its own storage.
     *
     * @param name      what it is, e.g. "Berita acara perbaikan jalan"
     * @param reference where it is: an https URL or a storage URI ({@code s3:}, {@code gs:}, {@code urn:})
     * @param mediaType e.g. {@code application/pdf}
     */
    public record DocumentReference(String name, String reference, String mediaType) {
        void validate() {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200) {
                errors.add(new Problem.FieldError("name", "1 to 200 characters"));
            }
            if (reference == null || reference.length() > 2000 || !REFERENCE.matcher(reference.strip()).matches()) {
                errors.add(new Problem.FieldError("reference", "an http(s) URL or an s3:, gs: or urn: reference"));
            }
            if (mediaType != null && !mediaType.isBlank() && !mediaType.strip().matches("[\\w.+-]+/[\\w.+-]+")) {
                errors.add(new Problem.FieldError("mediaType", "a media type such as application/pdf"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
    }

    static String text(String field, String value, int min, int max) {
        if (value == null || value.strip().length() < min || value.length() > max) {
            throw ProblemException.invalid(field, min + " to " + max + " characters");
        }
        return value.strip();
    }
}
