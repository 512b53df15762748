package org.aduan.events;

import java.util.List;

/** Kafka topic names of DESIGN.md. Every event topic has a {@code .dlq} twin for poison messages. */
public final class Topics {
    public static final String SUBMITTED = "complaints.submitted";
    public static final String ROUTED = "complaints.routed";
    public static final String TRIAGE = "complaints.triage";
    public static final String LIFECYCLE = "complaints.lifecycle";
    /**
     * Replies intake asks notification to send on a citizen's channel (help, status, rate limit). Not
     * a complaint topic: it is not replayed into projections and may expire.
     */
    public static final String CHANNEL_REPLIES = "channel.replies";

    /** The event topics, in flow order. */
    public static final List<String> EVENT_TOPICS = List.of(SUBMITTED, ROUTED, TRIAGE, LIFECYCLE);

    /** Topics that are not complaint history: kept for {@link #MESSAGE_RETENTION_MS}, never replayed. */
    public static final List<String> MESSAGE_TOPICS = List.of(CHANNEL_REPLIES);

    /** Retention of {@link #MESSAGE_TOPICS}: 7 days, long enough to outlive any outage. */
    public static final long MESSAGE_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    private Topics() {
    }

    /** The dead-letter topic of an event topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
