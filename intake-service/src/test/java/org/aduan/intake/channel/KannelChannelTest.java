package org.aduan.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.intake.MockProviders;
import org.aduan.intake.Rows;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "intake"), @ResourceArg(name = "keycloak", value = "true") })
@QuarkusTestResource(MockProviders.class)
class KannelChannelTest extends ChannelContract {

    @Override
    Channel channel() {
        return Channel.SMS;
    }

    @Override
    String provider() {
        return "kannel";
    }

    @Override
    String newSender() {
        return "+62812" + Webhooks.randomDigits(8);
    }

    @Override
    String newMessageId() {
        return UUID.randomUUID().toString();
    }

    @Override
    Response deliver(String sender, String messageId, String text) {
        return Webhooks.kannel(Webhooks.kannelParams(sender, messageId, text));
    }

    @Override
    Response deliverUnauthenticated(String sender, String messageId, String text) {
        return Webhooks.kannelRaw("not-the-token", Webhooks.form(Webhooks.kannelParams(sender, messageId, text)));
    }

    @Override
    Response deliverForged(String sender, String messageId, String text) {
        return Webhooks.kannelRaw(Webhooks.config("aduan.channels.kannel.token") + "x",
                Webhooks.form(Webhooks.kannelParams(sender, messageId, text)));
    }

    @Override
    int unauthenticatedStatus() {
        return 403;
    }

    @Override
    Optional<String> serviceAddress() {
        return Optional.of("1708");
    }

    @Test
    void answerIsAnEmptyOkSoThatSmsboxSendsNothingItself() {
        Response response = deliver(newSender(), newMessageId(), "Pungutan liar di kantor kelurahan " + marker());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEmpty();
    }

    @Test
    void smscAndNationalNumberAreKeptAsTheReplyNeedsThem() {
        String digits = Webhooks.randomDigits(8);
        String marker = marker();
        Map<String, String> params = Webhooks.kannelParams("0813" + digits, newMessageId(),
                "Antrean BPJS di puskesmas sangat lama " + marker);
        Webhooks.kannel(params).then().statusCode(200);
        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.origin().orElseThrow().gateway()).contains("telkomsel");
        assertThat(tap.open(event.reporter().orElseThrow()).channelAddress()).contains("+62813" + digits);
    }

    @Test
    void ucs2TextIsDecodedFromItsCharset() {
        String marker = marker();
        String text = "Jalan rusak — “berbahaya” ✋ " + marker;
        String hex = percent(text.getBytes(StandardCharsets.UTF_16BE));
        String query = "from=%2B62812" + Webhooks.randomDigits(8) + "&to=1708&text=" + hex + "&smsc=xl&id=" + newMessageId()
                + "&charset=UTF-16BE&coding=2";
        Webhooks.kannelRaw(Webhooks.config("aduan.channels.kannel.token"), query).then().statusCode(200);
        assertThat(tap.awaitSubmitted(marker).text()).isEqualTo(text);
    }

    @Test
    void latin1TextIsDecodedFromItsCharset() {
        String marker = marker();
        String text = "Café di pojok jalan buang sampah sembarangan " + marker;
        String query = "from=%2B62812" + Webhooks.randomDigits(8) + "&to=1708&text="
                + percent(text.getBytes(StandardCharsets.ISO_8859_1)) + "&smsc=xl&id=" + newMessageId()
                + "&charset=ISO-8859-1&coding=0";
        Webhooks.kannelRaw(Webhooks.config("aduan.channels.kannel.token"), query).then().statusCode(200);
        assertThat(tap.awaitSubmitted(marker).text()).isEqualTo(text);
    }

    @Test
    void postedFormIsTakenLikeTheGetUrl() {
        String marker = marker();
        given().contentType("application/x-www-form-urlencoded")
                .body(Webhooks.form(Webhooks.kannelParams(newSender(), newMessageId(), "Parkir liar di trotoar " + marker)))
                .when().post(Webhooks.KANNEL + Webhooks.config("aduan.channels.kannel.token"))
                .then().statusCode(200);
        assertThat(tap.awaitSubmitted(marker).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void senderOverTheRateLimitIsToldOnceThenIgnored() {
        String sender = newSender();
        // STATUS enquiries: counted like any message, and they open no complaint.
        for (int i = 0; i < 6; i++) {
            deliver(sender, newMessageId(), "STATUS ADN-2345-6789").then().statusCode(200);
        }
        assertThat(replies(sender, Kind.NOT_FOUND)).hasSize(6);
        String marker = marker();
        deliver(sender, newMessageId(), "Kenapa tidak dijawab " + marker).then().statusCode(200);
        deliver(sender, newMessageId(), "Halo? " + marker).then().statusCode(200);
        List<ChannelReplyRequested> limited = replies(sender, Kind.RATE_LIMITED);
        assertThat(limited).singleElement().satisfies(r -> assertThat(r.language()).isEqualTo("id"));
        assertThat(tap.submittedWithText(marker)).isEmpty();
        assertThat(replies(sender, Kind.NOT_FOUND)).hasSize(6);
        assertThat(Rows.count("SELECT count(*) FROM inbound_message WHERE outcome = 'RATE_LIMITED' AND sender_key = ?1",
                senderKeys.of(Channel.SMS, sender))).isEqualTo(2);
    }

    private static String percent(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return s.toString();
    }
}
