package org.aduan.events;

/** Common shape of every complaint event: keyed by complaint id, with a versioned CloudEvents type. */
public sealed interface ComplaintEvent extends AduanEvent
        permits ComplaintSubmitted, ComplaintSupplemented, ComplaintRouted, ComplaintNeedsTriage,
        ComplaintStatusChanged, ComplaintEscalated {

    /** The complaint, and the Kafka key. */
    String complaintId();

    @Override
    default String key() {
        return complaintId();
    }
}
