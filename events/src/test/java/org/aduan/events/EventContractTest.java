package org.aduan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.Reporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class EventContractTest {

    static final String ID = UUID.randomUUID().toString();
    static final Instant AT = Instant.parse("2026-11-23T03:04:05.123Z");
    static final PinHash PINS = new PinHash("test-1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    static final IdentitySeal SEAL = new IdentitySeal("test-1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    static Stream<Arguments> events() {
        Reporter reporter = new Reporter(Optional.of("Siti Rahmawati"), Optional.of("+6281234567890"),
                Optional.empty(), Optional.empty());
        return Stream.of(
                Arguments.of(new ComplaintSubmitted(ID, "ADN-7KQ2-M9XD", PINS.hash("123456"), AT, Channel.WEB,
                        Optional.of("pemda-32"), "id", Optional.of("Jalan rusak"), "Jalan berlubang di depan pasar",
                        Optional.of("infrastruktur"), new Location(Optional.of("32.73"), Optional.of("Jl. Merdeka")),
                        false, true, Optional.of(SEAL.seal(reporter))), "complaint-submitted.v1.json"),
                Arguments.of(new ComplaintSubmitted(ID, "ADN-7KQ2-M9XD", PINS.hash("999999"), AT, Channel.SMS,
                        Optional.empty(), "en", Optional.empty(), "Broken street light", Optional.empty(),
                        Location.none(), true, false, Optional.empty()), "complaint-submitted.v1.json"),
                Arguments.of(new ComplaintSubmitted(ID, "ADN-7KQ2-M9XD", PINS.hash("555555"), AT, Channel.WHATSAPP,
                        Optional.empty(), "id", Optional.empty(), "Sampah menumpuk di pasar", Optional.empty(),
                        new Location(Optional.empty(), Optional.of("Pasar Kosambi"),
                                Optional.of(new GeoPoint(-6.9175, 107.6191))),
                        false, false, Optional.of(SEAL.seal(channelReporter())),
                        List.of(new Attachment(UUID.randomUUID().toString(), "image/jpeg", 48213, "a".repeat(64))),
                        Optional.of(new ChannelOrigin("whatsapp", Optional.of("106540352242922"), Optional.empty(),
                                Optional.of("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA")))),
                        "complaint-submitted.v1.json"),
                Arguments.of(new ComplaintSupplemented(ID, "ADN-7KQ2-M9XD", AT, Channel.TELEGRAM,
                        "Ini fotonya", List.of(new Attachment(UUID.randomUUID().toString(), "image/png", 1024,
                                "0123456789abcdef".repeat(4))), Optional.of(new GeoPoint(-6.2, 106.8)),
                        Optional.of(new ChannelOrigin("telegram", Optional.of("aduan_bot"), Optional.empty(),
                                Optional.of("10000")))), "complaint-supplemented.v1.json"),
                Arguments.of(new ChannelReplyRequested(UUID.randomUUID().toString(), AT, Channel.SMS, "id",
                        ChannelReplyRequested.Kind.STATUS, SEAL.seal(channelReporter()),
                        Optional.of(new ChannelOrigin("kannel", Optional.of("1708"), Optional.of("telkomsel"),
                                Optional.of("b7a1c2"))), Optional.of("ADN-7KQ2-M9XD"), Optional.of(ID),
                        Optional.empty()), "channel-reply-requested.v1.json"),
                Arguments.of(new ChannelReplyRequested(UUID.randomUUID().toString(), AT, Channel.X, "en",
                        ChannelReplyRequested.Kind.REJECTED, SEAL.seal(channelReporter()), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("too-large")),
                        "channel-reply-requested.v1.json"),
                Arguments.of(new ComplaintRouted(ID, "pemda-32.73", AT, "region-regency",
                        List.of("region code 32.73 is a regency/city"), 0.9, Optional.of("pemda-32")),
                        "complaint-routed.v1.json"),
                Arguments.of(new ComplaintRouted(ID, "pemda-32.04", AT, "transfer-suggested",
                        List.of("pemda-32.73 declined: lokasi di Kabupaten Bandung"), 0.8, Optional.empty(),
                        Optional.of("infrastruktur"), Optional.of("32.04.10"), Optional.of("pemda-32.73"), 1),
                        "complaint-routed.v1.json"),
                Arguments.of(new ComplaintRouted(ID, "pemda-32.73", AT, "local-region", List.of("region: Kota Bandung"),
                        0.9, Optional.empty(), Optional.of("infrastruktur"), Optional.of("32.73"), Optional.empty(), 0,
                        Optional.of(new AgencyName("Pemerintah Kota Bandung", "Bandung City Government"))),
                        "complaint-routed.v1.json"),
                Arguments.of(new ComplaintNeedsTriage(ID, AT, List.of("no region code")), "complaint-triage.v1.json"),
                Arguments.of(new ComplaintNeedsTriage(ID, AT, List.of("transferred 3 times"), Optional.of("air"),
                        Optional.of("32.73"), Optional.of("pemda-32"), 3), "complaint-triage.v1.json"),
                Arguments.of(new ComplaintStatusChanged(ID, "ROUTED", Optional.of("RECEIVED"),
                        Optional.of("pemda-32.73"), AT, "system", Optional.empty()),
                        "complaint-status-changed.v1.json"),
                Arguments.of(new ComplaintStatusChanged(ID, ComplaintStatusChanged.TRANSFER_REQUESTED,
                        Optional.of("IN_PROGRESS"), Optional.of("pemda-32.73"), AT, "pemda-32.73",
                        Optional.of("bukan wewenang: jalan nasional"), Optional.of("kemenpu"), Optional.empty()),
                        "complaint-status-changed.v1.json"),
                Arguments.of(new ComplaintStatusChanged(ID, "APPEALED", Optional.of("RESPONDED"),
                        Optional.of("pemda-32.73"), AT, "citizen", Optional.of("jawaban tidak menjawab"),
                        Optional.empty(), Optional.of(2)), "complaint-status-changed.v1.json"),
                Arguments.of(new ComplaintStatusChanged(ID, "ROUTED", Optional.of("RECEIVED"),
                        Optional.of("pemda-32.73"), AT, "system", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(new AgencyName("Pemerintah Kota Bandung", "Bandung City Government"))),
                        "complaint-status-changed.v1.json"),
                Arguments.of(new ComplaintEscalated(ID, AT, "pemda-32.73", Optional.of("pemda-32"), "ROUTED",
                        AT.minusSeconds(3600), 1), "complaint-escalated.v1.json"));
    }

    static Reporter channelReporter() {
        return new Reporter(Optional.empty(), Optional.of("+6281234567890"), Optional.empty(),
                Optional.of("+6281234567890"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSurvivesTheRoundTripAndMatchesItsSchema(AduanEvent event, String schemaFile) throws Exception {
        String json = EventJson.write(event);

        assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
        Set<ValidationMessage> errors = schema(schemaFile).validate(EventJson.mapper().readTree(json));
        assertThat(errors).as(json).isEmpty();
        assertThat(json).doesNotContain("\"type\"").doesNotContain("null");
    }

    @ParameterizedTest
    @MethodSource("events")
    void consumerToleratesFieldsItDoesNotKnow(AduanEvent event, String schemaFile) throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        tree.put("addedInV1_1", "something new");
        tree.putObject("nested").put("x", 1);

        assertThat(EventJson.read(tree.toString(), event.getClass())).isEqualTo(event);
    }

    @Test
    void schemaRejectsAnEventMissingARequiredField() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(
                new ComplaintNeedsTriage(ID, AT, List.of("no region"))));
        tree.remove("triagedAt");

        assertThat(schema("complaint-triage.v1.json").validate(tree)).isNotEmpty();
    }

    @Test
    void walkingSkeletonShapeOfASubmissionStillReads() throws Exception {
        ComplaintSubmitted old = new ComplaintSubmitted(ID, "ADN-7KQ2-M9XD", PINS.hash("1"), AT, Channel.WEB,
                Optional.empty(), "id", Optional.empty(), "Lampu jalan mati", Optional.empty(),
                new Location(Optional.of("32.73"), Optional.empty()), false, false, Optional.empty());
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(old));

        assertThat(tree.has("attachments")).isTrue(); // an empty list is written
        tree.remove("attachments");
        ComplaintSubmitted read = EventJson.read(tree.toString(), ComplaintSubmitted.class);

        assertThat(read).isEqualTo(old);
        assertThat(read.attachments()).isEmpty();
        assertThat(read.location().point()).isEmpty();
    }

    @Test
    void aPointOffTheEarthIsRefused() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelReplyIsKeyedByItsReplyIdAndCarriesItInTheEnvelope() {
        String replyId = UUID.randomUUID().toString();
        var reply = new ChannelReplyRequested(replyId, AT, Channel.TELEGRAM, "en", ChannelReplyRequested.Kind.HELP,
                SEAL.seal(channelReporter()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(EventEnvelope.of(reply, "/aduan/intake-service", AT).subject()).isEqualTo(replyId);
        assertThat(reply.key()).isEqualTo(replyId);
    }

    @Test
    void unknownEventTypeIsMalformed() {
        assertThatThrownBy(() -> EventJson.read("{}", "aduan.complaint.exploded.v9"))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void cloudEventsHeadersRoundTrip() {
        ComplaintRouted routed = new ComplaintRouted(ID, "pemda-32", AT, "region-province", List.of(), 1.0,
                Optional.empty());
        EventEnvelope envelope = EventEnvelope.of(routed, "/aduan/routing-service", AT);

        var headers = envelope.toHeaders();

        assertThat(new String(headers.lastHeader("ce_specversion").value())).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("ce_type").value())).isEqualTo("aduan.complaint.routed.v1");
        assertThat(EventEnvelope.fromHeaders(headers)).isEqualTo(envelope);
        assertThat(envelope.subject()).isEqualTo(ID);
    }

    @Test
    void envelopeWithoutIdIsMalformed() {
        var headers = EventEnvelope.of(new ComplaintNeedsTriage(ID, AT, List.of("x")), "/aduan/test", AT).toHeaders();
        headers.remove("ce_id");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .isInstanceOf(EventJson.MalformedEventException.class).hasMessageContaining("ce_id");
    }

    @Test
    void sealedReporterOpensOnlyWithTheKeyAndHidesTheIdentity() {
        Reporter reporter = new Reporter(Optional.of("Budi Santoso"), Optional.of("+628111"), Optional.of("budi@example.id"),
                Optional.empty());

        var sealed = SEAL.seal(reporter);

        assertThat(sealed.ciphertext()).doesNotContain("Budi");
        assertThat(SEAL.open(sealed)).isEqualTo(reporter);
        IdentitySeal otherKey = new IdentitySeal("test-1", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        assertThatThrownBy(() -> otherKey.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealedTextOpensOnlyWithTheKey() {
        var sealed = SEAL.sealText("482913");

        assertThat(sealed.ciphertext()).doesNotContain("482913");
        assertThat(SEAL.openText(sealed)).isEqualTo("482913");
        IdentitySeal otherKey = new IdentitySeal("test-1", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        assertThatThrownBy(() -> otherKey.openText(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pinHashMatchesOnlyTheRightPin() {
        String hash = PINS.hash("482913");

        assertThat(hash).doesNotContain("482913");
        assertThat(PINS.matches("482913", hash)).isTrue();
        assertThat(PINS.matches("482914", hash)).isFalse();
        assertThat(PINS.matches("482913", "garbage")).isFalse();
        PinHash otherKey = new PinHash("test-1", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        assertThat(otherKey.matches("482913", hash)).isFalse();
    }

    private static JsonSchema schema(String file) throws Exception {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            JsonNode node = EventJson.mapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
        }
    }
}
