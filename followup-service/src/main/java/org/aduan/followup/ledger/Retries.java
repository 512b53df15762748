package org.aduan.followup.ledger;

import java.util.function.Supplier;

import org.aduan.events.EventJson.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Retries a handler's transaction a few times on transient failures (a lost connection, a
 * serialization conflict). Then the exception leaves the handler and the record goes to the DLQ.
 * A {@link MalformedEventException} never gets better, so it is not retried.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    static final int ATTEMPTS = 3;

    private Retries() {
    }

    public static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("attempt %d of %d failed, retrying: %s", attempt, ATTEMPTS, e.toString());
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
