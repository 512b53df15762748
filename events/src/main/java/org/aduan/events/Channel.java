package org.aduan.events;

/** The door a citizen used. The reply goes back on the same channel. */
public enum Channel {
    WEB, API, SMS, WHATSAPP, TELEGRAM, X
}
