package org.aduan.notification.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The five providers' send APIs as one in-process HTTP server, answering as their documentation shows
 * (credentials checked, success bodies with message ids), recording every request. A test can script
 * the next answers for one recipient (e.g. 503, 503, then the normal success).
 * <p>
 * Inside a {@code @QuarkusTest} the server runs in the test resource; tests reach its record and
 * scripts over HTTP ({@code /_mock/requests}, {@code /_mock/script}) through {@link ProviderMockClient}.
 */
public final class ProviderMockServer implements AutoCloseable {

    public static final String KANNEL_USER = "aduan-notify";
    public static final String KANNEL_PASSWORD = "kannel-secret";
    public static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TWILIO_TOKEN = "twilio-auth-token";
    public static final String WHATSAPP_TOKEN = "whatsapp-system-user-token";
    public static final String WHATSAPP_TEMPLATE = "aduan_update";
    public static final String TELEGRAM_TOKEN = "123456789:AAE-test-bot-token";
    public static final String X_TOKEN = "x-oauth2-user-token";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request; {@code recipient} as the provider's API names it (To, to, chat_id, participant). */
    public record Recorded(String provider, String method, String path, Map<String, String> query,
            Map<String, String> headers, String body, String recipient) {

        /** The body as form fields (Twilio) or the query (Kannel). */
        public Map<String, String> form() {
            return parseForm(body);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer to give instead of the normal success. */
    public record Scripted(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "provider-mock");
        t.setDaemon(true);
        return t;
    });
    private final List<Recorded> requests = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    public ProviderMockServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/kannel/", this::kannel);
        server.createContext("/twilio/", this::twilio);
        server.createContext("/whatsapp/", this::whatsapp);
        server.createContext("/telegram/", this::telegram);
        server.createContext("/x/", this::x);
        server.createContext("/_mock/requests", this::listRequests);
        server.createContext("/_mock/script", this::addScript);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Configuration that points every sender at this server, with the credentials it accepts. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("aduan.notification.kannel.url", baseUrl() + "/kannel/cgi-bin/sendsms");
        config.put("aduan.notification.kannel.username", KANNEL_USER);
        config.put("aduan.notification.kannel.password", KANNEL_PASSWORD);
        config.put("aduan.notification.twilio.base-url", baseUrl() + "/twilio");
        config.put("aduan.notification.twilio.account-sid", TWILIO_SID);
        config.put("aduan.notification.twilio.auth-token", TWILIO_TOKEN);
        config.put("aduan.notification.whatsapp.base-url", baseUrl() + "/whatsapp/v21.0");
        config.put("aduan.notification.whatsapp.access-token", WHATSAPP_TOKEN);
        config.put("aduan.notification.whatsapp.template-name", WHATSAPP_TEMPLATE);
        config.put("aduan.notification.whatsapp.template-language-id", "id");
        config.put("aduan.notification.whatsapp.template-language-en", "en_US");
        config.put("aduan.notification.telegram.base-url", baseUrl() + "/telegram");
        config.put("aduan.notification.telegram.bot-token", TELEGRAM_TOKEN);
        config.put("aduan.notification.x.base-url", baseUrl() + "/x");
        config.put("aduan.notification.x.access-token", X_TOKEN);
        return config;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void script(String recipient, Scripted... answers) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- the providers -----------------------------------------------------------------------------

