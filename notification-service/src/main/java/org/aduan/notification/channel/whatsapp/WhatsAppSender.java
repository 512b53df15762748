package org.aduan.notification.channel.whatsapp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.notification.channel.ChannelSender;
import org.aduan.notification.channel.Delivery;
import org.aduan.notification.channel.ErrorText;
import org.aduan.notification.channel.ProviderHttp;
import org.aduan.notification.channel.SendResult;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WhatsApp Cloud API: {@code POST /{phone-number-id}/messages} with a bearer token. Inside the
 * 24-hour customer service window (the citizen wrote less than 24 hours ago) a free-form text
 * message; outside it WhatsApp accepts only an approved template, so the text goes as the template's
 * single body parameter.
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    /** Graph API error codes that mean "later" (rate limits, temporary outages), even on a 400. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 4, 17, 341, 80007, 130429, 131000, 131016,
            131048, 131056, 133004);

    private final WhatsAppConfig config;
    private final ProviderHttp http;
    private final Clock clock;

    public WhatsAppSender(WhatsAppConfig config, ProviderHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "whatsapp";
    }

    @Override
    public boolean configured() {
        return config.accessToken().isPresent();
    }

    /** Whether free-form text may be sent now: the citizen wrote within the window. */
    public boolean insideWindow(Optional<Instant> lastInboundAt) {
        Instant now = clock.instant();
        return lastInboundAt.map(at -> !at.plus(config.conversationWindow()).isBefore(now)).orElse(false);
    }

    @Override
    public SendResult send(Delivery delivery) {
        Optional<String> phoneNumberId = delivery.serviceAddress().or(config::phoneNumberId);
        if (phoneNumberId.isEmpty()) {
            return new SendResult.Undeliverable("no-sender-number");
        }
        // the citizen's wa_id: the phone number in international format without '+'
        String to = delivery.recipient().startsWith("+") ? delivery.recipient().substring(1) : delivery.recipient();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", to);
        if (insideWindow(delivery.lastInboundAt())) {
            message.put("type", "text");
            message.put("text", Map.of("preview_url", false, "body", delivery.text()));
        } else {
            if (config.templateName().isEmpty()) {
                return new SendResult.Undeliverable("whatsapp-template-not-configured");
            }
            String language = "en".equals(delivery.language()) ? config.templateLanguageEn() : config.templateLanguageId();
            message.put("type", "template");
            message.put("template", Map.of(
                    "name", config.templateName().get(),
                    "language", Map.of("code", language),
                    "components", List.of(Map.of("type", "body",
                            "parameters", List.of(Map.of("type", "text", "text", delivery.text()))))));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ProviderHttp.trimmed(config.baseUrl()) + "/"
                        + ProviderHttp.encode(phoneNumberId.get()) + "/messages"))
                .header("Authorization", "Bearer " + config.accessToken().orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.json(message)));
        return http.exchange(request, delivery.recipient(), answer -> {
            JsonNode json = answer.json();
            if (answer.ok()) {
                return SendResult.sent(answer.status(), json.path("messages").path(0).path("id").asText(null));
            }
            JsonNode error = json.path("error");
            int code = error.path("code").asInt(-1);
            String text = "whatsapp " + code + ": " + ErrorText.clean(error.path("message").asText(answer.body()),
                    delivery.recipient());
            if (TRANSIENT_CODES.contains(code)) {
                return new SendResult.TransientFailure(Optional.of(answer.status()), text,
                        ProviderHttp.retryAfter(answer.headers()));
            }
            return SendResult.failure(answer.status(), text, ProviderHttp.retryAfter(answer.headers()));
        });
    }
}
