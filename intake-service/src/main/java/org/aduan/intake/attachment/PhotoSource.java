package org.aduan.intake.attachment;

/**
 * Where a photo of an inbound message comes from: bytes already in the request, or a download from
 * the provider (WhatsApp Graph API, Telegram getFile, Twilio media URL) made only once the message is
 * known to be new.
 */
@FunctionalInterface
public interface PhotoSource {

    /**
     * @throws PhotoRejectedException  when the provider's file is larger than {@code maxBytes}, gone, or
     *                                 not a kind of file Aduan takes
     * @throws MediaUnavailableException when the provider cannot be reached right now (the webhook
     *                                 answers 503 so that the provider retries the delivery)
     */
    byte[] fetch(long maxBytes);

    static PhotoSource of(byte[] bytes) {
        return max -> bytes;
    }

    /** A file the channel carried that is not a photo (voice, video, sticker, ...). */
    static PhotoSource unsupported() {
        return max -> {
            throw new PhotoRejectedException(PhotoRejectedException.UNSUPPORTED);
        };
    }
}
