package org.aduan.events;

/**
 * Every event Aduan publishes: a versioned CloudEvents type and the Kafka key that keeps related
 * events in order on one partition.
 */
public sealed interface AduanEvent permits ComplaintEvent, ChannelReplyRequested {

    /** The Kafka key (also the CloudEvents {@code subject}). */
    String key();

    /** The CloudEvents {@code type}, e.g. {@code aduan.complaint.submitted.v1}. */
    String type();
}
