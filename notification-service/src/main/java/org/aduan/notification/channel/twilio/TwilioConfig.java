package org.aduan.notification.channel.twilio;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Twilio's Programmable Messaging API and the account it bills. */
@ConfigMapping(prefix = "aduan.notification.twilio")
public interface TwilioConfig {

    @WithDefault("https://api.twilio.com")
    String baseUrl();

    /** {@code ADUAN_TWILIO_ACCOUNT_SID}. */
    Optional<String> accountSid();

    /** {@code ADUAN_TWILIO_AUTH_TOKEN}, the same token intake verifies webhooks with. */
    Optional<String> authToken();

    /** Sender number for a message whose complaint carries no origin. */
    Optional<String> from();
}
