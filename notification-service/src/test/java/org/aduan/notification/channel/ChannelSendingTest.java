package org.aduan.notification.channel;

import static io.restassured.RestAssured.given;
import static org.aduan.notification.channel.ProviderMockClient.requests;
import static org.aduan.notification.channel.ProviderMockClient.requestsTo;
import static org.aduan.notification.channel.ProviderMockClient.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.Reporter;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.notification.KafkaTestSupport;
import org.aduan.notification.channel.ProviderMockServer.Recorded;
import org.aduan.notification.channel.ProviderMockServer.Scripted;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.reply.PendingReply;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Messages leave through the provider the citizen wrote through, in the shape each provider
 * documents; failures are retried or given up as the provider's answer says; every attempt is kept.
 */
@QuarkusTest
@TestProfile(ProvidersConfigured.class)
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class ChannelSendingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PIN_HASH = new PinHash("dev-1", "cGluLWtleS1mb3ItZGV2ZWxvcG1lbnQtb25seS0wMDE=").hash("123456");
    private static final IdentitySeal SEAL = new IdentitySeal("dev-1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private static final String AGENCY = "pemda-32.73";

    @Inject
    EntityManager em;

    // --- each provider: acknowledgement in the complaint's language, then a status update -------------

    @Test
    void kannelSmsIsAcknowledgedAndToldItsStatusThroughSendsms() {
        ChannelOrigin origin = origin("kannel", "1708", "fakesmsc");
        List<Recorded> sent = journey(Channel.SMS, origin, phone(), Function.identity(), r -> r.query().get("text"));

        for (Recorded request : sent) {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/kannel/cgi-bin/sendsms");
            assertThat(request.query())
                    .containsEntry("username", ProviderMockServer.KANNEL_USER)
                    .containsEntry("password", ProviderMockServer.KANNEL_PASSWORD)
                    .containsEntry("from", "1708")
                    .containsEntry("smsc", "fakesmsc")
                    .containsEntry("charset", "UTF-8")
                    // the texts are GSM-7: no UCS-2, so one SMS holds 160 characters
                    .doesNotContainKey("coding");
        }
    }

    @Test
    void twilioSmsIsAcknowledgedAndToldItsStatusThroughTheMessagesApi() {
        ChannelOrigin origin = origin("twilio", "+15005550006", null);
        List<Recorded> sent = journey(Channel.SMS, origin, phone(), Function.identity(), r -> r.form().get("Body"));

        String basic = "Basic " + Base64.getEncoder().encodeToString((ProviderMockServer.TWILIO_SID + ":"
                + ProviderMockServer.TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        for (Recorded request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/twilio/2010-04-01/Accounts/" + ProviderMockServer.TWILIO_SID + "/Messages.json");
            assertThat(request.headers()).containsEntry("authorization", basic);
            assertThat(request.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.form()).containsOnlyKeys("To", "From", "Body")
                    .containsEntry("To", request.recipient()).containsEntry("From", "+15005550006");
        }
    }

    @Test
    void whatsAppIsAcknowledgedAndToldItsStatusInsideTheWindowAsText() {
        ChannelOrigin origin = origin("whatsapp", "106540352242922", null);
        List<Recorded> sent = journey(Channel.WHATSAPP, origin, phone(), phone -> phone.substring(1),
                r -> r.json().path("text").path("body").asText());

        for (Recorded request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/whatsapp/v21.0/106540352242922/messages");
            assertThat(request.headers()).containsEntry("authorization", "Bearer " + ProviderMockServer.WHATSAPP_TOKEN);
            JsonNode json = request.json();
            assertThat(json.path("messaging_product").asText()).isEqualTo("whatsapp");
            assertThat(json.path("to").asText()).isEqualTo(request.recipient()).doesNotStartWith("+");
            assertThat(json.path("type").asText()).isEqualTo("text");
        }
    }

    @Test
    void telegramIsAcknowledgedAndToldItsStatusThroughSendMessage() {
        ChannelOrigin origin = origin("telegram", "AduanLaporBot", null);
        List<Recorded> sent = journey(Channel.TELEGRAM, origin, chatId(), Function.identity(),
                r -> r.json().path("text").asText());

        for (Recorded request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/telegram/bot" + ProviderMockServer.TELEGRAM_TOKEN + "/sendMessage");
            assertThat(request.headers().get("content-type")).startsWith("application/json");
            assertThat(request.json().path("chat_id").isIntegralNumber()).isTrue();
            assertThat(request.json().path("chat_id").asText()).isEqualTo(request.recipient());
        }
    }

    @Test
    void xDirectMessageIsAcknowledgedAndToldItsStatus() {
        ChannelOrigin origin = origin("x", "1577727347345620992", null);
        List<Recorded> sent = journey(Channel.X, origin, xUserId(), Function.identity(),
                r -> r.json().path("text").asText());

        for (Recorded request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/x/2/dm_conversations/with/" + request.recipient() + "/messages");
            assertThat(request.headers()).containsEntry("authorization", "Bearer " + ProviderMockServer.X_TOKEN);
            assertThat(request.json().size()).isEqualTo(1); // {"text": …} and nothing else
        }
    }

    @Test
    void publicMentionOnXIsAnsweredByDirectMessageOnlyNeverInPublic() {
        String user = xUserId();
        ChannelOrigin mention = new ChannelOrigin("x", Optional.of("1577727347345620992"), Optional.empty(),
                Optional.of("tweet-" + UUID.randomUUID()));
        ComplaintSubmitted complaint = complaint(Channel.X, mention, user, "id", Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        awaitStatus(complaint.complaintId(), 0, "SENT");
        assertThat(requestsTo(user)).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/x/2/dm_conversations/with/" + user + "/messages"));
        // nothing but DMs ever reached X: no tweet, no reply
        assertThat(requests()).filteredOn(r -> "x".equals(r.provider()))
                .allSatisfy(r -> assertThat(r.path()).matches("/x/2/dm_conversations/with/\\d+/messages"));
    }

    // --- retries --------------------------------------------------------------------------------

    @Test
    void transientFailuresAreRetriedUntilTheProviderAccepts() {
        String phone = phone();
        String outage = "{\"code\": 20500, \"message\": \"Service unavailable\", \"status\": 503}";
        script(phone, new Scripted(503, outage, Map.of()), new Scripted(503, outage, Map.of()));
        ComplaintSubmitted complaint = complaint(Channel.SMS, origin("twilio", "+15005550006", null), phone, "id",
                Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        await().atMost(WAIT).untilAsserted(() -> notifications(complaint.complaintId())
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts.outcome", contains("TRANSIENT_FAILURE", "TRANSIENT_FAILURE", "SENT"))
                .body("[0].attempts.httpStatus", contains(503, 503, 201))
                .body("[0].attempts.attempt", contains(1, 2, 3))
                .body("[0].providerMessageId", startsWith("SM"))
                .body("[0].attempts[2].providerMessageId", startsWith("SM")));
        assertThat(requestsTo(phone)).hasSize(3);
    }

    @Test
    void refusedRecipientFailsAfterOneAttemptAndTheErrorKeepsNoAddress() {
        String phone = phone();
        script(phone, new Scripted(400, "{\"code\": 21211, \"message\": \"The 'To' number " + phone
                + " is not a valid phone number.\", \"status\": 400}", Map.of()));
        ComplaintSubmitted complaint = complaint(Channel.SMS, origin("twilio", "+15005550006", null), phone, "en",
                Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        await().atMost(WAIT).untilAsserted(() -> notifications(complaint.complaintId())
                .body("[0].status", equalTo("FAILED"))
                .body("[0].reason", equalTo("refused-by-provider"))
                .body("[0].nextAttemptAt", nullValue())
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].outcome", equalTo("PERMANENT_FAILURE"))
                .body("[0].attempts[0].httpStatus", equalTo(400))
                .body("[0].attempts[0].error",
                        equalTo("twilio 21211: The 'To' number [recipient] is not a valid phone number.")));
        assertThat(requestsTo(phone)).hasSize(1);
    }

    @Test
    void aProviderThatStaysDownFailsTheMessageAfterTheLastAttempt() {
        String phone = phone();
        Scripted down = new Scripted(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}", Map.of());
        script(phone.substring(1), down, down, down, down, down, down, down, down);
        ComplaintSubmitted complaint = complaint(Channel.WHATSAPP, origin("whatsapp", "106540352242922", null), phone,
                "id", Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        await().atMost(WAIT).untilAsserted(() -> notifications(complaint.complaintId())
                .body("[0].status", equalTo("FAILED"))
                .body("[0].reason", equalTo("retries-exhausted"))
                .body("[0].attempts", hasSize(8))
                .body("[0].attempts.outcome.unique()", contains("TRANSIENT_FAILURE")));
        assertThat(requestsTo(phone.substring(1))).hasSize(8);
    }

    @Test
    void telegramRateLimitIsWaitedOutAsLongAsTelegramAsks() {
        String chat = chatId();
        script(chat, new Scripted(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                + "\"parameters\":{\"retry_after\":1}}", Map.of()));
        ComplaintSubmitted complaint = complaint(Channel.TELEGRAM, origin("telegram", "AduanLaporBot", null), chat, "id",
                Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        await().atMost(WAIT).untilAsserted(() -> notifications(complaint.complaintId())
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts.outcome", contains("TRANSIENT_FAILURE", "SENT"))
                .body("[0].attempts.httpStatus", contains(429, 200)));
        List<String> times = notifications(complaint.complaintId()).extract().path("[0].attempts.at");
        // the test profile's backoff is 50 ms; Telegram's retry_after of 1 s wins
        assertThat(Duration.between(Instant.parse(times.get(0)), Instant.parse(times.get(1))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aChannelComplaintWithoutAnAddressIsUndeliverableAndNothingIsCalled() {
        ComplaintSubmitted complaint = complaint(Channel.TELEGRAM, origin("telegram", "AduanLaporBot", null), chatId(),
                "id", Instant.now());
        ComplaintSubmitted nobody = new ComplaintSubmitted(complaint.complaintId(), complaint.trackingCode(), PIN_HASH,
                complaint.submittedAt(), Channel.TELEGRAM, Optional.empty(), "id", Optional.empty(), complaint.text(),
                Optional.empty(), complaint.location(), true, false, Optional.empty(), List.of(), complaint.origin());
        int before = requests().size();

        KafkaTestSupport.publish(Topics.SUBMITTED, nobody);

        await().atMost(WAIT).untilAsserted(() -> notifications(nobody.complaintId())
                .body("[0].status", equalTo("UNDELIVERABLE"))
                .body("[0].reason", equalTo("no-recipient"))
                .body("[0].attempts", hasSize(0)));
        assertThat(requests().subList(before, requests().size()))
                .noneSatisfy(r -> assertThat(r.body()).contains(nobody.trackingCode()));
    }

    // --- WhatsApp's 24-hour window ---------------------------------------------------------------

    @Test
    void whatsAppOutsideTheWindowSendsTheTemplateUntilTheCitizenWritesAgain() {
        String idPhone = phone();
        String enPhone = phone();
        Instant longAgo = Instant.now().minus(25, ChronoUnit.HOURS);
        ChannelOrigin origin = origin("whatsapp", "106540352242922", null);
        ComplaintSubmitted indonesian = complaint(Channel.WHATSAPP, origin, idPhone, "id", longAgo);
        ComplaintSubmitted english = complaint(Channel.WHATSAPP, origin, enPhone, "en", longAgo);

        KafkaTestSupport.publish(Topics.SUBMITTED, indonesian);
        KafkaTestSupport.publish(Topics.SUBMITTED, english);

        JsonNode template = awaitRequests(idPhone.substring(1), 1).get(0).json();
        assertThat(template.path("type").asText()).isEqualTo("template");
        assertThat(template.has("text")).isFalse();
        assertThat(template.path("template").path("name").asText()).isEqualTo(ProviderMockServer.WHATSAPP_TEMPLATE);
        assertThat(template.path("template").path("language").path("code").asText()).isEqualTo("id");
        JsonNode body = template.path("template").path("components").path(0);
        assertThat(body.path("type").asText()).isEqualTo("body");
        assertThat(body.path("parameters")).hasSize(1);
        assertThat(body.path("parameters").path(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("parameters").path(0).path("text").asText()).isEqualTo(ackId(indonesian.trackingCode()));
        JsonNode englishTemplate = awaitRequests(enPhone.substring(1), 1).get(0).json().path("template");
        assertThat(englishTemplate.path("language").path("code").asText()).isEqualTo("en_US");
        assertThat(englishTemplate.path("components").path(0).path("parameters").path(0).path("text").asText())
                .isEqualTo(ackEn(english.trackingCode()));

        // the citizen writes again: the window is open, and the next update is plain text
        Instant now = Instant.now();
        KafkaTestSupport.publish(Topics.SUBMITTED, new ComplaintSupplemented(indonesian.complaintId(),
                indonesian.trackingCode(), now, Channel.WHATSAPP, "Sudah tiga bulan.", List.of(), Optional.empty(),
                Optional.of(origin)));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ComplaintContact contact = ComplaintContact.findById(indonesian.complaintId());
            return contact != null && !contact.lastInboundAt.isBefore(now.truncatedTo(ChronoUnit.MILLIS));
        }));
        KafkaTestSupport.publish(Topics.LIFECYCLE, routed(indonesian.complaintId()));

        JsonNode text = awaitRequests(idPhone.substring(1), 2).get(1).json();
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("text").path("body").asText()).isEqualTo(routedId(indonesian.trackingCode()));
    }

    // --- replies intake asks for -------------------------------------------------------------------

    @Test
    void everyReplyKindSaysWhatWasAskedOnceEvenWhenDeliveredAgain() {
        String code = trackingCode();
        String complaintId = UUID.randomUUID().toString();
        Map<ChannelReplyRequested, String> expected = new java.util.LinkedHashMap<>();
        expected.put(reply(Kind.HELP, "id", chatId(), null, null, null),
                "Aduan: kirim keluhan Anda sebagai pesan biasa. Cek status: CEK <kode>. Bantuan: BANTUAN atau INFO.");
        expected.put(reply(Kind.HELP, "en", chatId(), null, null, null),
                "Aduan: send your complaint as a normal message. Check its status: STATUS <code>. Help: HELP or INFO.");
        expected.put(reply(Kind.NOT_FOUND, "en", chatId(), null, null, null),
                "That tracking code was not found for this number or account. Check your code and send STATUS <code>.");
        expected.put(reply(Kind.NOT_FOUND, "id", chatId(), null, null, null),
                "Kode pelacakan itu tidak ditemukan untuk nomor atau akun ini. Periksa kode Anda lalu kirim CEK <kode>.");
        expected.put(reply(Kind.SUPPLEMENTED, "id", chatId(), complaintId, code, null),
                "Pesan Anda sudah ditambahkan ke aduan " + code + ".");
        expected.put(reply(Kind.SUPPLEMENTED, "en", chatId(), complaintId, code, null),
                "Your message has been added to complaint " + code + ".");
        expected.put(reply(Kind.RATE_LIMITED, "id", chatId(), null, null, null),
                "Terlalu banyak pesan dari Anda dalam waktu singkat. Mohon coba lagi nanti.");
        expected.put(reply(Kind.RATE_LIMITED, "en", chatId(), null, null, null),
                "Too many messages from you in a short time. Please try again later.");
        expected.put(reply(Kind.REJECTED, "id", chatId(), null, null, "too-large"),
                "Lampiran Anda terlalu besar dan tidak dapat diterima. Kirim foto yang lebih kecil.");
        expected.put(reply(Kind.REJECTED, "en", chatId(), null, null, "unsupported-media"),
                "This kind of attachment is not supported. Please send a JPEG or PNG photo.");
        expected.put(reply(Kind.REJECTED, "id", chatId(), null, null, "empty"),
                "Pesan Anda kosong. Tuliskan aduan Anda, atau kirim BANTUAN untuk petunjuk.");
        expected.put(reply(Kind.REJECTED, "en", chatId(), null, null, "too-long"),
                "Your message is too long. Please shorten your complaint and send it again.");
        expected.put(reply(Kind.REJECTED, "id", chatId(), null, null, "unreadable"),
                "Pesan Anda tidak dapat dibaca. Kirim kembali sebagai teks biasa.");
        expected.put(reply(Kind.REJECTED, "en", chatId(), null, null, "a-reason-added-later"),
                "Your message could not be processed. Send HELP for instructions.");

        List<ChannelReplyRequested> markers = new ArrayList<>();
        for (ChannelReplyRequested request : expected.keySet()) {
            Headers envelope = KafkaTestSupport.envelope(request);
            KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, request, envelope);
            KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, request, envelope); // redelivered
            RecordMetadata last = KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, request); // republished, new event id
            // behind the duplicates on their partition: once it is answered, so were they
            ChannelReplyRequested marker = reply(Kind.HELP, "en", chatId(), null, null, null);
            KafkaTestSupport.publishToPartition(Topics.CHANNEL_REPLIES, last.partition(), marker);
            markers.add(marker);
        }

        for (ChannelReplyRequested marker : markers) {
            await().atMost(WAIT).untilAsserted(() -> replies(marker.replyId()).body("[0].status", equalTo("SENT")));
        }
        expected.forEach((request, text) -> {
            String chat = SEAL.open(request.recipient()).channelAddress().orElseGet(() -> SEAL.openText(request.recipient()));
            replies(request.replyId())
                    .body("", hasSize(1))
                    .body("[0].kind", equalTo("REPLY_" + request.kind()))
                    .body("[0].language", equalTo(request.language()))
                    .body("[0].provider", equalTo("telegram"))
                    .body("[0].status", equalTo("SENT"))
                    .body("[0].body", equalTo(text));
            assertThat(requestsTo(chat)).singleElement()
                    .satisfies(r -> assertThat(r.json().path("text").asText()).isEqualTo(text));
        });
    }

    @Test
    void everyStatusEnquiryGetsItsOwnAnswerWithTheLatestStatus() {
        String chat = chatId();
        ComplaintSubmitted complaint = complaint(Channel.TELEGRAM, origin("telegram", "AduanLaporBot", null), chat, "id",
                Instant.now());
        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);
        KafkaTestSupport.publish(Topics.LIFECYCLE, routed(complaint.complaintId()));
        awaitRequests(chat, 2);

        ChannelReplyRequested first = reply(Kind.STATUS, "id", chat, complaint.complaintId(), complaint.trackingCode(), null);
        ChannelReplyRequested second = reply(Kind.STATUS, "en", chat, complaint.complaintId(), complaint.trackingCode(), null);
        KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, first);
        KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, second);

        List<String> texts = awaitRequests(chat, 4).stream().map(r -> r.json().path("text").asText()).toList();
        assertThat(texts).containsExactlyInAnyOrder(ackId(complaint.trackingCode()), routedId(complaint.trackingCode()),
                routedId(complaint.trackingCode()), routedEn(complaint.trackingCode()));
        replies(first.replyId()).body("[0].kind", equalTo("REPLY_STATUS")).body("[0].complaintId",
                equalTo(complaint.complaintId()));
        notifications(complaint.complaintId()).body("kind",
                contains("ACKNOWLEDGEMENT", "STATUS_UPDATE", "REPLY_STATUS", "REPLY_STATUS"));
    }

    @Test
    void statusEnquiryBeforeTheComplaintArrivesIsAnsweredWhenItDoes() {
        String chat = chatId();
        ComplaintSubmitted complaint = complaint(Channel.TELEGRAM, origin("telegram", "AduanLaporBot", null), chat, "en",
                Instant.now());
        ChannelReplyRequested enquiry = reply(Kind.STATUS, "en", chat, complaint.complaintId(), complaint.trackingCode(),
                null);

        KafkaTestSupport.publish(Topics.LIFECYCLE, routed(complaint.complaintId()));
        KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, enquiry);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PendingReply.waiting(enquiry.replyId())));
        assertThat(requestsTo(chat)).isEmpty();

        KafkaTestSupport.publish(Topics.SUBMITTED, complaint);

        List<String> texts = awaitRequests(chat, 3).stream().map(r -> r.json().path("text").asText()).toList();
        assertThat(texts).containsExactlyInAnyOrder(ackEn(complaint.trackingCode()), routedEn(complaint.trackingCode()),
                routedEn(complaint.trackingCode()));
        replies(enquiry.replyId()).body("", hasSize(1)).body("[0].body", equalTo(routedEn(complaint.trackingCode())));
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingReply.waiting(enquiry.replyId()))).isFalse();
    }

    // --- personal data -----------------------------------------------------------------------------

    @Test
    void theRecipientAddressIsNeverStoredInClearNorShownByTheApi() {
        String phone = phone();
        String chat = chatId();
        String user = xUserId();
        ComplaintSubmitted sms = complaint(Channel.SMS, origin("kannel", "1708", "fakesmsc"), phone, "id", Instant.now());
        ComplaintSubmitted telegram = complaint(Channel.TELEGRAM, origin("telegram", "AduanLaporBot", null), chat, "id",
                Instant.now());
        ComplaintSubmitted x = complaint(Channel.X, origin("x", "1577727347345620992", null), user, "en", Instant.now());
        ChannelReplyRequested help = reply(Kind.HELP, "id", phone, null, null, null);
        help = new ChannelReplyRequested(help.replyId(), help.requestedAt(), Channel.SMS, "id", Kind.HELP,
                SEAL.sealText(phone), Optional.of(origin("kannel", "1708", "fakesmsc")), Optional.empty(),
                Optional.empty(), Optional.empty());
        for (ComplaintSubmitted complaint : List.of(sms, telegram, x)) {
            KafkaTestSupport.publish(Topics.SUBMITTED, complaint);
            KafkaTestSupport.publish(Topics.LIFECYCLE, routed(complaint.complaintId()));
        }
        KafkaTestSupport.publish(Topics.CHANNEL_REPLIES, help);
        awaitRequests(phone, 3);
        awaitRequests(chat, 2);
        awaitRequests(user, 2);

        for (String address : List.of(phone.substring(1), chat, user)) {
            assertThat(rowsContaining(address)).as("rows holding %s in clear", address).isEmpty();
        }
        for (ComplaintSubmitted complaint : List.of(sms, telegram, x)) {
            String api = notifications(complaint.complaintId()).body("status", contains("SENT", "SENT")).extract().asString();
            assertThat(api).doesNotContain(phone.substring(1)).doesNotContain(chat).doesNotContain(user);
        }
        assertThat(replies(help.replyId()).body("[0].status", equalTo("SENT")).extract().asString())
                .doesNotContain(phone.substring(1));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /**
     * An Indonesian and an English complaint through the provider, then the Indonesian one is routed:
     * returns the three requests (id acknowledgement, en acknowledgement, id status update) after
     * checking their texts and the API's record of them.
     */
    private List<Recorded> journey(Channel channel, ChannelOrigin origin, String firstAddress,
            Function<String, String> asProviderSees, Function<Recorded, String> text) {
        String secondAddress = channel == Channel.TELEGRAM ? chatId() : channel == Channel.X ? xUserId() : phone();
        ComplaintSubmitted indonesian = complaint(channel, origin, firstAddress, "id", Instant.now());
        ComplaintSubmitted english = complaint(channel, origin, secondAddress, "en", Instant.now());

        KafkaTestSupport.publish(Topics.SUBMITTED, indonesian);
        KafkaTestSupport.publish(Topics.SUBMITTED, english);

        Recorded ackId = awaitRequests(asProviderSees.apply(firstAddress), 1).get(0);
        Recorded ackEn = awaitRequests(asProviderSees.apply(secondAddress), 1).get(0);
        assertThat(text.apply(ackId)).isEqualTo(ackId(indonesian.trackingCode()));
        assertThat(text.apply(ackEn)).isEqualTo(ackEn(english.trackingCode()));

        KafkaTestSupport.publish(Topics.LIFECYCLE, routed(indonesian.complaintId()));

        Recorded status = awaitRequests(asProviderSees.apply(firstAddress), 2).get(1);
        assertThat(text.apply(status)).isEqualTo(routedId(indonesian.trackingCode()));
        await().atMost(WAIT).untilAsserted(() -> notifications(indonesian.complaintId())
                .body("kind", contains("ACKNOWLEDGEMENT", "STATUS_UPDATE"))
                .body("provider", contains(origin.provider(), origin.provider()))
                .body("status", contains("SENT", "SENT"))
                .body("[0].attempts", hasSize(1))
                .body("[0].attempts[0].outcome", equalTo("SENT"))
                .body("[1].attempts[0].outcome", equalTo("SENT")));
        return List.of(ackId, ackEn, status);
    }

    private static List<Recorded> awaitRequests(String recipient, int count) {
        return await().atMost(WAIT).until(() -> requestsTo(recipient), list -> list.size() >= count);
    }

    private static void awaitStatus(String complaintId, int index, String status) {
        await().atMost(WAIT).untilAsserted(() -> notifications(complaintId).body("[" + index + "].status", equalTo(status)));
    }

    private List<String> rowsContaining(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE'""").getResultList();
            assertThat(tables).contains("outbound_message", "delivery_attempt", "complaint_contact", "pending_reply");
            for (String table : tables) {
                Number count = (Number) em.createNativeQuery("select count(*) from \"" + table + "\" t where t::text like :text")
                        .setParameter("text", "%" + text + "%").getSingleResult();
                if (count.longValue() > 0) {
                    found.add(table);
                }
            }
            return found;
        });
    }

    private static ValidatableResponse notifications(String complaintId) {
        return given().queryParam("complaintId", complaintId).when().get("/api/v1/notifications").then().statusCode(200);
    }

    private static ValidatableResponse replies(String replyId) {
        return given().queryParam("replyId", replyId).when().get("/api/v1/notifications").then().statusCode(200);
    }

    static String ackId(String code) {
        return "Terima kasih, aduan Anda sudah kami terima. Kode pelacakan: " + code + ". Untuk cek status, balas CEK " + code;
    }

    static String ackEn(String code) {
        return "Thank you, we have received your complaint. Tracking code: " + code + ". To check its status, reply STATUS "
                + code;
    }

    static String routedId(String code) {
        return "Aduan " + code + " telah diteruskan ke " + AGENCY + ".";
    }

    static String routedEn(String code) {
        return "Your complaint " + code + " has been forwarded to " + AGENCY + ".";
    }

    private static ChannelOrigin origin(String provider, String serviceAddress, String gateway) {
        return new ChannelOrigin(provider, Optional.ofNullable(serviceAddress), Optional.ofNullable(gateway),
                Optional.of("in-" + UUID.randomUUID()));
    }

    private static ComplaintSubmitted complaint(Channel channel, ChannelOrigin origin, String address, String language,
            Instant submittedAt) {
        boolean phone = channel == Channel.SMS || channel == Channel.WHATSAPP;
        Reporter reporter = new Reporter(Optional.empty(), phone ? Optional.of(address) : Optional.empty(),
                Optional.empty(), Optional.of(address));
        return new ComplaintSubmitted(UUID.randomUUID().toString(), trackingCode(), PIN_HASH, submittedAt, channel,
                Optional.empty(), language, Optional.empty(), "Jalan berlubang di Jl. Pasirkaliki, sudah 2 bulan.",
                Optional.of("infrastruktur"), new Location(Optional.of("32.73"), Optional.empty()), false, false,
                Optional.of(SEAL.seal(reporter)), List.of(), Optional.of(origin));
    }

    /** A reply request on Telegram; the recipient sealed as a Reporter (as intake seals complaints). */
    private static ChannelReplyRequested reply(Kind kind, String language, String chat, String complaintId,
            String trackingCode, String reason) {
        SealedIdentity recipient = SEAL.seal(new Reporter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(chat)));
        return new ChannelReplyRequested(UUID.randomUUID().toString(), Instant.now(), Channel.TELEGRAM, language, kind,
                recipient, Optional.of(origin("telegram", "AduanLaporBot", null)), Optional.ofNullable(trackingCode),
                Optional.ofNullable(complaintId), Optional.ofNullable(reason));
    }

    private static ComplaintStatusChanged routed(String complaintId) {
        return new ComplaintStatusChanged(complaintId, "ROUTED", Optional.of("RECEIVED"), Optional.of(AGENCY),
                Instant.now(), "system", Optional.empty());
    }

    private static String trackingCode() {
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return "ADN-" + random.substring(0, 4) + "-" + random.substring(4, 8);
    }

    private static String phone() {
        return "+62812" + digits(7);
    }

    private static String chatId() {
        return "7" + digits(9);
    }

    private static String xUserId() {
        return "15" + digits(17);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
