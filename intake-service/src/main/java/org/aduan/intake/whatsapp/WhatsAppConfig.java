package org.aduan.intake.whatsapp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** WhatsApp Cloud API webhook and the Graph API that serves its media. */
@ConfigMapping(prefix = "aduan.channels.whatsapp")
public interface WhatsAppConfig {

    /** Echoed back by Meta in the subscription check ({@code ADUAN_WHATSAPP_VERIFY_TOKEN}). */
    String verifyToken();

    /** The app secret that signs every POST ({@code ADUAN_WHATSAPP_APP_SECRET}). */
    String appSecret();

    /** Bearer token for downloading media ({@code ADUAN_WHATSAPP_ACCESS_TOKEN}). */
    String accessToken();

    /** {@code ADUAN_WHATSAPP_GRAPH_URL}, e.g. {@code https://graph.facebook.com/v21.0}. */
    String graphBaseUrl();

    @WithDefault("262144")
    int maxBodyBytes();
}
