package org.aduan.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.intake.MockProviders;
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
class TwilioChannelTest extends ChannelContract {

    @Override
    Channel channel() {
        return Channel.SMS;
    }

    @Override
    String provider() {
        return "twilio";
    }

    @Override
    String newSender() {
        return "+62857" + Webhooks.randomDigits(8);
    }

    @Override
    String newMessageId() {
        return Webhooks.twilioSid();
    }

    @Override
    Response deliver(String sender, String messageId, String text) {
        return Webhooks.twilio(Webhooks.twilioParams(sender, messageId, text));
    }

    @Override
    Response deliverUnauthenticated(String sender, String messageId, String text) {
        return Webhooks.twilioSigned(Webhooks.twilioParams(sender, messageId, text), null);
    }

    @Override
    Response deliverForged(String sender, String messageId, String text) {
        Map<String, String> params = Webhooks.twilioParams(sender, messageId, text);
        return Webhooks.twilioSigned(params, Webhooks.twilioSignature("another-account-token",
                Webhooks.config("aduan.channels.twilio.webhook-url"), params));
    }

    @Override
    int unauthenticatedStatus() {
        return 401;
    }

    @Override
    Optional<String> serviceAddress() {
        return Optional.of("+6281100001708");
    }

    @Test
    void answerIsAnEmptyTwimlResponse() {
        deliver(newSender(), newMessageId(), "Jalan tol macet karena perbaikan " + marker())
                .then().statusCode(200).contentType("text/xml")
                .body(org.hamcrest.Matchers.equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    }

    @Test
    void signatureOverAnotherUrlIsRefused() {
        Map<String, String> params = Webhooks.twilioParams(newSender(), newMessageId(), "Banjir " + marker());
        Webhooks.twilioSigned(params, Webhooks.twilioSignature(Webhooks.config("aduan.channels.twilio.auth-token"),
                "https://attacker.example/hook", params)).then().statusCode(403);
    }

    @Test
    void mmsPhotoIsStoredWithoutItsGpsExif() {
        String marker = marker();
        String mediaId = "ME" + marker;
        MockProviders.MEDIA.put(mediaId, Photos.jpegWithGps(200, 150));
        Map<String, String> params = Webhooks.twilioParams(newSender(), newMessageId(), "Trotoar rusak, lihat foto " + marker);
        params.put("NumMedia", "1");
        params.put("MediaContentType0", "image/jpeg");
        params.put("MediaUrl0", MockProviders.twilioMediaUrl(mediaId));
        Webhooks.twilio(params).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.attachments()).hasSize(1);
        StoredPhotoAssert.assertStrippedJpeg(event.attachments().get(0), 200, 150);
    }

    @Test
    void mmsThatIsNotAPhotoKeepsTheTextAndTellsWhy() {
        String marker = marker();
        String mediaId = "ME" + marker;
        MockProviders.MEDIA.put(mediaId, "RIFF....WAVEfmt voice note".getBytes());
        String sender = newSender();
        Map<String, String> params = Webhooks.twilioParams(sender, newMessageId(), "Suara bising pabrik tiap malam " + marker);
        params.put("NumMedia", "1");
        params.put("MediaContentType0", "image/jpeg"); // a declared type is never believed
        params.put("MediaUrl0", MockProviders.twilioMediaUrl(mediaId));
        Webhooks.twilio(params).then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.attachments()).isEmpty();
        assertThat(replies(sender, Kind.REJECTED)).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("unsupported-media");
            assertThat(r.complaintId()).contains(event.complaintId());
        });
    }
}
