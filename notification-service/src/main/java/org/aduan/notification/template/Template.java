package org.aduan.notification.template;

import java.util.Set;

/** The messages a reporter can receive; each has one text file per language under {@code templates/}. */
public enum Template {
    /** "We received your complaint", with the tracking code. */
    ACKNOWLEDGEMENT("acknowledgement", Set.of("trackingCode"), true),
    /** The complaint was forwarded to the agency that must act. */
    STATUS_ROUTED("status_routed", Set.of("trackingCode", "agencyId"), true),
    /** To an agency: a complaint that came in through its own door went to another agency. */
    ENTRY_FORWARDED("entry_forwarded", Set.of("complaintId", "agencyId", "ruleId"), false);

    final String file;
    final Set<String> placeholders;
    /** Sent to a citizen, possibly by SMS: must fit one SMS. Agency messages need not. */
    public final boolean toCitizen;

    Template(String file, Set<String> placeholders, boolean toCitizen) {
        this.file = file;
        this.placeholders = placeholders;
        this.toCitizen = toCitizen;
    }
}
