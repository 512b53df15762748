package org.aduan.followup.citizen;

import java.time.Duration;

/** Wrong PINs for this tracking code or from this address are over the limit; see {@link PinGuard}. */
public class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("too many wrong PINs", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
