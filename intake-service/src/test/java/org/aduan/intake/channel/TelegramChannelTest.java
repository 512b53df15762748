package org.aduan.intake.channel;

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
class TelegramChannelTest extends ChannelContract {

    @Override
    Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    String provider() {
        return "telegram";
    }

    @Override
    String newSender() {
        return Webhooks.randomDigits(10);
    }

    @Override
    String newMessageId() {
        return Webhooks.randomDigits(6);
    }

    @Override
    String deliveryKey(String sender, String messageId) {
        return sender + ":" + messageId;
    }

    /** A client that sends no language_code: the words decide. */
    @Override
    Response deliver(String sender, String messageId, String text) {
        return Webhooks.telegram(Webhooks.telegramText(Long.parseLong(sender), Long.parseLong(messageId), text, null));
    }

    @Override
    Response deliverUnauthenticated(String sender, String messageId, String text) {
        return Webhooks.post(Webhooks.TELEGRAM, Webhooks.telegramText(Long.parseLong(sender), Long.parseLong(messageId),
                text, null).getBytes(StandardCharsets.UTF_8), "application/json", null, null);
    }

    @Override
    Response deliverForged(String sender, String messageId, String text) {
        return Webhooks.post(Webhooks.TELEGRAM, Webhooks.telegramText(Long.parseLong(sender), Long.parseLong(messageId),
                text, null).getBytes(StandardCharsets.UTF_8), "application/json", "X-Telegram-Bot-Api-Secret-Token",
                "guessed-secret");
    }

    @Override
    int unauthenticatedStatus() {
        return 401;
    }

    @Override
    Optional<String> serviceAddress() {
        return Optional.of(Webhooks.config("aduan.channels.telegram.bot-username"));
    }

    @Test
    void languageCodeOfTheSenderDecidesTheLanguage() {
        String marker = marker();
        Webhooks.telegram(Webhooks.telegramText(Long.parseLong(newSender()), 77, "Jalan rusak di depan rumah saya "
                + marker, "en")).then().statusCode(200);
        assertThat(tap.awaitSubmitted(marker).language()).isEqualTo("en");
    }

    @Test
    void sameMessageIdInAnotherChatIsAnotherMessage() {
        String a = marker();
        String b = marker();
        Webhooks.telegram(Webhooks.telegramText(Long.parseLong(newSender()), 5, "Lampu merah mati " + a, "id"))
                .then().statusCode(200);
        Webhooks.telegram(Webhooks.telegramText(Long.parseLong(newSender()), 5, "Lampu merah mati " + b, "id"))
                .then().statusCode(200);
        assertThat(tap.awaitSubmitted(a).complaintId()).isNotEqualTo(tap.awaitSubmitted(b).complaintId());
    }

    @Test
    void largestPhotoSizeIsFetchedThroughGetFileAndStoredWithoutGps() {
        String chat = newSender();
        String marker = marker();
        String small = "AgACAgUAAxkBAAIBsmS" + marker + "s";
        String large = "AgACAgUAAxkBAAIBsmS" + marker + "l";
        MockProviders.MEDIA.put(small, Photos.jpeg(90, 60));
        MockProviders.MEDIA.put(large, Photos.jpegWithGps(320, 240));
        String update = """
                {"update_id": 10000, "message": {"message_id": %s,
                  "from": {"id": %s, "is_bot": false, "first_name": "Dewi", "language_code": "id"},
                  "chat": {"id": %s, "first_name": "Dewi", "type": "private"}, "date": 1749416383,
                  "photo": [{"file_id": "%s", "file_unique_id": "AQADs", "file_size": 1200, "width": 90, "height": 60},
                            {"file_id": "%s", "file_unique_id": "AQADl", "file_size": 30000, "width": 320, "height": 240}],
                  "caption": "Got tersumbat %s"}}""".formatted(newMessageId(), chat, chat, small, large, marker);
        Webhooks.telegram(update).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.attachments()).hasSize(1);
        StoredPhotoAssert.assertStrippedJpeg(event.attachments().get(0), 320, 240);
    }

    @Test
    void sharedLocationIsKeptAsThePointAndAddsToTheOpenComplaint() {
        String chat = newSender();
        ComplaintSubmitted complaint = complaintFrom(chat, "Ada kebocoran pipa PDAM besar " + marker());
        String update = """
                {"update_id": 10001, "message": {"message_id": %s,
                  "from": {"id": %s, "is_bot": false, "first_name": "Dewi", "language_code": "id"},
                  "chat": {"id": %s, "type": "private"}, "date": 1749416383,
                  "location": {"latitude": -6.200000, "longitude": 106.816666}}}"""
                .formatted(newMessageId(), chat, chat);
        Webhooks.telegram(update).then().statusCode(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !tap.supplemented(complaint.complaintId()).isEmpty());
        assertThat(tap.supplemented(complaint.complaintId()).get(0).point()).contains(new GeoPoint(-6.2, 106.816666));
    }

    @Test
    void locationAloneOpensAComplaintWithThePoint() {
        String chat = newSender();
        String update = """
                {"update_id": 10002, "message": {"message_id": %s,
                  "from": {"id": %s, "is_bot": false, "first_name": "Dewi", "language_code": "id"},
                  "chat": {"id": %s, "type": "private"}, "date": 1749416383,
                  "location": {"latitude": -7.2575, "longitude": 112.7521}}}""".formatted(newMessageId(), chat, chat);
        Webhooks.telegram(update).then().statusCode(200);
        ComplaintSubmitted event = tap.submitted(e -> e.location().point().filter(p -> p.latitude() == -7.2575).isPresent()
                && tap.open(e.reporter().orElseThrow()).channelAddress().filter(chat::equals).isPresent()).get(0);
        assertThat(event.text()).isEqualTo("(lokasi dikirim tanpa keterangan)");
    }

    @Test
    void groupChatsAndEditsAreAcknowledgedAndIgnored() {
        Rows.Totals before = Rows.Totals.now();
        Webhooks.telegram("""
                {"update_id": 10003, "message": {"message_id": 9, "from": {"id": 5, "is_bot": false, "first_name": "X"},
                  "chat": {"id": -1001234567890, "title": "Warga RT 05", "type": "supergroup"}, "date": 1749416383,
                  "text": "Jalan rusak"}}""").then().statusCode(200);
        Webhooks.telegram("""
                {"update_id": 10004, "edited_message": {"message_id": 9, "from": {"id": 5, "is_bot": false, "first_name": "X"},
                  "chat": {"id": 5, "type": "private"}, "date": 1749416383, "edit_date": 1749416400, "text": "Jalan rusak!"}}""")
                .then().statusCode(200);
        assertThat(Rows.Totals.now()).isEqualTo(before);
    }

    @Test
    void stickerIsNotTakenAndTheSenderIsToldWhy() {
        String chat = newSender();
        Webhooks.telegram("""
                {"update_id": 10005, "message": {"message_id": %s, "from": {"id": %s, "is_bot": false, "first_name": "Y",
                  "language_code": "en"}, "chat": {"id": %s, "type": "private"}, "date": 1749416383,
                  "sticker": {"file_id": "CAACAgIAAxkBAAIB", "file_unique_id": "AgADAw", "type": "regular",
                              "width": 512, "height": 512, "is_animated": false, "is_video": false}}}"""
                .formatted(newMessageId(), chat, chat)).then().statusCode(200);
        assertThat(replies(chat, Kind.REJECTED)).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("unsupported-media");
            assertThat(r.language()).isEqualTo("en");
        });
    }
}
