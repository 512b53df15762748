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

    private Topics() {
    }

    /** The dead-letter topic of an event topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
