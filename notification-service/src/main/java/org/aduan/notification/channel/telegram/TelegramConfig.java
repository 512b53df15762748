package org.aduan.notification.channel.telegram;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Telegram Bot API. */
@ConfigMapping(prefix = "aduan.notification.telegram")
public interface TelegramConfig {

    @WithDefault("https://api.telegram.org")
    String baseUrl();

    /** The bot's token from BotFather ({@code ADUAN_TELEGRAM_BOT_TOKEN}). */
    Optional<String> botToken();
}
