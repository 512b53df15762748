package org.aduan.notification.channel.kannel;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Kannel's {@code sendsms} interface and the {@code sendsms-user} notification logs in as. */
@ConfigMapping(prefix = "aduan.notification.kannel")
public interface KannelConfig {

    /** e.g. {@code http://127.0.0.1:13013/cgi-bin/sendsms} ({@code ADUAN_KANNEL_SENDSMS_URL}). */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();

    /** Sender number for a message whose complaint carries no origin (Kannel's own default otherwise). */
    Optional<String> from();
}
