package org.aduan.intake.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
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
class XChannelTest extends ChannelContract {

    @Override
    Channel channel() {
        return Channel.X;
    }

    @Override
    String provider() {
        return "x";
    }

    @Override
    String newSender() {
        return Webhooks.randomDigits(10);
    }

    @Override
    String newMessageId() {
        return Webhooks.randomDigits(18);
    }

    @Override
    Response deliver(String sender, String messageId, String text) {
        return Webhooks.x(Webhooks.xDirectMessage(sender, messageId, text));
    }

    @Override
    Response deliverUnauthenticated(String sender, String messageId, String text) {
        return Webhooks.post(Webhooks.X, Webhooks.xDirectMessage(sender, messageId, text).getBytes(StandardCharsets.UTF_8),
                "application/json", null, null);
    }

    @Override
    Response deliverForged(String sender, String messageId, String text) {
        byte[] body = Webhooks.xDirectMessage(sender, messageId, text).getBytes(StandardCharsets.UTF_8);
        return Webhooks.post(Webhooks.X, body, "application/json", "x-twitter-webhooks-signature",
                "sha256=" + Base64.getEncoder().encodeToString(Webhooks.hmac("HmacSHA256", "wrong-secret", body)));
    }

    @Override
    int unauthenticatedStatus() {
        return 401;
    }

    @Override
    Optional<String> serviceAddress() {
        return Optional.of(Webhooks.X_ACCOUNT);
    }

    @Test
    void crcCheckAnswersTheSignedResponseToken() {
        String token = "9b4507b3-9040-4669-9ba0-b8a2b6a4d2e6";
        String expected = "sha256=" + Base64.getEncoder().encodeToString(Webhooks.hmac("HmacSHA256",
                Webhooks.config("aduan.channels.x.consumer-secret"), token.getBytes(StandardCharsets.UTF_8)));
        given().queryParam("crc_token", token).when().get(Webhooks.X)
                .then().statusCode(200).body("response_token", org.hamcrest.Matchers.equalTo(expected));
        given().when().get(Webhooks.X).then().statusCode(400);
    }

    @Test
    void ourOwnDirectMessagesAreNeverTakenAsComplaints() {
        Rows.Totals before = Rows.Totals.now();
        deliver(Webhooks.X_ACCOUNT, newMessageId(), "Aduan Anda telah diterima. Kode pelacakan ADN-2345-6789")
                .then().statusCode(200);
        assertThat(Rows.Totals.now()).isEqualTo(before);
    }

    @Test
    void mentionOpensAComplaintAnsweredByDirectMessage() {
        String author = newSender();
        String marker = marker();
        String tweet = """
                {"for_user_id": "%s", "tweet_create_events": [{
                  "created_at": "Mon Jun 09 10:12:13 +0000 2025", "id": %s, "id_str": "%s",
                  "text": "@aduan_id @pemkotbdg Lampu PJU mati di Jl. Dago sejak seminggu %s",
                  "user": {"id": %s, "id_str": "%s", "name": "Agus", "screen_name": "agus_bdg"},
                  "entities": {"hashtags": [], "urls": [], "user_mentions": [
                    {"screen_name": "aduan_id", "name": "Aduan", "id": %s, "id_str": "%s", "indices": [0, 9]},
                    {"screen_name": "pemkotbdg", "name": "Pemkot Bandung", "id": 1, "id_str": "1", "indices": [10, 20]}]}}]}"""
                .formatted(Webhooks.X_ACCOUNT, newMessageId(), newMessageId(), marker, author, author,
                        Webhooks.X_ACCOUNT, Webhooks.X_ACCOUNT);
        Webhooks.x(tweet).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.text()).startsWith("Lampu PJU mati");
        assertThat(event.origin().orElseThrow().gateway()).contains("mention");
        assertThat(tap.open(event.reporter().orElseThrow()).channelAddress()).contains(author);
    }

    @Test
    void ownTweetsAndTweetsNotAddressedToUsAreIgnored() {
        Rows.Totals before = Rows.Totals.now();
        String other = newSender();
        String tweets = """
                {"for_user_id": "%s", "tweet_create_events": [
                  {"id_str": "%s", "text": "Terima kasih atas laporannya",
                   "user": {"id_str": "%s", "name": "Aduan"},
                   "entities": {"user_mentions": [{"id_str": "%s"}]}},
                  {"id_str": "%s", "text": "Macet parah hari ini",
                   "user": {"id_str": "%s", "name": "Someone"}, "entities": {"user_mentions": []}}]}"""
                .formatted(Webhooks.X_ACCOUNT, newMessageId(), Webhooks.X_ACCOUNT, Webhooks.X_ACCOUNT, newMessageId(), other);
        Webhooks.x(tweets).then().statusCode(200);
        assertThat(Rows.Totals.now()).isEqualTo(before);
    }
}
