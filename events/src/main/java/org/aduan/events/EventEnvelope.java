package org.aduan.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 attributes of one event, carried in Kafka binary mode: {@code ce_*} headers and the
 * JSON event as the record value.
 *
 * @param id      unique per event; consumers keep a ledger of processed ids, so a redelivered event is
 *                recognised
 * @param type    versioned event type, e.g. {@code aduan.complaint.submitted.v1}
 * @param source  the producing service, e.g. {@code /aduan/intake-service}
 * @param time    when the event happened
 * @param subject the complaint id (also the Kafka key)
 */
public record EventEnvelope(String id, String type, URI source, Instant time, String subject) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** A fresh envelope for an event produced now by {@code source}. */
    public static EventEnvelope of(AduanEvent event, String source, Instant time) {
        return new EventEnvelope(UUID.randomUUID().toString(), event.type(), URI.create(source), time,
                event.key());
    }

    /** Kafka headers in CloudEvents binary mode. */
    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        put(headers, CE_SPECVERSION, SPEC_VERSION);
        put(headers, CE_ID, id);
        put(headers, CE_TYPE, type);
        put(headers, CE_SOURCE, source.toString());
        put(headers, CE_TIME, time.toString());
        put(headers, CE_SUBJECT, subject);
        put(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads the envelope from Kafka headers.
     *
     * @throws EventJson.MalformedEventException when a required attribute is missing or unreadable
     */
    public static EventEnvelope fromHeaders(Headers headers) {
        String specVersion = get(headers, CE_SPECVERSION).orElse(SPEC_VERSION);
        if (!specVersion.startsWith("1.")) {
            throw new EventJson.MalformedEventException("unsupported CloudEvents version " + specVersion, null);
        }
        try {
            return new EventEnvelope(
                    require(headers, CE_ID),
                    require(headers, CE_TYPE),
                    URI.create(require(headers, CE_SOURCE)),
                    get(headers, CE_TIME).map(Instant::parse).orElse(Instant.EPOCH),
                    get(headers, CE_SUBJECT).orElse(""));
        } catch (RuntimeException e) {
            if (e instanceof EventJson.MalformedEventException m) {
                throw m;
            }
            throw new EventJson.MalformedEventException("unreadable CloudEvents header: " + e.getMessage(), e);
        }
    }

    private static String require(Headers headers, String key) {
        return get(headers, key).orElseThrow(
                () -> new EventJson.MalformedEventException("missing CloudEvents header " + key, null));
    }

    private static Optional<String> get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
