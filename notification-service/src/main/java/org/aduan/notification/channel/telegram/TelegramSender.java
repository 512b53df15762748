package org.aduan.notification.channel.telegram;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.notification.channel.ChannelSender;
import org.aduan.notification.channel.Delivery;
import org.aduan.notification.channel.ErrorText;
import org.aduan.notification.channel.ProviderHttp;
import org.aduan.notification.channel.SendResult;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Telegram: {@code POST /bot{token}/sendMessage} with JSON {@code chat_id} and {@code text}. Success is
 * {@code 200 {"ok":true,"result":{"message_id":…}}}; a {@code 429} says in {@code parameters.retry_after}
 * how many seconds to wait, and the next attempt waits at least that long.
 */
@ApplicationScoped
public class TelegramSender implements ChannelSender {

    private final TelegramConfig config;
    private final ProviderHttp http;

    public TelegramSender(TelegramConfig config, ProviderHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String provider() {
        return "telegram";
    }

    @Override
    public boolean configured() {
        return config.botToken().isPresent();
    }

    @Override
    public SendResult send(Delivery delivery) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("chat_id", chatId(delivery.recipient()));
        message.put("text", delivery.text());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ProviderHttp.trimmed(config.baseUrl())
                        + "/bot" + config.botToken().orElseThrow() + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.json(message)));
        return http.exchange(request, delivery.recipient(), answer -> {
            JsonNode json = answer.json();
            if (answer.ok() && json.path("ok").asBoolean(false)) {
                return SendResult.sent(answer.status(), json.path("result").path("message_id").asText(null));
            }
            String error = "telegram " + json.path("error_code").asText(Integer.toString(answer.status())) + ": "
                    + ErrorText.clean(json.path("description").asText(answer.body()), delivery.recipient());
            if (answer.ok()) {
                return new SendResult.PermanentFailure(Optional.of(answer.status()), error);
            }
            Optional<Duration> retryAfter = json.path("parameters").has("retry_after")
                    ? Optional.of(Duration.ofSeconds(json.path("parameters").path("retry_after").asLong()))
                    : ProviderHttp.retryAfter(answer.headers());
            return SendResult.failure(answer.status(), error, retryAfter);
        });
    }

    /** A numeric chat id goes as a number (private chats have positive ids, groups negative ones). */
    private static Object chatId(String recipient) {
        try {
            return Long.parseLong(recipient);
        } catch (NumberFormatException e) {
            return recipient;
        }
    }
}
