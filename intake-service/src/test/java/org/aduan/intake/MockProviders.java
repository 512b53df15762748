package org.aduan.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The providers' media APIs, in process: WhatsApp's Graph API ({@code GET /{media-id}} then the URL it
 * names, both with the bearer token), Telegram's Bot API ({@code getFile}, then
 * {@code /file/bot<token>/<path>}) and Twilio's media URLs (basic auth). Tests put photo bytes in
 * {@link #MEDIA} under an id.
 */
public class MockProviders implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, byte[]> MEDIA = new ConcurrentHashMap<>();
    public static final String WHATSAPP_TOKEN = "test-whatsapp-access-token";
    public static final String TELEGRAM_BOT_TOKEN = "123456:test-telegram-bot-token";
    private static HttpServer server;
    private static String base;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/graph/", MockProviders::graph);
            server.createContext("/wa-media/", exchange -> media(exchange, "/wa-media/", "Bearer " + WHATSAPP_TOKEN));
            server.createContext("/telegram/", MockProviders::telegram);
            server.createContext("/twilio/", exchange -> media(exchange, "/twilio/", null));
            server.start();
        }
        return Map.of(
                "aduan.channels.whatsapp.graph-base-url", base + "/graph",
                "aduan.channels.whatsapp.access-token", WHATSAPP_TOKEN,
                "aduan.channels.telegram.api-base-url", base + "/telegram",
                "aduan.channels.telegram.bot-token", TELEGRAM_BOT_TOKEN,
                "aduan.channels.twilio.media-url-prefix", base + "/twilio/");
    }

    public static String twilioMediaUrl(String id) {
        return base + "/twilio/" + id;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus application of this test JVM; dies with it.
    }

    /** {@code GET /graph/{media-id}}: the media's URL, as the Graph API answers. */
    private static void graph(HttpExchange exchange) throws IOException {
        if (!("Bearer " + WHATSAPP_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/graph/".length());
        if (!MEDIA.containsKey(id)) {
            answer(exchange, 404, "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}");
            return;
        }
        answer(exchange, 200, """
                {"messaging_product": "whatsapp", "url": "%s/wa-media/%s", "mime_type": "image/jpeg",
                 "sha256": "unused", "file_size": %d, "id": "%s"}""".formatted(base, id, MEDIA.get(id).length, id));
    }

    private static void telegram(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String bot = "/telegram/bot" + TELEGRAM_BOT_TOKEN + "/getFile";
        String files = "/telegram/file/bot" + TELEGRAM_BOT_TOKEN + "/photos/";
        if (path.equals(bot)) {
            String id = exchange.getRequestURI().getQuery().replaceFirst("^file_id=", "");
            if (!MEDIA.containsKey(id)) {
                answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}");
                return;
            }
            answer(exchange, 200, """
                    {"ok": true, "result": {"file_id": "%s", "file_unique_id": "u%s", "file_size": %d,
                     "file_path": "photos/%s.jpg"}}""".formatted(id, id, MEDIA.get(id).length, id));
        } else if (path.startsWith(files) && path.endsWith(".jpg")) {
            bytes(exchange, MEDIA.get(path.substring(files.length(), path.length() - 4)));
        } else {
            answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private static void media(HttpExchange exchange, String prefix, String requiredAuth) throws IOException {
        if (requiredAuth != null && !requiredAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        bytes(exchange, MEDIA.get(exchange.getRequestURI().getPath().substring(prefix.length())));
    }

    private static void bytes(HttpExchange exchange, byte[] content) throws IOException {
        if (content == null) {
            answer(exchange, 404, "{}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
