package org.aduan.intake.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.Channel;
import org.aduan.events.EventJson;
import org.aduan.events.GeoPoint;
import org.aduan.intake.attachment.MediaDownloader;
import org.aduan.intake.attachment.PhotoRejectedException;
import org.aduan.intake.attachment.PhotoSource;
import org.aduan.intake.channel.PayloadNode;
import org.aduan.intake.channel.Signatures;
import org.aduan.intake.channel.WebhookProblems;
import org.aduan.intake.conversation.ConversationService;
import org.aduan.intake.conversation.InboundMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * WhatsApp Cloud API webhook: the subscription check ({@code hub.challenge}) and messages signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>}. Text, image (downloaded
 * through the Graph API) and location messages are taken; status callbacks are acknowledged and ignored.
 */
@Path("/api/v1/channels/whatsapp")
public class WhatsAppResource {

    private static final Pattern WA_ID = Pattern.compile("[0-9]{6,20}");
    private static final int MAX_TEXT = 10_000;

    private final WhatsAppConfig config;
    private final ConversationService conversations;
    private final MediaDownloader downloader;
    private final Clock clock;

    WhatsAppResource(WhatsAppConfig config, ConversationService conversations, MediaDownloader downloader,
            Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.downloader = downloader;
        this.clock = clock;
    }

    /** Meta's subscription check: echoes {@code hub.challenge} when the verify token matches. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WhatsApp webhook verification")
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || !Signatures.same(config.verifyToken(), token)) {
            throw WebhookProblems.forged("hub.verify_token");
        }
        if (challenge == null || challenge.isEmpty() || challenge.length() > 256) {
            throw WebhookProblems.malformed("hub.challenge is required.");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    /** Messages and status callbacks. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "WhatsApp messages (Cloud API webhook)")
    public Response receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        byte[] raw = WebhookProblems.limited(body, config.maxBodyBytes());
        if (signature == null || signature.isBlank()) {
            throw WebhookProblems.unsigned("X-Hub-Signature-256");
        }
        if (!Signatures.same("sha256=" + Signatures.hmacSha256Hex(config.appSecret(), raw), signature.strip())) {
            throw WebhookProblems.forged("X-Hub-Signature-256");
        }
        PayloadNode root = PayloadNode.parse(raw);
        String object = root.text("object", 64);
        if (!"whatsapp_business_account".equals(object)) {
            throw WebhookProblems.malformed("$.object must be whatsapp_business_account.");
        }
        // Everything is read before anything is handled: a malformed item refuses the whole delivery.
        List<InboundMessage> messages = new ArrayList<>();
        for (PayloadNode entry : root.objects("entry", 100)) {
            for (PayloadNode change : entry.objects("changes", 100)) {
                String field = change.text("field", 64);
                PayloadNode value = change.object("value");
                if (!"messages".equals(field)) {
                    continue;
                }
                messages.addAll(read(value));
            }
        }
        messages.forEach(conversations::handle);
        return Response.ok().build();
    }

    private List<InboundMessage> read(PayloadNode value) {
        List<PayloadNode> items = value.objects("messages", 100);
        value.objects("statuses", 1000); // acknowledged, not ours to act on (notification tracks delivery)
        if (items.isEmpty()) {
            return List.of();
        }
        String phoneNumberId = value.object("metadata").id("phone_number_id");
        Map<String, String> names = new HashMap<>();
        for (PayloadNode contact : value.objects("contacts", 100)) {
            Optional<String> waId = contact.optionalId("wa_id");
            Optional<String> name = contact.optionalObject("profile").flatMap(p -> p.optionalText("name", 256));
            if (waId.isPresent() && name.isPresent()) {
                names.put(waId.get(), name.get());
            }
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (PayloadNode item : value.objects("messages", 100)) {
            String from = item.id("from");
            if (!WA_ID.matcher(from).matches()) {
                throw WebhookProblems.malformed(item.path() + ".from is not a WhatsApp number.");
            }
            String id = item.text("id", 128);
            if (id.isBlank()) {
                throw WebhookProblems.malformed(item.path() + ".id is empty.");
            }
            String type = item.text("type", 32);
            InboundMessage.Builder message = InboundMessage.from(Channel.WHATSAPP, "whatsapp", "+" + from)
                    .name(Optional.ofNullable(names.get(from))).to(Optional.of(phoneNumberId)).messageId(id);
            switch (type) {
                case "text" -> message.text(item.object("text").text("body", MAX_TEXT));
                case "image" -> {
                    PayloadNode image = item.object("image");
                    String mediaId = image.id("id");
                    message.text(image.optionalText("caption", MAX_TEXT).orElse("")).photo(max -> download(mediaId, max));
                }
                case "location" -> {
                    PayloadNode location = item.object("location");
                    message.point(Optional.of(point(location)));
                    List<String> words = new ArrayList<>();
                    location.optionalText("name", 500).ifPresent(words::add);
                    location.optionalText("address", 500).ifPresent(words::add);
                    message.text(String.join(", ", words));
                }
                case "reaction" -> {
                    continue; // an emoji on an earlier message: nothing to take or answer
                }
                default -> {
                    // audio, video, sticker, document, contacts, ...: not taken; the citizen is told why
                    // (contacts is an array, the media types are objects that may carry a caption)
                    JsonNode media = item.node().get(type);
                    Optional<String> caption = media != null && media.isObject()
                            ? new PayloadNode(media, item.path() + "." + type).optionalText("caption", MAX_TEXT)
                            : Optional.empty();
                    message.text(caption.orElse("")).photo(PhotoSource.unsupported());
                }
            }
            messages.add(message.receivedAt(clock.instant()));
        }
        return messages;
    }

    private static GeoPoint point(PayloadNode location) {
        try {
            return new GeoPoint(location.number("latitude"), location.number("longitude"));
        } catch (IllegalArgumentException e) {
            throw WebhookProblems.malformed(location.path() + " is not a point on Earth.");
        }
    }

    /** Graph API: {@code GET /{media-id}} gives a short-lived URL, fetched with the same bearer token. */
    private byte[] download(String mediaId, long maxBytes) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + config.accessToken());
        byte[] meta = downloader.get(URI.create(config.graphBaseUrl() + "/" + mediaId), auth, 65_536);
        JsonNode url;
        try {
            url = EventJson.mapper().readTree(new String(meta, StandardCharsets.UTF_8)).get("url");
        } catch (IOException e) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        if (url == null || !url.isTextual()) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        URI uri;
        try {
            uri = URI.create(url.textValue());
        } catch (IllegalArgumentException e) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        return downloader.get(uri, auth, maxBytes);
    }
}
