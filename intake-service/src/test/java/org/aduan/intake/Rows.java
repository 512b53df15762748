package org.aduan.intake;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Counts rows of intake's own database, to check what a request did or did not record. */
public final class Rows {

    private Rows() {
    }

    /** {@code SELECT count(*) ...} with positional parameters {@code ?1, ?2, ...}. */
    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Complaints, outbox rows and inbound messages: what a refused request must leave unchanged. */
    public record Totals(long complaints, long outbox, long inbound, long attachments) {
        public static Totals now() {
            return new Totals(count("SELECT count(*) FROM complaint"), count("SELECT count(*) FROM outbox_event"),
                    count("SELECT count(*) FROM inbound_message"), count("SELECT count(*) FROM attachment"));
        }
    }

    /** The stored bytes of an attachment. */
    public static byte[] attachment(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("SELECT content FROM attachment WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).getSingleResult());
    }

    public static long inbound(String provider, String key) {
        return count("SELECT count(*) FROM inbound_message WHERE provider = ?1 AND message_key = ?2", provider, key);
    }
}
