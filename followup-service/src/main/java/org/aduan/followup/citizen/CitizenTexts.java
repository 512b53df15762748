package org.aduan.followup.citizen;

import java.util.List;

import org.aduan.followup.problem.Language;
import org.aduan.followup.problem.Problem;
import org.aduan.followup.problem.ProblemException;

/** The citizen API's own texts, in Indonesian and English. */
final class CitizenTexts {

    private CitizenTexts() {
    }

    static boolean english(String language) {
        return Language.ENGLISH.equals(language);
    }

    /**
     * The one answer for an unknown tracking code, a wrong PIN and a missing PIN: nothing tells them
     * apart, so codes cannot be probed.
     */
    static ProblemException notFound(String language) {
        return new ProblemException(new Problem(Problem.BASE + "complaint-not-found",
                english(language) ? "Complaint not found" : "Pengaduan tidak ditemukan", 404,
                english(language) ? "No complaint matches this tracking code and PIN."
                        : "Tidak ada pengaduan dengan kode pelacakan dan PIN ini.",
                null));
    }

    static ProblemException invalid(String language, String field, String messageId, String messageEn) {
        return new ProblemException(new Problem(Problem.BASE + "invalid-request",
                english(language) ? "Invalid request" : "Permintaan tidak valid", 400,
                english(language) ? "One or more fields are invalid." : "Satu atau lebih isian tidak valid.",
                List.of(new Problem.FieldError(field, english(language) ? messageEn : messageId))));
    }

    static Problem tooManyAttempts(String language, long retryAfterMinutes) {
        return new Problem(Problem.BASE + "too-many-attempts",
                english(language) ? "Too many wrong PINs" : "Terlalu banyak PIN yang salah", 429,
                english(language)
                        ? "Too many wrong PINs were tried. Try again in " + retryAfterMinutes + " minutes."
                        : "Terlalu banyak percobaan PIN yang salah. Coba lagi dalam " + retryAfterMinutes + " menit.",
                null);
    }
}
