package org.aduan.intake.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.intake.MockProviders;
import org.aduan.intake.Rows;
import org.aduan.intake.attachment.Photos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Deliveries that are correctly authenticated but not a message intake can read: each is answered
 * with a 4xx problem, and leaves no complaint, no outbox row, no inbound-message row and no photo.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "intake"), @ResourceArg(name = "keycloak", value = "true") })
@QuarkusTestResource(MockProviders.class)
class MalformedPayloadTest {

    private static final String LONG_TEXT = "a".repeat(10_001);

    static Stream<Arguments> malformed() {
        return Stream.of(
                // ---- Kannel get-url / POST ----
                kannel("Kannel: from missing", 400, "to=1708&text=halo&smsc=tsel&id=" + id()),
                kannel("Kannel: to missing", 400, "from=%2B6281234567890&text=halo&smsc=tsel&id=" + id()),
                kannel("Kannel: id missing", 400, "from=%2B6281234567890&to=1708&text=halo&smsc=tsel"),
                kannel("Kannel: text missing", 400, "from=%2B6281234567890&to=1708&smsc=tsel&id=" + id()),
                kannel("Kannel: from empty", 400, "from=&to=1708&text=halo&id=" + id()),
                kannel("Kannel: alphanumeric sender", 400, "from=TELKOMSEL&to=1708&text=halo&id=" + id()),
                kannel("Kannel: invalid UTF-8 text", 400, "from=%2B6281234567890&to=1708&text=jalan%C3%28rusak&charset=UTF-8&id=" + id()),
                kannel("Kannel: odd UCS-2 bytes", 400, "from=%2B6281234567890&to=1708&text=%00%4A%00&charset=UTF-16BE&coding=2&id=" + id()),
                kannel("Kannel: unknown charset", 400, "from=%2B6281234567890&to=1708&text=halo&charset=KLINGON-8&id=" + id()),
                kannel("Kannel: binary message", 400, "from=%2B6281234567890&to=1708&text=%01%02&coding=1&id=" + id()),
                kannel("Kannel: coding out of range", 400, "from=%2B6281234567890&to=1708&text=halo&coding=7&id=" + id()),
                raw("Kannel: truncated percent-escape", 400, "from=%2B6281234567890&to=1708&id=" + id() + "&text=halo%E"),
                raw("Kannel: invalid percent-escape", 400, "from=%2B6281234567890&to=1708&text=halo%ZZ&id=" + id()),
                kannel("Kannel: id with markup", 400, "from=%2B6281234567890&to=1708&text=halo&id=%3Cscript%3E"),
                kannel("Kannel: id too long", 400, "from=%2B6281234567890&to=1708&text=halo&id=" + "a".repeat(65)),
                kannel("Kannel: parameter twice", 400, "from=%2B6281234567890&from=%2B6281111111111&to=1708&text=halo&id=" + id()),
                kannel("Kannel: text too long", 400, "from=%2B6281234567890&to=1708&id=" + id() + "&text=" + LONG_TEXT),
                kannel("Kannel: query over the size limit", 413, "from=%2B6281234567890&to=1708&id=" + id() + "&text="
                        + "%41".repeat(11_000)),
                of("Kannel: POST as JSON", 415, () -> Webhooks.post(Webhooks.KANNEL + token(), "{\"from\":\"+62812\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/json", null, null)),
                of("Kannel: POST over the size limit", 413, () -> Webhooks.post(Webhooks.KANNEL + token(),
                        ("from=%2B6281234567890&to=1708&id=" + id() + "&text=" + "b".repeat(40_000))
                                .getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded", null, null)),

                // ---- Twilio (signed) ----
                twilio("Twilio: MessageSid missing", 400, p -> p.remove("MessageSid")),
                twilio("Twilio: MessageSid not a SID", 400, p -> p.put("MessageSid", "hello")),
                twilio("Twilio: From missing", 400, p -> p.remove("From")),
                twilio("Twilio: From not a phone number", 400, p -> p.put("From", "whatsapp:bob")),
                twilio("Twilio: To missing", 400, p -> p.remove("To")),
                twilio("Twilio: NumMedia not a number", 400, p -> p.put("NumMedia", "two")),
                twilio("Twilio: NumMedia too high", 400, p -> p.put("NumMedia", "11")),
                twilio("Twilio: media URL missing", 400, p -> p.put("NumMedia", "1")),
                twilio("Twilio: media URL elsewhere (SSRF)", 400, p -> {
                    p.put("NumMedia", "1");
                    p.put("MediaUrl0", "http://169.254.169.254/latest/meta-data/");
                }),
                twilio("Twilio: Body too long", 400, p -> p.put("Body", LONG_TEXT)),
                of("Twilio: invalid UTF-8 in Body", 400, () -> Webhooks.post(Webhooks.TWILIO,
                        ("MessageSid=" + Webhooks.twilioSid() + "&From=%2B6281234567890&To=1708&Body=%FF%FE")
                                .getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded",
                        "X-Twilio-Signature", "c2lnbmF0dXJl")),
                of("Twilio: JSON instead of a form", 415, () -> Webhooks.post(Webhooks.TWILIO,
                        "{}".getBytes(StandardCharsets.UTF_8), "application/json", "X-Twilio-Signature", "x")),
                of("Twilio: over the size limit", 413, () -> Webhooks.post(Webhooks.TWILIO,
                        ("Body=" + "c".repeat(40_000)).getBytes(StandardCharsets.US_ASCII),
                        "application/x-www-form-urlencoded", "X-Twilio-Signature", "x")),

                // ---- WhatsApp (signed) ----
                whatsapp("WhatsApp: truncated JSON", 400, text("wa1", "Jalan rusak").substring(0, 120)),
                whatsappBytes("WhatsApp: invalid UTF-8", 400, concat("{\"object\": \"whatsapp_business_account\", \"x\": \"",
                        new byte[] {(byte) 0xc3, (byte) 0x28}, "\"}")),
                whatsapp("WhatsApp: array root", 400, "[" + text("wa2", "Jalan rusak") + "]"),
                whatsapp("WhatsApp: empty body", 400, ""),
                whatsapp("WhatsApp: another object", 400, text("wa3", "x").replace("whatsapp_business_account", "page")),
                whatsapp("WhatsApp: entry not an array", 400, "{\"object\": \"whatsapp_business_account\", \"entry\": {}}"),
                whatsapp("WhatsApp: change not an object", 400,
                        "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"id\": \"1\", \"changes\": [42]}]}"),
                whatsapp("WhatsApp: message id missing", 400, text("wa4", "Jalan rusak").replace("\"id\": \"wa4\", ", "")),
                whatsapp("WhatsApp: sender not a number", 400, text("wa5", "Jalan rusak").replace("\"from\": \"6281234567890\"",
                        "\"from\": \"abc\"")),
                whatsapp("WhatsApp: type missing", 400, text("wa6", "Jalan rusak").replace("\"type\": \"text\", ", "")),
                whatsapp("WhatsApp: text body of wrong type", 400, text("wa7", "x").replace("\"body\": \"x\"", "\"body\": 42")),
                whatsapp("WhatsApp: text object missing", 400, text("wa8", "x").replace(", \"text\": {\"body\": \"x\"}", "")),
                whatsapp("WhatsApp: image without media id", 400, Webhooks.whatsappEnvelope("", """
                        {"from": "6281234567890", "id": "wa9", "type": "image", "image": {"mime_type": "image/jpeg"}}""")),
                whatsapp("WhatsApp: latitude as text", 400, Webhooks.whatsappEnvelope("", """
                        {"from": "6281234567890", "id": "wa10", "type": "location",
                         "location": {"latitude": "-6.9", "longitude": 107.6}}""")),
                whatsapp("WhatsApp: latitude off Earth", 400, Webhooks.whatsappEnvelope("", """
                        {"from": "6281234567890", "id": "wa11", "type": "location",
                         "location": {"latitude": 95.0, "longitude": 107.6}}""")),
                whatsapp("WhatsApp: metadata missing", 400, text("wa12", "x").replaceFirst(
                        "\"metadata\": \\{[^}]*\\},", "")),
                whatsapp("WhatsApp: huge text", 400, text("wa13", LONG_TEXT)),
                whatsapp("WhatsApp: over the size limit", 413, text("wa14", "d".repeat(300_000))),
                of("WhatsApp: text/plain", 415, () -> Webhooks.post(Webhooks.WHATSAPP,
                        text("wa15", "x").getBytes(StandardCharsets.UTF_8), "text/plain", "X-Hub-Signature-256",
                        Webhooks.whatsappSignature(text("wa15", "x").getBytes(StandardCharsets.UTF_8)))),

                // ---- Telegram (secret token) ----
                telegram("Telegram: truncated JSON", 400, "{\"update_id\": 1, \"message\": {\"message_id\": 1, \"chat\": {"),
                telegram("Telegram: update_id missing", 400, tg().replaceFirst("\"update_id\": \\d+,", "")),
                telegram("Telegram: update_id as text", 400, tg().replaceFirst("\"update_id\": \\d+", "\"update_id\": \"abc\"")),
                telegram("Telegram: chat missing", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"x\"}}"),
                telegram("Telegram: chat id an object", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": {}, \"type\": \"private\"}, \"text\": \"x\"}}"),
                telegram("Telegram: message_id missing", 400, "{\"update_id\": 5, \"message\": {"
                        + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"text\": \"x\"}}"),
                telegram("Telegram: text a number", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"text\": 12}}"),
                telegram("Telegram: text too long", 400, Webhooks.telegramText(5, 1, LONG_TEXT, "id")),
                telegram("Telegram: photo not an array", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"photo\": {\"file_id\": \"a\"}}}"),
                telegram("Telegram: photo size without file_id", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"photo\": [{\"width\": 1, \"height\": 1}]}}"),
                telegram("Telegram: longitude off Earth", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": 5, \"type\": \"private\"}, \"location\": {\"latitude\": 1, \"longitude\": 200}}}"),
                telegram("Telegram: chat id with 30 digits", 400, "{\"update_id\": 5, \"message\": {\"message_id\": 1, "
                        + "\"chat\": {\"id\": 123456789012345678901234567890, \"type\": \"private\"}, \"text\": \"x\"}}"),
                telegram("Telegram: over the size limit", 413, Webhooks.telegramText(5, 1, "e".repeat(300_000), "id")),
                of("Telegram: invalid UTF-8", 400, () -> Webhooks.post(Webhooks.TELEGRAM,
                        concat("{\"update_id\": 5, \"message\": {\"text\": \"", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                                "\"}}"), "application/json", "X-Telegram-Bot-Api-Secret-Token", secret())),
                of("Telegram: form instead of JSON", 415, () -> Webhooks.post(Webhooks.TELEGRAM,
                        "update_id=5".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded",
                        "X-Telegram-Bot-Api-Secret-Token", secret())),

                // ---- X (signed) ----
                x("X: for_user_id missing", 400, Webhooks.xDirectMessage("3001969357", "1001", "x")
                        .replaceFirst("\"for_user_id\": \"\\d+\",", "")),
                x("X: for_user_id not an id", 400, Webhooks.xDirectMessage("3001969357", "1002", "x")
                        .replaceFirst("\"for_user_id\": \"\\d+\"", "\"for_user_id\": \"@aduan\"")),
                x("X: events not an array", 400, "{\"for_user_id\": \"4337869213\", \"direct_message_events\": {}}"),
                x("X: message_create missing", 400, "{\"for_user_id\": \"4337869213\", \"direct_message_events\": "
                        + "[{\"type\": \"message_create\", \"id\": \"1003\"}]}"),
                x("X: sender_id missing", 400, Webhooks.xDirectMessage("3001969357", "1004", "x")
                        .replace("\"sender_id\": \"3001969357\",", "")),
                x("X: event id missing", 400, Webhooks.xDirectMessage("3001969357", "1005", "x").replace("\"id\": \"1005\", ", "")),
                x("X: tweet without user", 400, "{\"for_user_id\": \"4337869213\", \"tweet_create_events\": "
                        + "[{\"id_str\": \"1006\", \"text\": \"@aduan x\"}]}"),
                x("X: truncated JSON", 400, Webhooks.xDirectMessage("3001969357", "1007", "x").substring(0, 90)),
                x("X: huge text", 400, Webhooks.xDirectMessage("3001969357", "1008", LONG_TEXT)),
                x("X: over the size limit", 413, Webhooks.xDirectMessage("3001969357", "1009", "f".repeat(300_000))),

                // ---- web API ----
                of("Web: six photos", 400, () -> multipart(6, Photos.jpeg(16, 16))),
                of("Web: GIF photo", 415, () -> multipart(1, "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"
                        .getBytes(StandardCharsets.ISO_8859_1))),
                of("Web: text file named .jpg", 415, () -> multipart(1, "Ini bukan foto".getBytes(StandardCharsets.UTF_8))),
                of("Web: JPEG header on garbage", 415, () -> multipart(1, concat("", new byte[] {(byte) 0xff, (byte) 0xd8,
                        (byte) 0xff, (byte) 0xe0, 0, 16}, "garbage garbage garbage"))),
                of("Web: photo over 5 MB", 413, () -> multipart(1, new byte[5 * 1024 * 1024 + 1])),
                of("Web: complaint part missing", 400, () -> given().header("X-Forwarded-For", ip())
                        .multiPart("photo", "a.jpg", Photos.jpeg(16, 16), "image/jpeg").when().post("/api/v1/complaints")),
                of("Web: point latitude as text", 400, () -> webJson(
                        "{\"text\": \"Banjir\", \"location\": {\"point\": {\"latitude\": \"-6.9\", \"longitude\": 107.6}}}")),
                of("Web: point off Earth", 400, () -> webJson(
                        "{\"text\": \"Banjir\", \"location\": {\"point\": {\"latitude\": -6.9, \"longitude\": 190}}}")),
                of("Web: point without longitude", 400, () -> webJson(
                        "{\"text\": \"Banjir\", \"location\": {\"point\": {\"latitude\": -6.9}}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPayloadIsAnsweredWithA4xxProblemAndRecordsNothing(String name, int status, Supplier<Answer> send) {
        Rows.Totals before = Rows.Totals.now();

        Answer answer = send.get();

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (!answer.refusedByHttpServer()) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(Rows.Totals.now()).isEqualTo(before);
    }

    /**
     * Status, content type and body of an answer, however the request was sent. A request line with a
     * broken percent-escape is refused by Vert.x's HTTP server itself (400, empty body) before any
     * handler of intake runs, so only its status can be checked.
     */
    record Answer(int status, String contentType, String body, boolean refusedByHttpServer) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.asString(), false);
        }
    }

    // ---- how each case is sent ----

    private static Arguments of(String name, int status, Supplier<Response> send) {
        return Arguments.of(name, status, (Supplier<Answer>) () -> Answer.of(send.get()));
    }

    private static Arguments raw(String name, int status, String rawQuery) {
        return Arguments.of(name, status, (Supplier<Answer>) () -> {
            StringBuilder type = new StringBuilder();
            int code = Webhooks.rawGet(Webhooks.KANNEL + token() + "?" + rawQuery, type)[0];
            return new Answer(code, type.toString(), "", true);
        });
    }

    private static Arguments kannel(String name, int status, String rawQuery) {
        return of(name, status, () -> Webhooks.kannelRaw(token(), rawQuery));
    }

    private static Arguments twilio(String name, int status, java.util.function.Consumer<Map<String, String>> change) {
        return of(name, status, () -> {
            Map<String, String> params = new LinkedHashMap<>(Webhooks.twilioParams("+6281234567890", Webhooks.twilioSid(),
                    "Jalan rusak"));
            change.accept(params);
            return Webhooks.twilio(params);
        });
    }

    private static Arguments whatsapp(String name, int status, String body) {
        return whatsappBytes(name, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments whatsappBytes(String name, int status, byte[] body) {
        return of(name, status, () -> Webhooks.post(Webhooks.WHATSAPP, body, "application/json", "X-Hub-Signature-256",
                Webhooks.whatsappSignature(body)));
    }

    private static Arguments telegram(String name, int status, String body) {
        return of(name, status, () -> Webhooks.telegram(body));
    }

    private static Arguments x(String name, int status, String body) {
        return of(name, status, () -> Webhooks.x(body));
    }

    private static String text(String id, String body) {
        return Webhooks.whatsappText("6281234567890", id, body);
    }

    private static String tg() {
        return Webhooks.telegramText(5, 1, "Jalan rusak", "id");
    }

    private static String token() {
        return Webhooks.config("aduan.channels.kannel.token");
    }

    private static String secret() {
        return Webhooks.config("aduan.channels.telegram.secret-token");
    }

    private static String id() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Each web case from an address of its own, so per-IP limits never interfere. */
    private static String ip() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Response multipart(int photos, byte[] photo) {
        var request = given().header("X-Forwarded-For", ip())
                .multiPart("complaint", "{\"text\": \"Jalan berlubang di depan pasar\"}", "application/json");
        for (int i = 0; i < photos; i++) {
            request.multiPart("photo", "foto" + i + ".jpg", photo, "image/jpeg");
        }
        return request.when().post("/api/v1/complaints");
    }

    private static Response webJson(String json) {
        return given().header("X-Forwarded-For", ip()).contentType("application/json").body(json)
                .when().post("/api/v1/complaints");
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
