package org.aduan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Sits between smsbox and intake and writes down every call smsbox makes (what a gateway's access log
 * would show), passing each on unchanged. For the senders it is told to, it loses intake's first answer
 * and tells smsbox 503, as a dropped connection or a proxy timeout would: smsbox then delivers the same
 * message again, with the same message id, as Kannel does in production ({@code http-request-retry}).
 * <p>
 * Without a target ({@link #start(Optional)} with empty) it is intake itself, answering 200 to every call.
 */
final class SmsboxCalls implements AutoCloseable {

    /** One call of smsbox: its path and query parameters, what intake answered, and what smsbox was told. */
    record Call(String method, String path, Map<String, String> params, int intakeStatus, int answeredStatus) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private final HttpServer server;
    private final Optional<String> target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> losingFirstAnswerFor = ConcurrentHashMap.newKeySet();
    private final Set<String> answerLost = ConcurrentHashMap.newKeySet();

    private SmsboxCalls(HttpServer server, Optional<String> target) {
        this.server = server;
        this.target = target;
    }

    /** @param target the base URL of intake-service, or empty to answer 200 itself */
    static SmsboxCalls start(Optional<String> target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SmsboxCalls calls = new SmsboxCalls(server, target);
            server.createContext("/", calls::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first answer of intake to each message from {@code sender} is lost on its way back to smsbox. */
    void loseFirstAnswerFor(String sender) {
        losingFirstAnswerFor.add(sender);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> callsFrom(String sender) {
        return calls.stream().filter(c -> sender.equals(c.param("from"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> params = query(uri.getRawQuery());
            int intakeStatus = target.map(base -> forward(base, exchange)).orElse(200);
            String sender = params.getOrDefault("from", "");
            String id = params.getOrDefault("id", "");
            boolean lose = intakeStatus == 200 && losingFirstAnswerFor.contains(sender) && answerLost.add(id);
            int answered = lose ? 503 : intakeStatus;
            calls.add(new Call(exchange.getRequestMethod(), uri.getPath(), params, intakeStatus, answered));
            exchange.sendResponseHeaders(answered, -1);
        }
    }

    private int forward(String base, HttpExchange exchange) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(
                            exchange.getRequestBody().readAllBytes()))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 502;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