    /** Kannel {@code GET /cgi-bin/sendsms}: 202 "0: Accepted for delivery"; wrong user: 403. */
    private void kannel(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery());
        Recorded request = record(exchange, "kannel", query, "", query.get("to"));
        if (!KANNEL_USER.equals(query.get("username")) || !KANNEL_PASSWORD.equals(query.get("password"))) {
            respond(exchange, 403, "text/html", "Authorization failed for sendsms");
            return;
        }
        if (!scripted(exchange, request)) {
            respond(exchange, 202, "text/html", "0: Accepted for delivery");
        }
    }

    /** Twilio {@code POST /2010-04-01/Accounts/{sid}/Messages.json}: 201 with the message resource. */
    private void twilio(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        Map<String, String> form = parseForm(body);
        Recorded request = record(exchange, "twilio", Map.of(), body, form.get("To"));
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (TWILIO_SID + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.headers().get("authorization"))) {
            respond(exchange, 401, "application/json", "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}");
            return;
        }
        if (!scripted(exchange, request)) {
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            respond(exchange, 201, "application/json", JSON.writeValueAsString(Map.of("sid", sid,
                    "account_sid", TWILIO_SID, "to", form.getOrDefault("To", ""), "from", form.getOrDefault("From", ""),
                    "body", form.getOrDefault("Body", ""), "status", "queued", "num_segments", "1")));
        }
    }

    /** WhatsApp Cloud API {@code POST /{phone-number-id}/messages}: 200 with the wamid. */
    private void whatsapp(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        String to = readJson(body).path("to").asText(null);
        Recorded request = record(exchange, "whatsapp", Map.of(), body, to);
        if (!("Bearer " + WHATSAPP_TOKEN).equals(request.headers().get("authorization"))) {
            respond(exchange, 401, "application/json",
                    "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}");
            return;
        }
        if (!scripted(exchange, request)) {
            respond(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
                    "messaging_product", "whatsapp",
                    "contacts", List.of(Map.of("input", to, "wa_id", to)),
                    "messages", List.of(Map.of("id", "wamid.HBgL" + ids.incrementAndGet())))));
        }
    }

    /** Telegram {@code POST /bot{token}/sendMessage}: 200 {"ok":true,"result":{message}}. */
    private void telegram(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        JsonNode json = readJson(body);
        Recorded request = record(exchange, "telegram", Map.of(), body, json.path("chat_id").asText(null));
        if (!exchange.getRequestURI().getPath().startsWith("/telegram/bot" + TELEGRAM_TOKEN + "/")) {
            respond(exchange, 401, "application/json", "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        if (!scripted(exchange, request)) {
            long id = ids.incrementAndGet();
            respond(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("ok", true, "result",
                    Map.of("message_id", id, "date", System.currentTimeMillis() / 1000,
                            "chat", Map.of("id", json.path("chat_id"), "type", "private"),
                            "text", json.path("text").asText("")))));
        }
    }

    /**
     * X API v2: {@code POST /2/dm_conversations/with/{participant_id}/messages} answers 201 with the
     * dm_event_id. Any other path (a tweet, a reply) is recorded too, so a test can prove it never came.
     */
    private void x(HttpExchange exchange) throws IOException {
        String body = body(exchange);
        String path = exchange.getRequestURI().getPath();
        java.util.regex.Matcher dm = java.util.regex.Pattern.compile("/x/2/dm_conversations/with/([^/]+)/messages")
                .matcher(path);
        String participant = dm.matches() ? dm.group(1) : null;
        Recorded request = record(exchange, "x", Map.of(), body, participant);
        if (!("Bearer " + X_TOKEN).equals(request.headers().get("authorization"))) {
            respond(exchange, 401, "application/json", "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}");
            return;
        }
        if (!scripted(exchange, request)) {
            respond(exchange, 201, "application/json", JSON.writeValueAsString(Map.of("data", Map.of(
                    "dm_conversation_id", "1500000000000000000-" + participant,
                    "dm_event_id", Long.toString(1_800_000_000_000_000_000L + ids.incrementAndGet())))));
        }
    }

    // --- control -------------------------------------------------------------------------------------

    private void listRequests(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", JSON.writeValueAsString(requests()));
    }

    private void addScript(HttpExchange exchange) throws IOException {
        JsonNode json = readJson(body(exchange));
        List<Scripted> answers = new ArrayList<>();
        for (JsonNode answer : json.path("answers")) {
            Map<String, String> headers = new LinkedHashMap<>();
            answer.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            answers.add(new Scripted(answer.path("status").asInt(), answer.path("body").asText(""), headers));
        }
        script(json.path("recipient").asText(), answers.toArray(Scripted[]::new));
        respond(exchange, 204, "text/plain", "");
    }

    // --- plumbing ------------------------------------------------------------------------------------

    private synchronized Recorded record(HttpExchange exchange, String provider, Map<String, String> query, String body,
            String recipient) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Recorded request = new Recorded(provider, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                headers, body, recipient);
        requests.add(request);
        return request;
    }

    private boolean scripted(HttpExchange exchange, Recorded request) throws IOException {
        Deque<Scripted> queue = request.recipient() == null ? null : scripts.get(request.recipient());
        Scripted next;
        synchronized (this) {
            next = queue == null ? null : queue.poll();
        }
        if (next == null) {
            return false;
        }
        next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        respond(exchange, next.status(), next.body().startsWith("{") ? "application/json" : "text/plain", next.body());
        return true;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
