package org.aduan.routing.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.routing.KafkaTraffic;
import org.aduan.routing.Keycloak;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * "Bukan wewenang": transfers re-route, never back to an agency that declined, the chain stays
 * visible, the 4th transfer lands with an operator, and an operator's choice routes it again.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "routing"), @ResourceArg(name = "keycloak", value = "true") })
class TransferTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void declinedComplaintGoesToTheSuggestedAgencyWithTheChainVisible() {
        ComplaintSubmitted complaint = submit("Jalan berlubang di Kec. Cicendo, Kota Bandung, sudah 3 bulan");
        assertThat(routedTo(complaint, 1)).isEqualTo("pemda-32.73");

        decline(complaint, "pemda-32.73", "jalan provinsi, bukan wewenang kota", Optional.of("pemda-32"));
        ComplaintRouted second = routed(complaint, 2);
        assertThat(second.agencyId()).isEqualTo("pemda-32");
        assertThat(second.ruleId()).isEqualTo("transfer-suggested");
        assertThat(second.previousAgencyId()).contains("pemda-32.73");
        assertThat(second.transferCount()).isEqualTo(1);
        assertThat(second.category()).contains("infrastruktur");

        Keycloak.asOperator().get("/api/v1/routing/decisions/{id}", complaint.complaintId()).then().statusCode(200)
                .body("agencyId", equalTo("pemda-32"))
                .body("transferCount", equalTo(1))
                .body("chain.size()", equalTo(2))
                .body("chain[0].agencyId", equalTo("pemda-32.73"))
                .body("chain[0].declineReason", equalTo("jalan provinsi, bukan wewenang kota"))
                .body("chain[0].suggestedAgency", equalTo("pemda-32"))
                .body("chain[1].agencyId", equalTo("pemda-32"))
                .body("chain[1].ruleId", equalTo("transfer-suggested"));
    }

    @Test
    void neverBackToAnAgencyThatDeclinedAndTheFourthTransferGoesToAnOperator() {
        ComplaintSubmitted complaint = submit("Jalan berlubang di Kec. Cicendo, Kota Bandung");
        assertThat(routedTo(complaint, 1)).isEqualTo("pemda-32.73");

        decline(complaint, "pemda-32.73", "bukan wewenang", Optional.empty());
        String second = routedTo(complaint, 2);
        assertThat(second).isNotEqualTo("pemda-32.73");

        // suggesting an agency that already declined is not followed
        decline(complaint, second, "bukan wewenang", Optional.of("pemda-32.73"));
        String third = routedTo(complaint, 3);
        assertThat(third).isNotIn("pemda-32.73", second);

        decline(complaint, third, "bukan wewenang", Optional.of("pln"));
        ComplaintRouted fourth = routed(complaint, 4);
        assertThat(fourth.agencyId()).isEqualTo("pln");
        assertThat(fourth.transferCount()).isEqualTo(3);

        decline(complaint, "pln", "bukan urusan listrik", Optional.of("pemda-32.04"));
        ComplaintNeedsTriage triage = await().atMost(PATIENCE).until(() -> events(Topics.TRIAGE, complaint,
                ComplaintNeedsTriage.class), list -> !list.isEmpty()).get(0);
        assertThat(triage.transferCount()).isEqualTo(4);
        assertThat(triage.previousAgencyId()).contains("pln");
        assertThat(String.join(" ", triage.reasons())).contains("declined by 4 agencies").contains("an operator decides");
        assertThat(events(Topics.ROUTED, complaint, ComplaintRouted.class)).hasSize(4);

        Keycloak.asOperator().get("/api/v1/routing/triage?size=500").then().statusCode(200)
                .body("items.complaintId", hasItem(complaint.complaintId()));

        // the operator picks an agency: routed again, by rule "operator"
        Keycloak.asOperator().contentType("application/json").body("{\"agencyId\":\"pemda-32.04\",\"note\":\"jalan kabupaten\"}")
                .post("/api/v1/routing/triage/{id}/assign", complaint.complaintId())
                .then().statusCode(200).body("agencyId", equalTo("pemda-32.04")).body("ruleId", equalTo("operator"))
                .body("chain.size()", equalTo(6))
                // the chain records which operator chose (the token's preferred_username)
                .body("chain[5].decidedBy", equalTo("operator:operator"));
        ComplaintRouted byOperator = routed(complaint, 5);
        assertThat(byOperator.agencyId()).isEqualTo("pemda-32.04");
        assertThat(byOperator.ruleId()).isEqualTo("operator");
        assertThat(byOperator.reasons()).contains("an operator chose pemda-32.04: jalan kabupaten");

        // a second assignment is a conflict: it is no longer in triage
        Keycloak.asOperator().contentType("application/json").body("{\"agencyId\":\"pemda-32\"}")
                .post("/api/v1/routing/triage/{id}/assign", complaint.complaintId())
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void declineByAnAgencyThatNoLongerHasTheComplaintChangesNothing() {
        ComplaintSubmitted complaint = submit("Sampah menumpuk di Kec. Cicendo, Kota Bandung");
        assertThat(routedTo(complaint, 1)).isEqualTo("pemda-32.73");
        decline(complaint, "pemda-32.04", "bukan wewenang", Optional.empty());
        // a later valid decline is handled, and the stale one left no trace in between
        decline(complaint, "pemda-32.73", "bukan wewenang", Optional.of("pemda-32"));
        ComplaintRouted second = routed(complaint, 2);
        assertThat(second.agencyId()).isEqualTo("pemda-32");
        assertThat(second.transferCount()).isEqualTo(1);
    }

    @Test
    void assigningWithoutAnAgencyOrToAnUnknownOneIsAProblem() {
        Keycloak.asOperator().contentType("application/json").body("{}")
                .post("/api/v1/routing/triage/{id}/assign", UUID.randomUUID().toString())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("agencyId"));
        Keycloak.asOperator().contentType("application/json").body("{\"agencyId\":\"pemda-99.99\"}")
                .post("/api/v1/routing/triage/{id}/assign", UUID.randomUUID().toString())
                .then().statusCode(400).body("errors[0].message", containsString("no active agency"));
        Keycloak.asOperator().contentType("application/json").body("{\"agencyId\":\"pln\"}")
                .post("/api/v1/routing/triage/{id}/assign", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ComplaintSubmitted submit(String text) {
        ComplaintSubmitted complaint = new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-TRF-"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "pinhash", Instant.now(), Channel.WEB,
                Optional.empty(), "id", Optional.empty(), text, Optional.empty(), Location.none(), false, false,
                Optional.empty());
        publish(Topics.SUBMITTED, complaint, "/aduan/intake-service");
        return complaint;
    }

    private static void decline(ComplaintSubmitted complaint, String agency, String reason, Optional<String> suggested) {
        publish(Topics.LIFECYCLE, new ComplaintStatusChanged(complaint.complaintId(),
                ComplaintStatusChanged.TRANSFER_REQUESTED, Optional.of("IN_PROGRESS"), Optional.of(agency),
                Instant.now(), agency, Optional.of(reason), suggested, Optional.empty()), "/aduan/followup-service");
    }

    private static void publish(String topic, ComplaintEvent event, String source) {
        KafkaTraffic.publish(topic, event.complaintId(), EventEnvelope.of(event, source, Instant.now()),
                EventJson.write(event));
    }

    private static String routedTo(ComplaintSubmitted complaint, int nth) {
        return routed(complaint, nth).agencyId();
    }

    private static ComplaintRouted routed(ComplaintSubmitted complaint, int nth) {
        return await().atMost(PATIENCE).until(() -> events(Topics.ROUTED, complaint, ComplaintRouted.class),
                list -> list.size() >= nth).get(nth - 1);
    }

    private static <E extends ComplaintEvent> List<E> events(String topic, ComplaintSubmitted complaint, Class<E> type) {
        return KafkaTraffic.readAll(topic).stream().filter(r -> complaint.complaintId().equals(r.key()))
                .map(ConsumerRecord::value).map(v -> EventJson.read(v, type)).toList();
    }
}
