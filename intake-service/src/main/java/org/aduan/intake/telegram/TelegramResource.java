package org.aduan.intake.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Telegram bot webhook: an {@code Update} per POST, authenticated by the secret token given to
 * {@code setWebhook}. Private-chat messages with text, a photo (its largest size, through
 * {@code getFile}), an image sent as a file, or a location are taken; the sender's
 * {@code language_code} decides the reply language.
 */
@Path("/api/v1/channels/telegram")
public class TelegramResource {

    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_./-]{1,256}");
    private static final int MAX_TEXT = 10_000;
    private static final List<String> NOT_PHOTOS = List.of("voice", "video", "video_note", "audio", "sticker",
            "animation", "contact", "poll", "dice");

    private final TelegramConfig config;
    private final ConversationService conversations;
    private final MediaDownloader downloader;
    private final Clock clock;

    TelegramResource(TelegramConfig config, ConversationService conversations, MediaDownloader downloader,
            Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.downloader = downloader;
        this.clock = clock;
    }

    /** One update from the Bot API. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Telegram bot updates (webhook)")
    public Response receive(byte[] body, @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secret) {
        byte[] raw = WebhookProblems.limited(body, config.maxBodyBytes());
        if (secret == null || secret.isEmpty()) {
            throw WebhookProblems.unsigned("X-Telegram-Bot-Api-Secret-Token");
        }
        if (!Signatures.same(config.secretToken(), secret)) {
            throw WebhookProblems.forged("X-Telegram-Bot-Api-Secret-Token");
        }
        PayloadNode update = PayloadNode.parse(raw);
        update.optionalLong("update_id")
                .orElseThrow(() -> WebhookProblems.malformed("$.update_id is required."));
        Optional<PayloadNode> message = update.optionalObject("message");
        if (message.isEmpty()) {
            return Response.ok().build(); // edits, callbacks, channel posts: nothing a citizen asked of us
        }
        read(message.get()).ifPresent(conversations::handle);
        return Response.ok().build();
    }

    private Optional<InboundMessage> read(PayloadNode m) {
        String messageId = m.id("message_id");
        PayloadNode chat = m.object("chat");
        String chatId = chat.id("id");
        String chatType = chat.text("type", 32);
        Optional<PayloadNode> from = m.optionalObject("from");
        if (!"private".equals(chatType) || from.flatMap(f -> Optional.ofNullable(f.node().get("is_bot")))
                .map(JsonNode::asBoolean).orElse(false)) {
            return Optional.empty(); // groups and bots are not citizens writing to us
        }
        Optional<String> name = from.map(f -> (f.optionalText("first_name", 256).orElse("") + " "
                + f.optionalText("last_name", 256).orElse("")).strip());
        Optional<String> language = from.flatMap(f -> f.optionalText("language_code", 35));
        String text = m.optionalText("text", MAX_TEXT).or(() -> m.optionalText("caption", MAX_TEXT)).orElse("");
        InboundMessage.Builder message = InboundMessage.from(Channel.TELEGRAM, "telegram", chatId)
                .name(name).to(Optional.of(config.botUsername())).messageId(messageId)
                // message_id is unique only within its chat
                .deliveryKey(chatId + ":" + messageId)
                .text(text).language(language);
        List<PayloadNode> sizes = m.objects("photo", 20);
        if (!sizes.isEmpty()) {
            PayloadNode largest = sizes.get(0);
            for (PayloadNode size : sizes) {
                if (area(size) > area(largest)) {
                    largest = size;
                }
            }
            String fileId = largest.text("file_id", 256);
            message.photo(max -> download(fileId, max));
        }
        m.optionalObject("document").ifPresent(document -> {
            String mime = document.optionalText("mime_type", 128).orElse("");
            String fileId = document.text("file_id", 256);
            // An image sent "as a file" keeps its EXIF on Telegram's side: it is cleaned like any photo.
            message.photo(mime.startsWith("image/") ? max -> download(fileId, max) : PhotoSource.unsupported());
        });
        for (String kind : NOT_PHOTOS) {
            if (m.has(kind)) {
                message.photo(PhotoSource.unsupported());
            }
        }
        m.optionalObject("location").ifPresent(location -> {
            try {
                message.point(Optional.of(new GeoPoint(location.number("latitude"), location.number("longitude"))));
            } catch (IllegalArgumentException e) {
                throw WebhookProblems.malformed(location.path() + " is not a point on Earth.");
            }
        });
        return Optional.of(message.receivedAt(clock.instant()));
    }

    private static long area(PayloadNode size) {
        long width = size.optionalLong("width").orElse(0L);
        long height = size.optionalLong("height").orElse(0L);
        return width * height;
    }

    /** {@code getFile} names the file's path, then {@code /file/bot<token>/<path>} serves it. */
    private byte[] download(String fileId, long maxBytes) {
        String bot = config.apiBaseUrl() + "/bot" + config.botToken();
        byte[] answer = downloader.get(URI.create(bot + "/getFile?file_id="
                + URLEncoder.encode(fileId, StandardCharsets.UTF_8)), Map.of(), 65_536);
        JsonNode path;
        try {
            JsonNode json = EventJson.mapper().readTree(new String(answer, StandardCharsets.UTF_8));
            path = json.path("result").get("file_path");
        } catch (IOException e) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        if (path == null || !path.isTextual() || !FILE_PATH.matcher(path.textValue()).matches()
                || path.textValue().contains("..")) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        return downloader.get(URI.create(config.apiBaseUrl() + "/file/bot" + config.botToken() + "/" + path.textValue()),
                Map.of(), maxBytes);
    }
}
