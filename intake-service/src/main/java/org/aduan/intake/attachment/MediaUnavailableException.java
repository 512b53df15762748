package org.aduan.intake.attachment;

/** The provider's media server did not answer: nothing is recorded and the delivery is retried later. */
public class MediaUnavailableException extends RuntimeException {
    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
