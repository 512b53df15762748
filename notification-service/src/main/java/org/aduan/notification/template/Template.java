package org.aduan.notification.template;

import java.util.Set;

/** The messages a reporter can receive; each has one text file per language under {@code templates/}. */
public enum Template {
    /** "We received your complaint", with the tracking code. */
    ACKNOWLEDGEMENT("acknowledgement", Set.of("trackingCode")),
    /** The complaint was forwarded to the agency that must act. */
    STATUS_ROUTED("status_routed", Set.of("trackingCode", "agencyId"));

    final String file;
    final Set<String> placeholders;

    Template(String file, Set<String> placeholders) {
        this.file = file;
        this.placeholders = placeholders;
    }
}
