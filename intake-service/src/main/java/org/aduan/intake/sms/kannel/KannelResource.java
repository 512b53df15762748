package org.aduan.intake.sms.kannel;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.Channel;
import org.aduan.intake.channel.PhoneNumbers;
import org.aduan.intake.channel.Signatures;
import org.aduan.intake.channel.UrlEncodedForm;
import org.aduan.intake.channel.WebhookProblems;
import org.aduan.intake.conversation.ConversationService;
import org.aduan.intake.conversation.InboundMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SMS through a Kannel gateway: smsbox's {@code sms-service} get-url (or a POST of the same parameters
 * as a form) with {@code from=%p&to=%P&text=%a&smsc=%i&id=%I&charset=%C&coding=%c}. The answer is an
 * empty 200 (the service has {@code max-messages = 0}: replies go out through {@code sendsms}).
 */
@Path("/api/v1/channels/sms/kannel/{token}")
public class KannelResource {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_TEXT = 10_000;

    private final KannelConfig config;
    private final ConversationService conversations;
    private final Clock clock;

    KannelResource(KannelConfig config, ConversationService conversations, Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** An SMS from Kannel's get-url. */
    @GET
    @Operation(summary = "Inbound SMS from Kannel (sms-service get-url)")
    public Response get(@Parameter(description = "Secret shared with the Kannel configuration",
            schema = @Schema(type = SchemaType.STRING)) @PathParam("token") String token,
            @Context HttpServerRequest request) {
        authenticate(token);
        // The raw query: the text is percent-decoded into bytes here, then decoded in the message's charset.
        String query = request.query();
        WebhookProblems.limited(query == null ? null : query.getBytes(StandardCharsets.ISO_8859_1), config.maxBodyBytes());
        return receive(UrlEncodedForm.parse(query));
    }

    /** An SMS from Kannel's post-url, the same parameters as a form. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Inbound SMS from Kannel (form POST)")
    public Response post(@PathParam("token") String token, byte[] body) {
        authenticate(token);
        return receive(UrlEncodedForm.parse(WebhookProblems.limited(body, config.maxBodyBytes())));
    }

    private void authenticate(String token) {
        if (!Signatures.same(config.token(), token)) {
            throw WebhookProblems.forged("The Kannel token");
        }
    }

    private Response receive(UrlEncodedForm form) {
        String from = form.require("from", 32);
        String sender = PhoneNumbers.e164(from, config.countryCode())
                .orElseThrow(() -> WebhookProblems.malformed("Parameter from is not a phone number."));
        String to = form.require("to", 32);
        String id = form.require("id", 64);
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw WebhookProblems.malformed("Parameter id is not a Kannel message id.");
        }
        Optional<String> smsc = form.get("smsc").map(String::strip).filter(s -> !s.isEmpty());
        if (smsc.isPresent() && smsc.get().length() > 64) {
            throw WebhookProblems.malformed("Parameter smsc is longer than 64 characters.");
        }
        Charset charset = charset(form.get("charset"), form.get("coding"));
        String text = form.get("text", charset)
                .orElseThrow(() -> WebhookProblems.malformed("Parameter text is required."));
        if (text.length() > MAX_TEXT) {
            throw WebhookProblems.malformed("Parameter text is longer than " + MAX_TEXT + " characters.");
        }
        conversations.handle(InboundMessage.from(Channel.SMS, "kannel", sender)
                .to(Optional.of(to)).gateway(smsc).messageId(id).text(text)
                .receivedAt(clock.instant()));
        return Response.ok().build();
    }

    /**
     * The charset of {@code text}: Kannel's {@code %C}, else UCS-2 for {@code coding=2}, else UTF-8
     * (smsbox hands 7-bit GSM text over as UTF-8). 8-bit binary messages are not text.
     */
    static Charset charset(Optional<String> charset, Optional<String> coding) {
        Optional<String> name = charset.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty());
        String code = coding.map(String::strip).orElse("");
        if (!code.isEmpty() && !code.matches("[0-2]")) {
            throw WebhookProblems.malformed("Parameter coding must be 0, 1 or 2.");
        }
        if ("1".equals(code) || name.filter("BINARY"::equals).isPresent()) {
            throw WebhookProblems.malformed("Binary (8-bit) messages are not text.");
        }
        if (name.isEmpty() || name.get().equals("GSM") || name.get().equals("UTF-8")) {
            return "2".equals(code) && name.isEmpty() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8;
        }
        if (name.get().equals("UCS-2") || name.get().equals("UTF-16BE")) {
            return StandardCharsets.UTF_16BE;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw WebhookProblems.malformed("Unknown charset " + name.get() + ".");
        }
    }
}
