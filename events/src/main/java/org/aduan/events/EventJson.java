package org.aduan.events;

import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of events. Unknown fields are ignored (a newer producer may add fields),
 * empty optionals are left out, instants are ISO-8601 strings.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private static final Map<String, Class<? extends ComplaintEvent>> TYPES = Map.of(
            ComplaintSubmitted.TYPE, ComplaintSubmitted.class,
            ComplaintSupplemented.TYPE, ComplaintSupplemented.class,
            ComplaintRouted.TYPE, ComplaintRouted.class,
            ComplaintNeedsTriage.TYPE, ComplaintNeedsTriage.class,
            ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class,
            ComplaintEscalated.TYPE, ComplaintEscalated.class);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(AduanEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends AduanEvent> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads an event by its CloudEvents type; an unknown type is a {@link MalformedEventException}. */
    public static ComplaintEvent read(String json, String ceType) {
        Class<? extends ComplaintEvent> type = TYPES.get(ceType);
        if (type == null) {
            throw new MalformedEventException("unknown event type " + ceType, null);
        }
        return read(json, type);
    }

    /** An event that can never be processed, however often it is retried: it belongs in the DLQ. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
