package org.aduan.notification.template;

import java.util.Set;

/** The messages Aduan sends; each has one text file per language under {@code templates/}. */
public enum Template {
    /** Web and API: "we received your complaint", with the tracking code; the citizen keeps a PIN. */
    ACKNOWLEDGEMENT("acknowledgement", Set.of("trackingCode"), true),
    /** SMS and chat: the tracking code and how to ask for the status (there is no PIN on channels). */
    ACKNOWLEDGEMENT_CHANNEL("acknowledgement_channel", Set.of("trackingCode"), true),
    /** Received, not yet forwarded (also while an operator verifies it). */
    STATUS_RECEIVED("status_received", Set.of("trackingCode"), true),
    /** The complaint was forwarded to the agency that must act. */
    STATUS_ROUTED("status_routed", Set.of("trackingCode", "agency"), true),
    /** An agency said "not ours"; the platform finds the right one. */
    STATUS_TRANSFERRING("status_transferring", Set.of("trackingCode"), true),
    STATUS_IN_PROGRESS("status_in_progress", Set.of("trackingCode"), true),
    STATUS_RESPONDED("status_responded", Set.of("trackingCode"), true),
    STATUS_CLOSED("status_closed", Set.of("trackingCode"), true),
    STATUS_REJECTED("status_rejected", Set.of("trackingCode"), true),
    /** How to use SMS and chat (INFO, BANTUAN, HELP). */
    REPLY_HELP("reply_help", Set.of(), true),
    /** The code is unknown or not this sender's: one answer for both. */
    REPLY_NOT_FOUND("reply_not_found", Set.of(), true),
    REPLY_SUPPLEMENTED("reply_supplemented", Set.of("trackingCode"), true),
    REPLY_RATE_LIMITED("reply_rate_limited", Set.of(), true),
    /** A message that cannot be taken, for a reason without a text of its own. */
    REPLY_REJECTED("reply_rejected", Set.of(), true),
    REPLY_REJECTED_TOO_LARGE("reply_rejected_too_large", Set.of(), true),
    REPLY_REJECTED_UNSUPPORTED_MEDIA("reply_rejected_unsupported_media", Set.of(), true),
    REPLY_REJECTED_EMPTY("reply_rejected_empty", Set.of(), true),
    REPLY_REJECTED_TOO_LONG("reply_rejected_too_long", Set.of(), true),
    REPLY_REJECTED_UNREADABLE("reply_rejected_unreadable", Set.of(), true),
    /** To an agency: a complaint that came in through its own door went to another agency. */
    ENTRY_FORWARDED("entry_forwarded", Set.of("complaintId", "agency", "ruleId"), false);

    final String file;
    final Set<String> placeholders;
    /** Sent to a citizen, possibly by SMS: must fit one SMS. Agency messages need not. */
    public final boolean toCitizen;

    Template(String file, Set<String> placeholders, boolean toCitizen) {
        this.file = file;
        this.placeholders = placeholders;
        this.toCitizen = toCitizen;
    }

    /** The explanation of a REJECTED reply's reason code; an unknown code gets the general text. */
    public static Template rejected(String reason) {
        return switch (reason == null ? "" : reason) {
            case "too-large" -> REPLY_REJECTED_TOO_LARGE;
            case "unsupported-media" -> REPLY_REJECTED_UNSUPPORTED_MEDIA;
            case "empty" -> REPLY_REJECTED_EMPTY;
            case "too-long" -> REPLY_REJECTED_TOO_LONG;
            case "unreadable" -> REPLY_REJECTED_UNREADABLE;
            default -> REPLY_REJECTED;
        };
    }
}
