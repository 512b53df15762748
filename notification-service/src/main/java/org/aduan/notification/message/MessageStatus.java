package org.aduan.notification.message;

/** Delivery state of a message. Channel senders (a later issue) move messages on from PENDING. */
public enum MessageStatus {
    PENDING
}
