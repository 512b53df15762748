package org.aduan.notification.channel.whatsapp;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** WhatsApp Business Cloud API (Graph API) and the template used outside the 24-hour window. */
@ConfigMapping(prefix = "aduan.notification.whatsapp")
public interface WhatsAppConfig {

    @WithDefault("https://graph.facebook.com/v21.0")
    String baseUrl();

    /** System-user access token ({@code ADUAN_WHATSAPP_ACCESS_TOKEN}). */
    Optional<String> accessToken();

    /** Phone-number id for a message whose complaint carries no origin. */
    Optional<String> phoneNumberId();

    /**
     * An approved template whose body has exactly one text parameter ({@code {{1}}}) that carries the
     * whole message; sent when the citizen last wrote more than {@link #conversationWindow()} ago.
     */
    Optional<String> templateName();

    @WithDefault("id")
    String templateLanguageId();

    @WithDefault("en")
    String templateLanguageEn();

    /** WhatsApp's customer service window: free-form text only this long after the citizen's last message. */
    @WithDefault("PT24H")
    Duration conversationWindow();
}
