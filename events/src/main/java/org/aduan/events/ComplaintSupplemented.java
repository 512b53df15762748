package org.aduan.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The citizen wrote again, on the same SMS or chat conversation, shortly after a complaint: the new
 * message adds to that complaint instead of opening a second one. Published by intake-service on
 * {@value Topics#SUBMITTED} (keyed by complaint id, so it always follows its complaint).
 *
 * @param complaintId    the complaint the message adds to
 * @param trackingCode   its tracking code
 * @param supplementedAt when intake accepted the message
 * @param channel        the channel it came in on
 * @param text           the added text (may be empty when only a photo or a location was sent)
 * @param attachments    photos sent with it, stored with their metadata stripped
 * @param point          a location the citizen chose to share, if any
 * @param origin         provider, service address and the provider's message id
 */
public record ComplaintSupplemented(
        String complaintId,
        String trackingCode,
        Instant supplementedAt,
        Channel channel,
        String text,
        List<Attachment> attachments,
        Optional<GeoPoint> point,
        Optional<ChannelOrigin> origin) implements ComplaintEvent {

    public static final String TYPE = "aduan.complaint.supplemented.v1";

    public ComplaintSupplemented {
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        point = point == null ? Optional.empty() : point;
        origin = origin == null ? Optional.empty() : origin;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
