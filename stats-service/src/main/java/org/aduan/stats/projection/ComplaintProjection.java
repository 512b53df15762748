package org.aduan.stats.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.events.Topics;
import org.aduan.stats.delivery.RetryPolicy;
import org.aduan.stats.projection.ProjectionWriter.Reduced;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The live projection of every complaint topic. Each event is reduced to its {@link AnonymousFacts}
 * before anything touches the database, and counted once: the ledger insert and the change share one
 * transaction ({@link ProjectionWriter}). While a rebuild replays, the event is written into its tables
 * too ({@link ProjectionTargets}).
 */
@ApplicationScoped
public class ComplaintProjection {

    private static final Logger LOG = Logger.getLogger(ComplaintProjection.class);

    /** The event types stats counts, per topic; other types on a topic are not ours. */
    private static final Map<String, Set<String>> COUNTED = Map.of(
            Topics.SUBMITTED, Set.of(ComplaintSubmitted.TYPE),
            Topics.ROUTED, Set.of(ComplaintRouted.TYPE),
            Topics.TRIAGE, Set.of(ComplaintNeedsTriage.TYPE),
            Topics.LIFECYCLE, Set.of(ComplaintStatusChanged.TYPE, ComplaintEscalated.TYPE));

    private final DataSource dataSource;
    private final ProjectionWriter writer;
    private final ProjectionTargets targets;
    private final RetryPolicy retry;

    ComplaintProjection(DataSource dataSource, ProjectionWriter writer, ProjectionTargets targets,
            RetryPolicy retry) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.targets = targets;
        this.retry = retry;
    }

    @Incoming("submitted")
    @Blocking
    public void onSubmitted(ConsumerRecord<String, String> record) {
        project(record);
    }

    @Incoming("routed")
    @Blocking
    public void onRouted(ConsumerRecord<String, String> record) {
        project(record);
    }

    @Incoming("triage")
    @Blocking
    public void onTriage(ConsumerRecord<String, String> record) {
        project(record);
    }

    @Incoming("lifecycle")
    @Blocking
    public void onLifecycle(ConsumerRecord<String, String> record) {
        project(record);
    }

    /**
     * What stats keeps of one record: the live projection and a rebuild read records only through here,
     * so both count exactly the same events.
     *
     * @return empty for event types on the topic that stats does not count
     * @throws MalformedEventException when the envelope or the event cannot be read or holds no codes
     */
    public static Optional<Reduced> reduce(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventEnvelope.fromHeaders(record.headers());
        if (!COUNTED.getOrDefault(record.topic(), Set.of()).contains(envelope.type())) {
            return Optional.empty();
        }
        ComplaintEvent event = EventJson.read(record.value(), envelope.type());
        String topic = record.topic();
        return Optional.of(new Reduced(envelope.id(), "stats." + topic.substring(topic.lastIndexOf('.') + 1),
                AnonymousFacts.of(event)));
    }

    /**
     * Reads one record and applies its change once. The event is reduced outside the transaction, so a
     * malformed event fails at once, is never retried and goes to the dead-letter topic.
     */
    private void project(ConsumerRecord<String, String> record) {
        Optional<Reduced> reduced = reduce(record);
        if (reduced.isEmpty()) {
            return; // other types on the topic: not ours
        }
        String complaintId = reduced.get().change().complaintId();
        MDC.put("complaintId", complaintId);
        try {
            boolean counted = retry.run(() -> QuarkusTransaction.requiringNew().call(() -> apply(reduced.get())));
            LOG.infof("complaint %s: %s %s", complaintId, reduced.get().change().getClass().getSimpleName(),
                    counted ? "counted" : "already counted, event " + reduced.get().eventId() + " ignored");
        } finally {
            MDC.remove("complaintId");
        }
    }

    private boolean apply(Reduced reduced) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean counted = false;
            for (String schema : targets.forLiveEvent(connection)) {
                boolean applied = !writer.apply(connection, schema, List.of(reduced)).isEmpty();
                counted |= applied && ProjectionTargets.LIVE.equals(schema);
            }
            return counted;
        }
    }
}
