package org.aduan.intake.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Telegram bot webhook ({@code setWebhook} with a {@code secret_token}) and the Bot API for files. */
@ConfigMapping(prefix = "aduan.channels.telegram")
public interface TelegramConfig {

    /** Sent by Telegram in {@code X-Telegram-Bot-Api-Secret-Token} ({@code ADUAN_TELEGRAM_SECRET_TOKEN}). */
    String secretToken();

    /** {@code ADUAN_TELEGRAM_BOT_TOKEN}: downloads photos through {@code getFile}. */
    String botToken();

    /** The bot's username, the address citizens write to ({@code ADUAN_TELEGRAM_BOT_USERNAME}). */
    String botUsername();

    /** {@code ADUAN_TELEGRAM_API_URL}, e.g. {@code https://api.telegram.org}. */
    String apiBaseUrl();

    @WithDefault("262144")
    int maxBodyBytes();
}
