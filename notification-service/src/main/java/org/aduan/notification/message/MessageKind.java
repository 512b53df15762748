package org.aduan.notification.message;

/** Why a message is sent. At most one message of each kind per complaint. */
public enum MessageKind {
    /** The complaint was received; carries the tracking code. */
    ACKNOWLEDGEMENT,
    /** The complaint moved on (for now: forwarded to an agency). */
    STATUS_UPDATE
}
