package org.aduan.intake.submission;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the citizen gets back: the tracking code and, once only, the secret PIN.
 *
 * @param message  the acknowledgement in the complaint's language
 * @param trackUrl    where to follow the complaint (with the PIN in the {@code X-Aduan-Pin} header)
 * @param attachments the photos stored with it (metadata stripped), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(UUID id, String trackingCode, String pin, String status, Instant submittedAt, String message,
        URI trackUrl, java.util.List<org.aduan.events.Attachment> attachments) {

    static String acknowledgement(String language, String trackingCode) {
        return "en".equals(language)
                ? "Your complaint has been received. Tracking code " + trackingCode
                        + ": keep it and your PIN to follow its progress."
                : "Aduan Anda telah diterima. Kode pelacakan " + trackingCode
                        + ": simpan kode ini dan PIN Anda untuk memantau perkembangannya.";
    }
}
