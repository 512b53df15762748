package org.aduan.notification.channel.kannel;

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

/**
 * SMS through a Kannel gateway: {@code GET sendsms?username&password&from&to&text&smsc&charset}. The
 * reply leaves from the number the citizen wrote to, through the SMSC it came in on. Kannel answers
 * {@code 202 0: Accepted for delivery} or {@code 202 3: Queued for later delivery}; it gives no message id.
 */
@ApplicationScoped
public class KannelSender implements ChannelSender {

    private final KannelConfig config;
    private final ProviderHttp http;

    public KannelSender(KannelConfig config, ProviderHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String provider() {
        return "kannel";
    }

    @Override
    public boolean configured() {
        return config.url().isPresent() && config.username().isPresent() && config.password().isPresent();
    }

    @Override
    public SendResult send(Delivery delivery) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", config.username().orElseThrow());
        query.put("password", config.password().orElseThrow());
        delivery.serviceAddress().or(config::from).ifPresent(from -> query.put("from", from));
        query.put("to", delivery.recipient());
        query.put("text", delivery.text());
        delivery.gateway().ifPresent(smsc -> query.put("smsc", smsc));
        query.put("charset", "UTF-8");
        if (!Gsm7.encodable(delivery.text())) {
            query.put("coding", "2"); // UCS-2: the text has characters GSM-7 cannot carry
        }
        String url = config.url().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(url + (url.contains("?") ? "&" : "?") + ProviderHttp.form(query))).GET();
        return http.exchange(request, delivery.recipient(), answer -> {
            String body = answer.body() == null ? "" : answer.body().strip();
            if (answer.status() == 202 || answer.status() == 200) {
                if (body.contains("Accepted for delivery") || body.contains("Queued for later delivery")) {
                    return new SendResult.Sent(Optional.of(answer.status()), Optional.empty());
                }
                // an answer we do not understand: retrying could send the SMS twice
                return new SendResult.PermanentFailure(Optional.of(answer.status()),
                        "unexpected answer: " + ErrorText.clean(body, delivery.recipient()));
            }
            return SendResult.failure(answer.status(), ErrorText.clean(body, delivery.recipient()), Optional.empty());
        });
    }
}
