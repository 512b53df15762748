package org.aduan.intake.channel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON object of a provider's webhook payload, read strictly: a missing required field, a field
 * of the wrong type, an over-long text or an id that is not an id ends the request with a 400 naming
 * the field ({@code entry[0].changes[0].value.messages[0].id}).
 */
public record PayloadNode(JsonNode node, String path) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:=+/-]{1,128}");
    private static final int MAX_ID_DIGITS = 20;

    /** Parses a body that must be strict UTF-8 JSON with an object at its root. */
    public static PayloadNode parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw WebhookProblems.malformed("The body is not valid UTF-8.");
        }
        JsonNode root;
        try {
            root = text.isBlank() ? null : EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw WebhookProblems.malformed("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw WebhookProblems.malformed("The body must be a JSON object.");
        }
        return new PayloadNode(root, "$");
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public PayloadNode object(String field) {
        return optionalObject(field).orElseThrow(() -> missing(field));
    }

    public Optional<PayloadNode> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrong(field, "an object");
        }
        return Optional.of(new PayloadNode(value, path + "." + field));
    }

    /** The objects of an array field; a missing field is an empty list. */
    public List<PayloadNode> objects(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrong(field, "an array");
        }
        if (value.size() > maxItems) {
            throw WebhookProblems.malformed(path + "." + field + " has more than " + maxItems + " items.");
        }
        List<PayloadNode> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw WebhookProblems.malformed(path + "." + field + "[" + i + "] must be an object.");
            }
            items.add(new PayloadNode(item, path + "." + field + "[" + i + "]"));
        }
        return items;
    }

    public String text(String field, int maxLength) {
        return optionalText(field, maxLength).orElseThrow(() -> missing(field));
    }

    /** A string field (may be empty); longer than {@code maxLength} code points is a 400. */
    public Optional<String> optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrong(field, "a string");
        }
        String text = value.textValue();
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw WebhookProblems.malformed(path + "." + field + " is longer than " + maxLength + " characters.");
        }
        return Optional.of(text);
    }

    /** An identifier given as a string or as an integer (Telegram's ids are numbers), as a string. */
    public String id(String field) {
        return optionalId(field).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalId(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String id;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            id = Long.toString(value.longValue());
        } else if (value.isTextual()) {
            id = value.textValue();
        } else {
            throw wrong(field, "an id (string or integer)");
        }
        if (!ID.matcher(id).matches() || (value.isIntegralNumber() && id.length() > MAX_ID_DIGITS)) {
            throw WebhookProblems.malformed(path + "." + field + " is not a valid id.");
        }
        return Optional.of(id);
    }

    public double number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isNumber()) {
            throw wrong(field, "a number");
        }
        return value.doubleValue();
    }

    public Optional<Long> optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(field, "an integer");
        }
        return Optional.of(value.longValue());
    }

    private org.aduan.intake.problem.ProblemException missing(String field) {
        return WebhookProblems.malformed(path + "." + field + " is required.");
    }

    private org.aduan.intake.problem.ProblemException wrong(String field, String expected) {
        return WebhookProblems.malformed(path + "." + field + " must be " + expected + ".");
    }
}
