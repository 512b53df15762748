package org.aduan.events;

/** Common shape of every complaint event: keyed by complaint id, with a versioned CloudEvents type. */
public sealed interface ComplaintEvent
        permits ComplaintSubmitted, ComplaintRouted, ComplaintNeedsTriage, ComplaintStatusChanged,
        ComplaintEscalated {

    /** The Kafka key. */
    String complaintId();

    /** The CloudEvents {@code type}, e.g. {@code aduan.complaint.submitted.v1}. */
    String type();
}
