package org.aduan.notification.channel;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one HTTP client the senders share (JDK {@link HttpClient}, HTTP/1.1, bounded timeouts). A
 * network error or timeout is a transient failure; what a provider's answer means is the sender's
 * business.
 */
@ApplicationScoped
public class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration requestTimeout;

    public ProviderHttp(HttpConfig config) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = config.requestTimeout();
    }

    /** A provider's answer. */
    public record Answer(int status, String body, HttpHeaders headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, or an empty object when it is not JSON. */
        public JsonNode json() {
            try {
                JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
                return node == null ? JSON.createObjectNode() : node;
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    /**
     * Sends the request and lets {@code interpret} judge the answer.
     *
     * @param recipient only to keep it out of error texts
     */
    public SendResult exchange(HttpRequest.Builder request, String recipient, Function<Answer, SendResult> interpret) {
        try {
            HttpResponse<String> response = client.send(request.timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return interpret.apply(new Answer(response.statusCode(), response.body(), response.headers()));
        } catch (HttpTimeoutException e) {
            return new SendResult.TransientFailure(Optional.empty(), "timeout: no answer in time", Optional.empty());
        } catch (IOException e) {
            return new SendResult.TransientFailure(Optional.empty(),
                    "network error: " + e.getClass().getSimpleName() + " " + ErrorText.clean(e.getMessage(), recipient),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.TransientFailure(Optional.empty(), "interrupted while sending", Optional.empty());
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded} (also a query string), UTF-8, in the map's order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A base URL without its trailing slash, so paths can be appended. */
    public static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code Retry-After} in seconds, if the provider sent one. */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
