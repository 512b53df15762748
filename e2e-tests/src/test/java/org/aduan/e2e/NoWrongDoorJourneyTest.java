package org.aduan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import org.aduan.devstack.AduanService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No wrong door, across the five services: a complaint submitted with nothing but its text is routed by
 * the places and words in it; agencies that say "bukan wewenang" through their own API pass it on, the
 * referral chain stays visible, and the fourth transfer lands with an operator.
 */
class NoWrongDoorJourneyTest {

    private static final Platform platform = Platform.get();
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void complaintIsRoutedByItsTextAndTransfersEndWithAnOperator() {
        JsonNode submitted = submit("{\"text\": \"Jalan berlubang di depan SDN 3 Cicendo, Kota Bandung, sudah"
                + " tiga bulan tidak diperbaiki\", \"language\": \"id\"}");
        String id = submitted.path("id").asText();
        String code = submitted.path("trackingCode").asText();
        String pin = submitted.path("pin").asText();

        JsonNode first = awaitDecision(id, d -> d.path("chain").size() == 1);
        assertThat(first.path("agencyId").asText()).isEqualTo("pemda-32.73");
        assertThat(first.path("ruleId").asText()).isEqualTo("local-region");
        assertThat(first.path("category").asText()).isEqualTo("infrastruktur");
        assertThat(first.path("reasons").toString()).contains("Cicendo").contains("Kota Bandung");
        awaitTracked(code, pin, t -> "pemda-32.73".equals(t.path("agencyId").asText()));

        // 1: the city says it is a provincial road and names the province
        transfer("officer.bandung", id, "Jalan provinsi, bukan wewenang kota", "pemda-33.74");
        JsonNode second = awaitDecision(id, d -> d.path("chain").size() == 2);
        assertThat(second.path("agencyId").asText()).isEqualTo("pemda-33.74");
        assertThat(second.path("transferCount").asInt()).isEqualTo(1);
        assertThat(second.path("chain").get(0).path("declineReason").asText())
                .isEqualTo("Jalan provinsi, bukan wewenang kota");
        awaitTracked(code, pin, t -> "pemda-33.74".equals(t.path("agencyId").asText()));

        // 2 and 3: suggested agencies that have not declined are followed
        transfer("officer.semarang", id, "Lokasi bukan di Kota Semarang", "pln");
        assertThat(awaitDecision(id, d -> d.path("chain").size() == 3).path("agencyId").asText()).isEqualTo("pln");
        awaitTracked(code, pin, t -> "pln".equals(t.path("agencyId").asText()));
        // 3: PLN says it is a road, not a power line, and names the province
        transfer("officer.pln", id, "Bukan urusan kelistrikan", "pemda-32");
        JsonNode fourth = awaitDecision(id, d -> d.path("chain").size() == 4);
        assertThat(fourth.path("agencyId").asText()).isEqualTo("pemda-32");
        assertThat(fourth.path("transferCount").asInt()).isEqualTo(3);
        awaitTracked(code, pin, t -> "pemda-32".equals(t.path("agencyId").asText()));

        // 4: the fourth "not ours" lands with an operator, with the whole chain
        transfer("supervisor.jabar", id, "Jalan nasional, bukan jalan provinsi", null);
        JsonNode triage = awaitDecision(id, d -> "TRIAGE".equals(d.path("outcome").asText()));
        assertThat(triage.path("ruleId").asText()).isEqualTo("transfer-limit");
        assertThat(triage.path("chain").findValuesAsText("agencyId"))
                .containsExactly("pemda-32.73", "pemda-33.74", "pln", "pemda-32");
        assertThat(triage.path("reasons").toString()).contains("declined by 4 agencies");
        Platform.Response queue = platform.get(AduanService.ROUTING, "/api/v1/routing/triage?size=500", platform.bearer("operator"));
        assertThat(queue.json().path("items").findValuesAsText("complaintId")).contains(id);
        awaitTracked(code, pin, t -> "TRIAGE".equals(t.path("status").asText()));
    }

    @Test
    void citizenAbroadReachesTheMissionInThatCountry() {
        JsonNode submitted = submit("{\"text\": \"saya TKI di Johor majikan tidak bayar gaji 4 bulan\"}");
        JsonNode decision = awaitDecision(submitted.path("id").asText(), d -> d.path("chain").size() == 1);
        assertThat(decision.path("agencyId").asText()).isEqualTo("perwakilan-my");
        assertThat(decision.path("category").asText()).isEqualTo("perlindungan-wni");
    }

    // --- helpers ---

    private static JsonNode submit(String json) {
        Platform.Response response = platform.post(AduanService.INTAKE, "/api/v1/complaints", json, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    private static void transfer(String officer, String id, String reason, String suggested) {
        String body = "{\"reason\": \"" + reason + "\"" + (suggested == null ? "" : ", \"suggestedAgencyId\": \""
                + suggested + "\"") + "}";
        // the agency sees the complaint only once followup has it in its inbox
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> platform.get(
                AduanService.FOLLOWUP, "/api/v1/agency/complaints/" + id, platform.bearer(officer)).status() == 200);
        Platform.Response response = platform.post(AduanService.FOLLOWUP,
                "/api/v1/agency/complaints/" + id + "/transfer-request", body, platform.bearer(officer));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode awaitDecision(String id, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Platform.Response r = platform.get(AduanService.ROUTING, "/api/v1/routing/decisions/" + id, platform.bearer("operator"));
            if (r.status() != 200) {
                return false;
            }
            last[0] = r.json();
            return done.test(last[0]);
        });
        return last[0];
    }

    private static void awaitTracked(String code, String pin, Predicate<JsonNode> done) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Platform.Response r = platform.get(AduanService.FOLLOWUP, "/api/v1/track/" + code, Map.of("X-Aduan-Pin", pin));
            return r.status() == 200 && done.test(r.json());
        });
    }
}
