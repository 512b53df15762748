package org.aduan.intake.channel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body or query string, kept as bytes until the caller
 * says which charset a value is in: Kannel sends the SMS text in the message's own charset
 * ({@code %C}), every other value in ASCII/UTF-8. A repeated name is a 400 (which one would we take?).
 */
public final class UrlEncodedForm {

    private final Map<String, byte[]> values;

    private UrlEncodedForm(Map<String, byte[]> values) {
        this.values = values;
    }

    public static UrlEncodedForm parse(String raw) {
        return parse(raw == null ? new byte[0] : raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static UrlEncodedForm parse(byte[] raw) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && raw[eq] != '=') {
                        eq++;
                    }
                    String name = strict(decode(raw, start, eq), StandardCharsets.UTF_8, "a parameter name");
                    byte[] value = eq < i ? decode(raw, eq + 1, i) : new byte[0];
                    if (values.put(name, value) != null) {
                        throw WebhookProblems.malformed("Parameter " + name + " is given more than once.");
                    }
                }
                start = i + 1;
            }
        }
        return new UrlEncodedForm(values);
    }

    public Map<String, byte[]> raw() {
        return values;
    }

    /** A value decoded as UTF-8 (invalid bytes are a 400). */
    public Optional<String> get(String name) {
        return get(name, StandardCharsets.UTF_8);
    }

    public Optional<String> get(String name, Charset charset) {
        byte[] value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(strict(value, charset, "parameter " + name));
    }

    public String require(String name, int maxLength) {
        String value = get(name).orElseThrow(() -> WebhookProblems.malformed("Parameter " + name + " is required."));
        if (value.isBlank()) {
            throw WebhookProblems.malformed("Parameter " + name + " is empty.");
        }
        if (value.length() > maxLength) {
            throw WebhookProblems.malformed("Parameter " + name + " is longer than " + maxLength + " characters.");
        }
        return value;
    }

    /** Every value decoded as UTF-8, for signatures computed over the decoded parameters. */
    public Map<String, String> decoded() {
        Map<String, String> decoded = new LinkedHashMap<>();
        values.forEach((k, v) -> decoded.put(k, strict(v, StandardCharsets.UTF_8, "parameter " + k)));
        return decoded;
    }

    private static byte[] decode(byte[] raw, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw WebhookProblems.malformed("Truncated percent-encoding.");
                }
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw WebhookProblems.malformed("Invalid percent-encoding.");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static String strict(byte[] bytes, Charset charset, String what) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw WebhookProblems.malformed("The bytes of " + what + " are not valid " + charset.name() + ".");
        }
    }
}
