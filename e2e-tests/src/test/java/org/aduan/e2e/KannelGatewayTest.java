package org.aduan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.aduan.devstack.KannelGateway;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * devstack's Kannel on its own, before the platform uses it: a message typed on the fake network reaches
 * the configured service with Kannel's fields, sendsms reaches the fake network (a long text as one
 * concatenated SMS), and a message whose answer got lost is delivered again under the same id.
 */
class KannelGatewayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SmsboxCalls service;
    private static KannelGateway kannel;

    @BeforeAll
    static void startKannel() {
        Assumptions.assumeTrue(KannelGateway.available(), () -> KannelGateway.unavailableReason().orElseThrow());
        service = SmsboxCalls.start(Optional.empty());
        kannel = KannelGateway.start(KannelGateway.Plan.fresh(), service.url(),
                Path.of("target/kannel-gateway").toAbsolutePath());
    }

    @AfterAll
    static void stopKannel() {
        if (kannel != null) {
            kannel.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void messageFromThePhoneReachesTheServiceWithKannelsFields() {
        String phone = newPhone();
        kannel.sendSms(phone, "1708", "Jalan berlubang di Jl. Pasirkaliki, Kota Bandung");

        SmsboxCalls.Call call = awaitCalls(phone, 1).get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/api/v1/channels/sms/kannel/" + kannel.plan().token());
        assertThat(call.param("from")).isEqualTo(phone);
        assertThat(call.param("to")).isEqualTo("1708");
        assertThat(call.param("text")).isEqualTo("Jalan berlubang di Jl. Pasirkaliki, Kota Bandung");
        assertThat(call.param("smsc")).isEqualTo(KannelGateway.SMSC_ID);
        assertThat(UUID.fromString(call.param("id"))).isNotNull();
        assertThat(call.params()).containsKeys("charset", "coding");
    }

    @Test
    void sendsmsReachesThePhoneAsOneMessageEvenWhenLongerThanOneSms() {
        String phone = newPhone();
        String text = "Terima kasih, aduan Anda sudah kami terima. Kode pelacakan: ADN-7KQ2-M9XD. Balas STATUS"
                + " ADN-7KQ2-M9XD atau CEK ADN-7KQ2-M9XD untuk mengetahui perkembangannya. Café ✓";

        HttpResponse<String> accepted = sendsms(Map.of("username", kannel.plan().username(), "password",
                kannel.plan().password(), "from", "1708", "to", phone, "text", text, "smsc", KannelGateway.SMSC_ID,
                "charset", "UTF-8", "coding", "2"));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("Accepted for delivery");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(kannel.deliveredTo(phone))
                .containsExactly(new KannelGateway.Sms("1708", phone, text)));
    }

    @Test
    void sendsmsWithAWrongPasswordSendsNothing() {
        String phone = newPhone();
        HttpResponse<String> refused = sendsms(Map.of("username", kannel.plan().username(), "password", "wrong",
                "from", "1708", "to", phone, "text", "should never leave"));

        assertThat(refused.statusCode()).isEqualTo(403);
        // a message that was accepted after the refused one arrives, so the refused one would have by then
        String later = newPhone();
        sendsms(Map.of("username", kannel.plan().username(), "password", kannel.plan().password(), "from", "1708",
                "to", later, "text", "accepted"));
        Awaitility.await().atMost(PATIENCE).until(() -> !kannel.deliveredTo(later).isEmpty());
        assertThat(kannel.deliveredTo(phone)).isEmpty();
    }

    @Test
    void messageWhoseAnswerGotLostIsDeliveredAgainUnderTheSameId() {
        String phone = newPhone();
        service.loseFirstAnswerFor(phone);

        kannel.sendSms(phone, "1708", "CEK ADN-7KQ2-M9XD");

        List<SmsboxCalls.Call> calls = awaitCalls(phone, 2);
        assertThat(calls).extracting(SmsboxCalls.Call::answeredStatus).containsExactly(503, 200);
        assertThat(calls.get(1).param("id")).isEqualTo(calls.get(0).param("id"));
        assertThat(calls.get(1).param("text")).isEqualTo("CEK ADN-7KQ2-M9XD");
    }

    private static List<SmsboxCalls.Call> awaitCalls(String phone, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> service.callsFrom(phone).size() >= count);
        return service.callsFrom(phone);
    }

    private static HttpResponse<String> sendsms(Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(kannel.plan().sendsmsUrl() + "?" + query))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh Indonesian mobile number, so each test reads only its own messages. */
    static String newPhone() {
        long digits = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return String.format("+62813%08d", digits);
    }
}
