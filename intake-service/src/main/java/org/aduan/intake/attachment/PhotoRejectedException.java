package org.aduan.intake.attachment;

/**
 * A photo that cannot be taken. The reason is a stable code the citizen's reply explains
 * ({@code ChannelReplyRequested.reason}): {@value #TOO_LARGE}, {@value #UNSUPPORTED}, {@value #UNREADABLE}.
 */
public class PhotoRejectedException extends RuntimeException {

    public static final String TOO_LARGE = "too-large";
    public static final String UNSUPPORTED = "unsupported-media";
    public static final String UNREADABLE = "unreadable";

    private final String reason;

    public PhotoRejectedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
