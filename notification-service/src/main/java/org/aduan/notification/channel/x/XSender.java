package org.aduan.notification.channel.x;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * X: every answer is a direct message, {@code POST /2/dm_conversations/with/{participant_id}/messages}
 * with the account's user token. A complaint that came in as a public mention is answered by DM too,
 * never by a public reply: a reply would publish the complaint's status (and its author) to everyone.
 * There is deliberately no code here that posts a tweet.
 */
@ApplicationScoped
public class XSender implements ChannelSender {

    private final XConfig config;
    private final ProviderHttp http;
    private final Clock clock;

    public XSender(XConfig config, ProviderHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "x";
    }

    @Override
    public boolean configured() {
        return config.accessToken().isPresent();
    }

    @Override
    public SendResult send(Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ProviderHttp.trimmed(config.baseUrl())
                        + "/2/dm_conversations/with/" + ProviderHttp.encode(delivery.recipient()) + "/messages"))
                .header("Authorization", "Bearer " + config.accessToken().orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.json(Map.of("text", delivery.text()))));
        return http.exchange(request, delivery.recipient(), answer -> {
            JsonNode json = answer.json();
            if (answer.ok()) {
                return SendResult.sent(answer.status(), json.path("data").path("dm_event_id").asText(null));
            }
            String detail = json.hasNonNull("detail") ? json.path("detail").asText()
                    : json.path("errors").path(0).path("message").asText(answer.body());
            String error = "x: " + ErrorText.clean(detail, delivery.recipient());
            return SendResult.failure(answer.status(), error, rateLimitReset(answer));
        });
    }

    /** X says when the rate-limit window resets ({@code x-rate-limit-reset}, epoch seconds). */
    private Optional<Duration> rateLimitReset(ProviderHttp.Answer answer) {
        return answer.headers().firstValue("x-rate-limit-reset").flatMap(value -> {
            try {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(value.trim())));
                return wait.isNegative() ? Optional.empty() : Optional.of(wait);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).or(() -> ProviderHttp.retryAfter(answer.headers()));
    }
}
