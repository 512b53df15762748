package org.aduan.intake.sms.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.aduan.events.Channel;
import org.aduan.intake.attachment.MediaDownloader;
import org.aduan.intake.channel.PhoneNumbers;
import org.aduan.intake.channel.Signatures;
import org.aduan.intake.channel.UrlEncodedForm;
import org.aduan.intake.channel.WebhookProblems;
import org.aduan.intake.conversation.ConversationService;
import org.aduan.intake.conversation.InboundMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SMS (and MMS photos) through Twilio's messaging webhook. {@code X-Twilio-Signature} is
 * Base64(HMAC-SHA1(auth token, webhook URL + every POST parameter's name and value, sorted by name)).
 * The answer is an empty TwiML {@code <Response/>}: replies go out through the Messages API.
 */
@Path("/api/v1/channels/sms/twilio")
public class TwilioResource {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_MEDIA = 10;

    private final TwilioConfig config;
    private final ConversationService conversations;
    private final MediaDownloader downloader;
    private final Clock clock;

    TwilioResource(TwilioConfig config, ConversationService conversations, MediaDownloader downloader, Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.downloader = downloader;
        this.clock = clock;
    }

    /** An inbound SMS or MMS from Twilio. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Inbound SMS from Twilio (messaging webhook)")
    public Response receive(byte[] body, @HeaderParam("X-Twilio-Signature") String signature) {
        UrlEncodedForm form = UrlEncodedForm.parse(WebhookProblems.limited(body, config.maxBodyBytes()));
        if (signature == null || signature.isBlank()) {
            throw WebhookProblems.unsigned("X-Twilio-Signature");
        }
        if (!Signatures.same(sign(config.authToken(), config.webhookUrl(), form.decoded()), signature.strip())) {
            throw WebhookProblems.forged("X-Twilio-Signature");
        }
        String sid = form.require("MessageSid", 64);
        if (!SID.matcher(sid).matches()) {
            throw WebhookProblems.malformed("Parameter MessageSid is not a Twilio message SID.");
        }
        String sender = PhoneNumbers.e164(form.require("From", 32), "")
                .orElseThrow(() -> WebhookProblems.malformed("Parameter From is not an E.164 phone number."));
        String to = form.require("To", 32);
        String text = form.get("Body").orElse("");
        if (text.length() > MAX_TEXT) {
            throw WebhookProblems.malformed("Parameter Body is longer than " + MAX_TEXT + " characters.");
        }
        int media = mediaCount(form.get("NumMedia"));
        InboundMessage.Builder message = InboundMessage.from(Channel.SMS, "twilio", sender)
                .to(Optional.of(to)).messageId(sid).text(text);
        String accountSid = form.get("AccountSid").orElse("");
        for (int i = 0; i < media; i++) {
            String url = form.require("MediaUrl" + i, 2048);
            if (!url.startsWith(config.mediaUrlPrefix())) {
                throw WebhookProblems.malformed("Parameter MediaUrl" + i + " is not a Twilio media URL.");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw WebhookProblems.malformed("Parameter MediaUrl" + i + " is not a URL.");
            }
            // Twilio serves media with HTTP basic auth of the account when "media URL authentication" is on.
            Map<String, String> auth = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (accountSid + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8)));
            message.photo(max -> downloader.get(uri, auth, max));
        }
        conversations.handle(message.receivedAt(clock.instant()));
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE.withCharset("UTF-8")).build();
    }

    private static int mediaCount(Optional<String> numMedia) {
        if (numMedia.isEmpty() || numMedia.get().isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(numMedia.get().strip());
            if (n < 0 || n > MAX_MEDIA) {
                throw WebhookProblems.malformed("Parameter NumMedia must be between 0 and " + MAX_MEDIA + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw WebhookProblems.malformed("Parameter NumMedia is not a number.");
        }
    }

    /** Twilio's request signature: URL, then each parameter name immediately followed by its value, by name. */
    static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Signatures.hmacSha1Base64(authToken, data.toString().getBytes(StandardCharsets.UTF_8));
    }
}
