package org.aduan.intake.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.GeoPoint;
import org.aduan.intake.MockProviders;
import org.aduan.intake.Rows;
import org.aduan.intake.attachment.Photos;
import org.aduan.intake.attachment.StoredPhotoAssert;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "intake"), @ResourceArg(name = "keycloak", value = "true") })
@QuarkusTestResource(MockProviders.class)
class WhatsAppChannelTest extends ChannelContract {

    @Override
    Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    String provider() {
        return "whatsapp";
    }

    @Override
    String newSender() {
        return "+62878" + Webhooks.randomDigits(8);
    }

    @Override
    String newMessageId() {
        return "wamid.HBgNNjI4" + Webhooks.randomDigits(16) + "AA==";
    }

    @Override
    Response deliver(String sender, String messageId, String text) {
        return Webhooks.whatsapp(Webhooks.whatsappText(sender.substring(1), messageId, text));
    }

    @Override
    Response deliverUnauthenticated(String sender, String messageId, String text) {
        return Webhooks.post(Webhooks.WHATSAPP, Webhooks.whatsappText(sender.substring(1), messageId, text)
                .getBytes(StandardCharsets.UTF_8), "application/json", null, null);
    }

    @Override
    Response deliverForged(String sender, String messageId, String text) {
        byte[] body = Webhooks.whatsappText(sender.substring(1), messageId, text).getBytes(StandardCharsets.UTF_8);
        String forged = "sha256=" + java.util.HexFormat.of().formatHex(Webhooks.hmac("HmacSHA256", "not-the-secret", body));
        return Webhooks.post(Webhooks.WHATSAPP, body, "application/json", "X-Hub-Signature-256", forged);
    }

    @Override
    int unauthenticatedStatus() {
        return 401;
    }

    @Override
    Optional<String> serviceAddress() {
        return Optional.of(Webhooks.WA_PHONE_NUMBER_ID);
    }

    @Test
    void subscriptionCheckEchoesTheChallengeOnlyForTheRightToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", Webhooks.config("aduan.channels.whatsapp.verify-token"))
                .queryParam("hub.challenge", "1158201444")
                .when().get(Webhooks.WHATSAPP).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .when().get(Webhooks.WHATSAPP).then().statusCode(403);
    }

    @Test
    void contactNameTravelsSealedWithTheNumber() {
        String sender = newSender();
        String marker = marker();
        deliver(sender, newMessageId(), "Bantuan sosial tidak sampai ke warga miskin " + marker).then().statusCode(200);
        var reporter = tap.open(tap.awaitSubmitted(marker).reporter().orElseThrow());
        assertThat(reporter.name()).contains("Siti Rahayu");
        assertThat(reporter.phone()).contains(sender);
    }

    @Test
    void imageIsFetchedThroughTheGraphApiAndStoredWithoutGps() {
        String sender = newSender();
        String marker = marker();
        String mediaId = Webhooks.randomDigits(15);
        MockProviders.MEDIA.put(mediaId, Photos.jpegWithGps(240, 180));
        String message = """
                {"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "image",
                 "image": {"caption": "Tumpukan sampah di TPS %s", "mime_type": "image/jpeg",
                           "sha256": "0Ue9vHb8kSxGmHvl0ntMLdR5nG8WbnW1R2aXwYyrGio=", "id": "%s"}}"""
                .formatted(sender.substring(1), newMessageId(), marker, mediaId);
        Webhooks.whatsapp(Webhooks.whatsappEnvelope("{\"profile\": {\"name\": \"Ani\"}, \"wa_id\": \"" + sender.substring(1)
                + "\"}", message)).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.attachments()).hasSize(1);
        StoredPhotoAssert.assertStrippedJpeg(event.attachments().get(0), 240, 180);
        assertThat(event.location().point()).isEmpty();
    }

    @Test
    void sharedLocationIsKeptAsThePoint() {
        String sender = newSender();
        String marker = marker();
        String message = """
                {"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "location",
                 "location": {"latitude": -6.9147, "longitude": 107.6098, "name": "Pasar Baru %s",
                              "address": "Jl. Otto Iskandardinata, Bandung"}}"""
                .formatted(sender.substring(1), newMessageId(), marker);
        Webhooks.whatsapp(Webhooks.whatsappEnvelope("", message)).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.location().point()).contains(new GeoPoint(-6.9147, 107.6098));
        assertThat(event.text()).contains("Jl. Otto Iskandardinata");
    }

    @Test
    void statusCallbacksAreAcknowledgedAndIgnored() {
        Rows.Totals before = Rows.Totals.now();
        String statuses = """
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
                  "messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                  "statuses": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", "status": "delivered",
                    "timestamp": "1750263773", "recipient_id": "6281234567890",
                    "conversation": {"id": "6ceb9d929c4a4c2b0f5d0c3ef4a5b3e3", "origin": {"type": "service"}},
                    "pricing": {"billable": true, "pricing_model": "CBP", "category": "service"}}]},
                  "field": "messages"}]}]}""";
        Webhooks.whatsapp(statuses).then().statusCode(200);
        assertThat(Rows.Totals.now()).isEqualTo(before);
    }

    @Test
    void voiceNoteIsNotTakenAndTheSenderIsToldWhy() {
        String sender = newSender();
        String message = """
                {"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "audio",
                 "audio": {"mime_type": "audio/ogg; codecs=opus", "sha256": "abc", "id": "%s", "voice": true}}"""
                .formatted(sender.substring(1), newMessageId(), Webhooks.randomDigits(15));
        Webhooks.whatsapp(Webhooks.whatsappEnvelope("", message)).then().statusCode(200);
        assertThat(replies(sender, Kind.REJECTED)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("unsupported-media"));
        assertThat(Rows.count("SELECT count(*) FROM complaint WHERE sender_key = ?1",
                senderKeys.of(Channel.WHATSAPP, sender))).isZero();
    }
}
