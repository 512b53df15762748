package org.aduan.notification.channel.twilio;

import java.net.URI;
import java.net.http.HttpRequest;
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
 * SMS through Twilio: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with form fields
 * {@code To}, {@code From}, {@code Body} and HTTP Basic auth (account SID, auth token). {@code 201}
 * carries the message {@code sid}.
 */
@ApplicationScoped
public class TwilioSender implements ChannelSender {

    private final TwilioConfig config;
    private final ProviderHttp http;

    public TwilioSender(TwilioConfig config, ProviderHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public boolean configured() {
        return config.accountSid().isPresent() && config.authToken().isPresent();
    }

    @Override
    public SendResult send(Delivery delivery) {
        Optional<String> from = delivery.serviceAddress().or(config::from);
        if (from.isEmpty()) {
            return new SendResult.Undeliverable("no-sender-number");
        }
        String sid = config.accountSid().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", delivery.recipient());
        form.put("From", from.get());
        form.put("Body", delivery.text());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ProviderHttp.trimmed(config.baseUrl())
                        + "/2010-04-01/Accounts/" + ProviderHttp.encode(sid) + "/Messages.json"))
                .header("Authorization", ProviderHttp.basicAuth(sid, config.authToken().orElseThrow()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form)));
        return http.exchange(request, delivery.recipient(), answer -> {
            JsonNode json = answer.json();
            if (answer.ok()) {
                return SendResult.sent(answer.status(), json.path("sid").asText(null));
            }
            // Twilio's error: {"code": 21211, "message": "The 'To' number ... is not a valid phone number.", ...}
            String error = "twilio " + json.path("code").asText("?") + ": "
                    + ErrorText.clean(json.path("message").asText(answer.body()), delivery.recipient());
            return SendResult.failure(answer.status(), error, ProviderHttp.retryAfter(answer.headers()));
        });
    }
}
