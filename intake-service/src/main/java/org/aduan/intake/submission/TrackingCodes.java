package org.aduan.intake.submission;

import java.security.SecureRandom;

/**
 * Tracking codes like {@code ADN-7KQ2-M9XD} and six-digit PINs. The alphabet leaves out 0/O, 1/I/L and
 * U so that a code read over the phone or copied from an SMS cannot be mistyped into another one.
 */
public final class TrackingCodes {

    /** How many fresh codes an insert tries before it gives up. */
    public static final int ATTEMPTS = 5;

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    /** Where new codes come from; tests replace it to force a collision with an existing code. */
    static volatile java.util.function.Supplier<String> source = TrackingCodes::randomCode;

    static String newCode() {
        return source.get();
    }

    static String randomCode() {
        StringBuilder code = new StringBuilder("ADN-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Runs {@code insert} (a transaction that stores a complaint with a fresh code from {@link #newCode()})
     * again with another code when the code turned out to be taken, up to {@value #ATTEMPTS} times. Any other
     * failure is thrown as it came.
     */
    public static <T> T retryingOnCollision(java.util.function.Supplier<T> insert) {
        for (int attempt = 1;; attempt++) {
            try {
                return insert.get();
            } catch (RuntimeException e) {
                if (!collided(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                org.jboss.logging.Logger.getLogger(TrackingCodes.class)
                        .infof("tracking code already taken, trying another (attempt %d)", attempt);
            }
        }
    }

    /**
     * Whether {@code failure} is the {@code tracking_code} unique constraint refusing a code another
     * complaint already has (the caller then tries again with a new code).
     */
    public static boolean collided(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String name = violation.getConstraintName();
                return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("tracking_code");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String newPin() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
