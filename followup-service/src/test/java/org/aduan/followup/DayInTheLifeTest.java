package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.sla.SlaTimer;
import org.aduan.followup.sla.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A day in the life of the city of Bandung's complaints, against real Kafka, PostgreSQL and Keycloak:
 * one is answered, rated poorly and appealed to the supervisor; one is left alone until its follow-up
 * deadline passes and it climbs to the province and on to the national coordinator; one closes by
 * itself 10 working days after its answer. Time is moved with the service clock, not waited for.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class DayInTheLifeTest {

    @Inject
    ServiceClock clock;

    @Test
    void answeredRatedAppealedEscalatedAndAutoClosed() {
        // --- morning: three complaints are submitted by citizens and routed to Kota Bandung ---
        Cases.Complaint appealed = Cases.routedTo(Keycloak.BANDUNG);
        Cases.Complaint ignored = Cases.routedTo(Keycloak.BANDUNG);
        Cases.Complaint silent = Cases.routedTo(Keycloak.BANDUNG);

        // the officer of the right agency sees them; another city's officer does not
        Keycloak.as("officer.bandung").queryParam("status", "ROUTED").queryParam("size", "100")
                .get("/api/v1/agency/complaints")
                .then().statusCode(200)
                .body("items.complaintId", hasItem(appealed.id()))
                .body("items.complaintId", hasItem(ignored.id()))
                .body("items.complaintId", hasItem(silent.id()));
        Keycloak.as("officer.semarang").queryParam("size", "100").get("/api/v1/agency/complaints")
                .then().body("items.complaintId", not(hasItem(appealed.id())));

        // --- the officer acknowledges and answers two of them ---
        for (Cases.Complaint complaint : List.of(appealed, silent)) {
            Keycloak.as("officer.bandung").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                    .body("assignedOfficer", equalTo("officer.bandung"));
            Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                    .body("{\"answer\": \"Lampu sudah diganti oleh Dinas Perhubungan pada hari ini.\"}")
                    .post("/api/v1/agency/complaints/{id}/respond", complaint.id())
                    .then().statusCode(200).body("status", equalTo("RESPONDED"));
        }

        // the silent one's citizen has 10 working days from the answer
        Instant answeredAt = Instant.parse(Keycloak.as("officer.bandung")
                .get("/api/v1/agency/complaints/{id}", silent.id()).path("respondedAt"));
        Instant closesAt = Instant.parse(citizen().get("/api/v1/track/{code}", silent.trackingCode()).path("dueAt"));
        assertThat(closesAt).isEqualTo(WorkingDayCalendar.indonesia().deadline(answeredAt, 10));

        // --- the citizen reads the answer, rates it 2 and appeals to the supervisor ---
        citizen().get("/api/v1/track/{code}", appealed.trackingCode())
                .then().statusCode(200)
                .body("status", equalTo("RESPONDED"))
                .body("statusLabel", equalTo("Sudah dijawab"))
                .body("history.action", contains("SUBMIT", "ROUTE", "ACKNOWLEDGE", "RESPOND"))
                .body("history[3].text", equalTo("Lampu sudah diganti oleh Dinas Perhubungan pada hari ini."))
                .body("possibleActions", contains("INFORMATION", "RATE", "CONFIRM", "REOPEN"));
        citizen().contentType(ContentType.JSON).body("{\"rating\": 2, \"comment\": \"Lampu masih mati.\"}")
                .post("/api/v1/track/{code}/rating", appealed.trackingCode())
                .then().statusCode(200).body("status", equalTo("RATED")).body("rating", equalTo(2))
                .body("possibleActions", hasItem("APPEAL"));
        citizen().contentType(ContentType.JSON).body("{\"reason\": \"Lampu di depan rumah nomor 12 masih mati.\"}")
                .post("/api/v1/track/{code}/appeal", appealed.trackingCode())
                .then().statusCode(200).body("status", equalTo("APPEALED"));

        // the supervisor sees the appeal; the officer may not answer it, the supervisor does
        Keycloak.as("supervisor.bandung").get("/api/v1/agency/appeals")
                .then().statusCode(200).body("items.complaintId", hasItem(appealed.id()));
        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"answer\": \"Kami cek lagi besok pagi, mohon maaf.\"}")
                .post("/api/v1/agency/complaints/{id}/respond", appealed.id())
                .then().statusCode(403).body("type", equalTo("https://aduan.org/problems/forbidden"));
        Keycloak.as("supervisor.bandung").contentType(ContentType.JSON)
                .body("{\"answer\": \"Petugas kami sudah mengganti lampu nomor 12; terima kasih atas laporannya.\"}")
                .post("/api/v1/agency/complaints/{id}/respond", appealed.id())
                .then().statusCode(200).body("status", equalTo("RESPONDED"))
                .body("history[-1].action", equalTo("ANSWER_APPEAL"))
                .body("history[-1].actorUser", equalTo("supervisor.bandung"));

        await().atMost(Cases.WAIT).untilAsserted(() -> {
            List<ComplaintStatusChanged> changes = Cases.statusChanges(appealed.id());
            assertThat(changes).extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED",
                    "IN_PROGRESS", "RESPONDED", "RATED", "APPEALED", "RESPONDED");
            assertThat(changes.get(4).rating()).contains(2);
            assertThat(changes.get(5).rating()).contains(2);
            assertThat(changes.get(5).reason()).contains("Lampu di depan rumah nomor 12 masih mati.");
            assertThat(changes.get(2).actor()).isEqualTo(Keycloak.BANDUNG);
            assertThat(changes.get(4).actor()).isEqualTo("citizen");
        });

        // --- days pass: the ignored complaint's follow-up deadline (5 working days) runs out ---
        Instant followUpDue = Instant.parse(Keycloak.as("officer.bandung")
                .get("/api/v1/agency/complaints/{id}", ignored.id()).path("dueAt"));
        moveClockTo(followUpDue.plusSeconds(60));

        await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(Cases.escalations(ignored.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyId()).isEqualTo(Keycloak.BANDUNG);
                    assertThat(e.escalatedTo()).contains(Keycloak.JABAR);
                    assertThat(e.level()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo("ROUTED");
                    assertThat(e.dueAt()).isEqualTo(followUpDue);
                }));
        // five working days were not enough to close the silent one
        Cases.awaitStatus(silent, "RESPONDED");
        // in front of the province and the operators; overdue in the city's own inbox
        Keycloak.as("supervisor.jabar").get("/api/v1/agency/escalations?size=100")
                .then().statusCode(200).body("items.complaintId", hasItem(ignored.id()));
        Keycloak.as("operator").get("/api/v1/agency/escalations?size=100")
                .then().statusCode(200).body("items.complaintId", hasItem(ignored.id()));
        Keycloak.as("officer.bandung").queryParam("overdue", "true").queryParam("size", "100")
                .get("/api/v1/agency/complaints")
                .then().body("items.complaintId", hasItem(ignored.id()));
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", ignored.id())
                .then().body("overdue", equalTo(true)).body("escalationLevel", equalTo(1))
                .body("escalations[0].escalatedTo", equalTo(Keycloak.JABAR));

        // another 5 working days without follow-up: on to the national coordinator, and no further
        Instant secondLevel = nextActionOf(ignored.id());
        moveClockTo(secondLevel.plusSeconds(60));
        await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(Cases.escalations(ignored.id()))
                .extracting(ComplaintEscalated::escalatedTo)
                .containsExactly(Optional.of(Keycloak.JABAR), Optional.of("kemenpanrb")));

        // --- the silent citizen never answers: 10 working days after the answer the complaint closes ---
        moveClockTo(closesAt.plusSeconds(60));
        Cases.awaitStatus(silent, "CLOSED");
        citizen().get("/api/v1/track/{code}", silent.trackingCode())
                .then().body("history[-1].action", equalTo("AUTO_CLOSE"))
                .body("possibleActions", empty());
        await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(Cases.statusChanges(silent.id()))
                .last().satisfies(c -> {
                    assertThat(c.status()).isEqualTo("CLOSED");
                    assertThat(c.previousStatus()).contains("RESPONDED");
                    assertThat(c.actor()).isEqualTo("system");
                }));

        // the acknowledged-and-answered complaint never escalated; the ignored one is still ROUTED
        assertThat(Cases.escalations(silent.id())).isEmpty();
        Cases.awaitStatus(ignored, "ROUTED");
    }

    private RequestSpecification citizen() {
        return given().header("X-Aduan-Pin", TestComplaints.PIN).header("X-Forwarded-For", "10.20.30.40");
    }

    private void moveClockTo(Instant when) {
        Duration ahead = Duration.between(clock.now(), when);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    private static Instant nextActionOf(String complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SlaTimer timer = SlaTimer.findById(complaintId);
            return timer.nextActionAt;
        });
    }
}
