package org.aduan.intake.channel;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;

/**
 * Deliveries as the providers make them, signed the way each provider documents (computed here, not
 * with intake's own code), with payloads shaped after the providers' documented examples.
 */
public final class Webhooks {

    public static final String KANNEL = "/api/v1/channels/sms/kannel/";
    public static final String TWILIO = "/api/v1/channels/sms/twilio";
    public static final String WHATSAPP = "/api/v1/channels/whatsapp";
    public static final String TELEGRAM = "/api/v1/channels/telegram";
    public static final String X = "/api/v1/channels/x";
    public static final String WA_PHONE_NUMBER_ID = "106540352242922";
    public static final String X_ACCOUNT = "4337869213";

    private Webhooks() {
    }

    public static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    // ---- signatures, as the providers document them ----

    static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Twilio: Base64(HMAC-SHA1(auth token, URL + name1 + value1 + name2 + value2 ... sorted by name)). */
    public static String twilioSignature(String authToken, String url, Map<String, String> params) {
        StringBuilder s = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> s.append(k).append(v));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Meta: sha256=hex(HMAC-SHA256(app secret, raw body)). */
    public static String whatsappSignature(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", config("aduan.channels.whatsapp.app-secret"), body));
    }

    /** X: sha256=base64(HMAC-SHA256(consumer secret, raw body)). */
    public static String xSignature(byte[] body) {
        return "sha256=" + Base64.getEncoder().encodeToString(
                hmac("HmacSHA256", config("aduan.channels.x.consumer-secret"), body));
    }

    // ---- deliveries ----

    public static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    public static Response kannel(Map<String, String> params) {
        return kannelRaw(config("aduan.channels.kannel.token"), form(params));
    }

    /** A GET with a query string exactly as given (Kannel escapes the text in its own charset). */
    public static Response kannelRaw(String token, String rawQuery) {
        return given().urlEncodingEnabled(false).when().get(KANNEL + token + "?" + rawQuery);
    }

    /**
     * A GET whose request line no HTTP client library would send (a broken percent-escape), written on
     * a socket. Answers the status and the content type.
     */
    public static int[] rawGet(String pathAndQuery, StringBuilder contentType) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type:\\s*(\\S+)").matcher(answer);
            if (type.find()) {
                contentType.append(type.group(1));
            }
            return new int[] {Integer.parseInt(answer.substring(9, 12))};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Map<String, String> kannelParams(String from, String id, String text) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from);
        p.put("to", "1708");
        p.put("text", text);
        p.put("smsc", "telkomsel");
        p.put("id", id);
        p.put("charset", "UTF-8");
        p.put("coding", "0");
        return p;
    }

    public static Map<String, String> twilioParams(String from, String sid, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "ID");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", "+6281100001708");
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", "AC" + "0".repeat(32));
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    public static Response twilio(Map<String, String> params) {
        return twilioSigned(params, twilioSignature(config("aduan.channels.twilio.auth-token"),
                config("aduan.channels.twilio.webhook-url"), params));
    }

    public static Response twilioSigned(Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(form(params));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.when().post(TWILIO);
    }

    public static Response whatsapp(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(WHATSAPP, body, "application/json", "X-Hub-Signature-256", whatsappSignature(body));
    }

    public static Response telegram(String json) {
        return post(TELEGRAM, json.getBytes(StandardCharsets.UTF_8), "application/json",
                "X-Telegram-Bot-Api-Secret-Token", config("aduan.channels.telegram.secret-token"));
    }

    public static Response x(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(X, body, "application/json", "x-twitter-webhooks-signature", xSignature(body));
    }

    /** A POST with a header that may be null (then left out). */
    public static Response post(String path, byte[] body, String contentType, String header, String value) {
        // RestAssured encodes form bodies itself and takes them only as text (these are ASCII).
        var request = contentType.startsWith("application/x-www-form-urlencoded")
                ? given().contentType(contentType).body(new String(body, StandardCharsets.ISO_8859_1))
                : given().contentType(contentType).body(body);
        if (header != null && value != null) {
            request.header(header, value);
        }
        return request.when().post(path);
    }

    // ---- payloads after the providers' documented examples ----

    public static String whatsappEnvelope(String contacts, String messages) {
        return """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398",
                   "changes": [{"value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
                       "contacts": [%s],
                       "messages": [%s]},
                     "field": "messages"}]}]}""".formatted(WA_PHONE_NUMBER_ID, contacts, messages);
    }

    /** {@code from} without the plus, as WhatsApp gives wa_id. */
    public static String whatsappText(String from, String id, String text) {
        return whatsappEnvelope("""
                {"profile": {"name": "Siti Rahayu"}, "wa_id": "%s"}""".formatted(from), """
                {"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "text", "text": {"body": %s}}"""
                .formatted(from, id, json(text)));
    }

    public static String telegramText(long chatId, long messageId, String text, String languageCode) {
        return """
                {"update_id": %d,
                 "message": {"message_id": %d,
                   "from": {"id": %d, "is_bot": false, "first_name": "Budi", "last_name": "Santoso",
                            "username": "budi_s"%s},
                   "chat": {"id": %d, "first_name": "Budi", "last_name": "Santoso", "username": "budi_s", "type": "private"},
                   "date": 1749416383, "text": %s}}"""
                .formatted(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE), messageId, chatId,
                        languageCode == null ? "" : ", \"language_code\": \"" + languageCode + "\"", chatId, json(text));
    }

    public static String xDirectMessage(String sender, String id, String text) {
        return """
                {"for_user_id": "%s",
                 "direct_message_events": [{"type": "message_create", "id": "%s", "created_timestamp": "1749416383000",
                   "message_create": {"target": {"recipient_id": "%s"}, "sender_id": "%s",
                     "message_data": {"text": %s, "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}}}}],
                 "users": {"%s": {"id": "%s", "created_timestamp": "1422556069340", "name": "Rina Wijaya",
                                  "screen_name": "rinaw", "protected": false, "verified": false},
                           "%s": {"id": "%s", "name": "Aduan", "screen_name": "aduan_id"}}}"""
                .formatted(X_ACCOUNT, id, X_ACCOUNT, sender, json(text), sender, sender, X_ACCOUNT, X_ACCOUNT);
    }

    public static String json(String text) {
        try {
            return org.aduan.events.EventJson.mapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomDigits(int n) {
        StringBuilder s = new StringBuilder();
        s.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    public static String twilioSid() {
        return "SM" + HexFormat.of().formatHex(java.util.UUID.randomUUID().toString().replace("-", "")
                .getBytes(StandardCharsets.US_ASCII)).substring(0, 32);
    }
}
