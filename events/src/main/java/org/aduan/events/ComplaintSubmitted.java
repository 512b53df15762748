package org.aduan.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aduan.events.identity.SealedIdentity;

/**
 * A citizen's complaint as accepted by intake-service. Published on {@value Topics#SUBMITTED}.
 *
 * @param complaintId  stable id (UUID), the Kafka key of every event of this complaint
 * @param trackingCode the short code the citizen tracks the complaint with, e.g. {@code ADN-7KQ2-M9XD}
 * @param pinHash      salted, keyed hash of the citizen's secret PIN (see {@code PinHash}); never the PIN
 * @param submittedAt  when intake accepted the complaint
 * @param channel      the door the citizen used; replies go back there
 * @param entryAgency  the agency whose own door (app, number) the citizen knocked on, if any
 * @param language     {@code id} or {@code en}: the language the citizen is answered in
 * @param title        optional short title
 * @param text         the complaint itself (free text: may contain identity, so stats never stores it)
 * @param category     category code the citizen chose, if any (see DESIGN.md)
 * @param location     where it happened
 * @param anonymous    the reporter's identity is never shown to agencies or the public
 * @param confidential the complaint never appears in the public feed
 * @param reporter     the reporter's contact details, sealed (readable only by services that reply)
 * @param attachments  photos sent with the complaint, stored by intake with their metadata stripped
 * @param origin       on SMS and chat channels: the provider, the address the citizen wrote to and the
 *                     provider's message id, so that replies go back the same way
 */
public record ComplaintSubmitted(
        String complaintId,
        String trackingCode,
        String pinHash,
        Instant submittedAt,
        Channel channel,
        Optional<String> entryAgency,
        String language,
        Optional<String> title,
        String text,
        Optional<String> category,
        Location location,
        boolean anonymous,
        boolean confidential,
        Optional<SealedIdentity> reporter,
        List<Attachment> attachments,
        Optional<ChannelOrigin> origin) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.submitted.v1";

    public ComplaintSubmitted {
        entryAgency = entryAgency == null ? Optional.empty() : entryAgency;
        title = title == null ? Optional.empty() : title;
        category = category == null ? Optional.empty() : category;
        location = location == null ? Location.none() : location;
        reporter = reporter == null ? Optional.empty() : reporter;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        origin = origin == null ? Optional.empty() : origin;
    }

    /** A complaint without attachments or channel origin (the walking skeleton's shape). */
    public ComplaintSubmitted(String complaintId, String trackingCode, String pinHash, Instant submittedAt,
            Channel channel, Optional<String> entryAgency, String language, Optional<String> title, String text,
            Optional<String> category, Location location, boolean anonymous, boolean confidential,
            Optional<SealedIdentity> reporter) {
        this(complaintId, trackingCode, pinHash, submittedAt, channel, entryAgency, language, title, text, category,
                location, anonymous, confidential, reporter, List.of(), Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
