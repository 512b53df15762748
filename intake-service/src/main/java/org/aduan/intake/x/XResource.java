package org.aduan.intake.x;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.Channel;
import org.aduan.intake.channel.PayloadNode;
import org.aduan.intake.channel.Signatures;
import org.aduan.intake.channel.WebhookProblems;
import org.aduan.intake.conversation.ConversationService;
import org.aduan.intake.conversation.InboundMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
 * X (Twitter) Account Activity API webhook: the challenge-response check ({@code crc_token}) and
 * events signed with {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret,
 * body)>}. Direct messages and public mentions of the account are taken; the account's own DMs and
 * tweets are ignored (or it would answer itself forever). A mention is answered by DM only
 * ({@code origin.gateway = mention}).
 */
@Path("/api/v1/channels/x")
public class XResource {

    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*@\\w{1,50})+\\s*");
    private static final int MAX_TEXT = 10_000;

    private final XConfig config;
    private final ConversationService conversations;
    private final Clock clock;

    XResource(XConfig config, ConversationService conversations, Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The CRC check X makes when the webhook is registered and every hour after. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X webhook challenge-response check")
    public Map<String, String> crc(@QueryParam("crc_token") String crcToken) {
        if (crcToken == null || crcToken.isEmpty() || crcToken.length() > 512) {
            throw WebhookProblems.malformed("crc_token is required.");
        }
        return Map.of("response_token", "sha256=" + Signatures.hmacSha256Base64(config.consumerSecret(),
                crcToken.getBytes(StandardCharsets.UTF_8)));
    }

    /** Account activity events. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "X account activity (DMs and mentions)")
    public Response receive(byte[] body, @HeaderParam("x-twitter-webhooks-signature") String signature) {
        byte[] raw = WebhookProblems.limited(body, config.maxBodyBytes());
        if (signature == null || signature.isBlank()) {
            throw WebhookProblems.unsigned("x-twitter-webhooks-signature");
        }
        if (!Signatures.same("sha256=" + Signatures.hmacSha256Base64(config.consumerSecret(), raw), signature.strip())) {
            throw WebhookProblems.forged("x-twitter-webhooks-signature");
        }
        PayloadNode root = PayloadNode.parse(raw);
        String account = userId(root, "for_user_id");
        Optional<PayloadNode> users = root.optionalObject("users");
        List<InboundMessage> messages = new ArrayList<>();
        for (PayloadNode event : root.objects("direct_message_events", 100)) {
            if (!"message_create".equals(event.text("type", 64))) {
                continue;
            }
            String id = event.id("id");
            PayloadNode create = event.object("message_create");
            String sender = userId(create, "sender_id");
            if (sender.equals(account)) {
                continue; // our own reply
            }
            String text = create.object("message_data").optionalText("text", MAX_TEXT).orElse("");
            Optional<String> name = users.flatMap(u -> u.optionalObject(sender)).flatMap(u -> u.optionalText("name", 256));
            messages.add(InboundMessage.from(Channel.X, "x", sender).name(name).to(Optional.of(account))
                    .gateway(Optional.of("dm")).messageId(id).text(text).receivedAt(clock.instant()));
        }
        for (PayloadNode tweet : root.objects("tweet_create_events", 100)) {
            String id = tweet.id("id_str");
            PayloadNode user = tweet.object("user");
            String author = userId(user, "id_str");
            if (author.equals(account) || tweet.has("retweeted_status") || !mentions(tweet, account)) {
                continue; // our own tweet, a retweet, or a tweet that does not address us
            }
            String text = tweet.optionalObject("extended_tweet").flatMap(e -> e.optionalText("full_text", MAX_TEXT))
                    .or(() -> tweet.optionalText("text", MAX_TEXT)).orElse("");
            messages.add(InboundMessage.from(Channel.X, "x", author).name(user.optionalText("name", 256))
                    .to(Optional.of(account)).gateway(Optional.of("mention")).messageId(id)
                    .text(LEADING_MENTIONS.matcher(text).replaceFirst("")).receivedAt(clock.instant()));
        }
        messages.forEach(conversations::handle);
        return Response.ok().build();
    }

    private static boolean mentions(PayloadNode tweet, String account) {
        return tweet.optionalObject("entities").map(e -> e.objects("user_mentions", 100)).orElse(List.of())
                .stream().anyMatch(m -> m.optionalId("id_str").filter(account::equals).isPresent());
    }

    private static String userId(PayloadNode node, String field) {
        String id = node.id(field);
        if (!USER_ID.matcher(id).matches()) {
            throw WebhookProblems.malformed(node.path() + "." + field + " is not an X user id.");
        }
        return id;
    }
}
