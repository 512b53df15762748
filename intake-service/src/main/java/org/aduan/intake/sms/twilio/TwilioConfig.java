package org.aduan.intake.sms.twilio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Twilio's SMS webhook: signed with the account's auth token over the URL Twilio was given. */
@ConfigMapping(prefix = "aduan.channels.twilio")
public interface TwilioConfig {

    /** {@code ADUAN_TWILIO_AUTH_TOKEN}. */
    String authToken();

    /** The exact public URL configured in Twilio's console ({@code ADUAN_TWILIO_WEBHOOK_URL}). */
    String webhookUrl();

    /** MMS photos are downloaded only from URLs under this prefix ({@code ADUAN_TWILIO_MEDIA_URL_PREFIX}). */
    @WithDefault("https://api.twilio.com/")
    String mediaUrlPrefix();

    @WithDefault("32768")
    int maxBodyBytes();
}
