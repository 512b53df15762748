package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Topics;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.lifecycle.CaseStatus;
import org.aduan.followup.lifecycle.ComplaintCase;
import org.aduan.followup.sla.Escalation;
import org.aduan.followup.sla.Sla;
import org.aduan.followup.sla.SlaTimer;
import org.aduan.followup.sla.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** SLA deadlines are rows in the database that follow the case's status; none lives only in memory. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class SlaTimersTest {

    @Inject
    ServiceClock clock;

    @Test
    void theFollowUpDeadlineIsARowThatAcknowledgingKeepsAndAnsweringReplaces() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.SEMARANG);
        SlaTimer routed = timer(complaint.id()).orElseThrow();
        ComplaintCase assigned = QuarkusTransaction.requiringNew().call(() -> ComplaintCase.findById(complaint.id()));
        assertThat(routed.status).isEqualTo(CaseStatus.ROUTED);
        assertThat(routed.clock).isEqualTo("follow-up");
        assertThat(routed.owner).isEqualTo(Sla.Owner.AGENCY);
        assertThat(routed.ownerAgencyId).isEqualTo(Keycloak.SEMARANG);
        assertThat(routed.dueAt).isEqualTo(WorkingDayCalendar.indonesia().deadline(assigned.assignedAt, 5));

        Keycloak.as("officer.semarang").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200);
        SlaTimer acknowledged = timer(complaint.id()).orElseThrow();
        assertThat(acknowledged.status).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(acknowledged.dueAt).isEqualTo(routed.dueAt);

        // it breaches, escalates to the province; the answer resolves the escalation and starts the citizen's clock
        clock.advance(Duration.between(clock.now(), routed.dueAt).plusMinutes(1));
        await().atMost(Cases.WAIT).until(() -> !Cases.escalations(complaint.id()).isEmpty());
        assertThat(Cases.escalations(complaint.id()).get(0).escalatedTo()).contains("pemda-33");
        Keycloak.as("officer.semarang").contentType(ContentType.JSON)
                .body("{\"answer\": \"Sudah kami tindak lanjuti bersama kelurahan.\"}")
                .post("/api/v1/agency/complaints/{id}/respond", complaint.id()).then().statusCode(200);
        SlaTimer answered = timer(complaint.id()).orElseThrow();
        assertThat(answered.clock).isEqualTo("citizen-reply");
        assertThat(answered.onBreach).isEqualTo(Sla.Breach.AUTO_CLOSE);
        assertThat(answered.level).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Escalation.of(complaint.id())))
                .singleElement().satisfies(e -> assertThat(e.resolvedAt).isNotNull());
        Keycloak.as("operator").queryParam("size", "100").get("/api/v1/agency/escalations")
                .then().body("items.complaintId", not(hasItem(complaint.id())));

        // the citizen confirms: a finished case has no deadline at all
        given().header("X-Aduan-Pin", TestComplaints.PIN)
                .post("/api/v1/track/{code}/confirm", complaint.trackingCode())
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(timer(complaint.id())).isEmpty();
    }

    @Test
    void aComplaintWaitingForTriageIsThePlatformsDeadline() {
        Cases.Complaint complaint = new Cases.Complaint(TestComplaints.newId(), TestComplaints.newTrackingCode());
        KafkaTestSupport.publish(Topics.SUBMITTED,
                TestComplaints.submitted(complaint.id(), complaint.trackingCode()));
        KafkaTestSupport.publish(Topics.TRIAGE, TestComplaints.triage(complaint.id()));
        Cases.awaitStatus(complaint, "TRIAGE");
        SlaTimer triage = timer(complaint.id()).orElseThrow();
        assertThat(triage.owner).isEqualTo(Sla.Owner.PLATFORM);
        assertThat(triage.ownerAgencyId).isEqualTo("kemenpanrb");

        clock.advance(Duration.between(clock.now(), triage.dueAt).plusMinutes(1));
        await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(Cases.escalations(complaint.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.agencyId()).isEqualTo("kemenpanrb");
                    assertThat(e.escalatedTo()).isEmpty();
                    assertThat(e.status()).isEqualTo("TRIAGE");
                }));
        Keycloak.as("operator").queryParam("size", "100").get("/api/v1/agency/escalations")
                .then().body("items.complaintId", hasItem(complaint.id()));
        Keycloak.as("operator").queryParam("size", "100").get("/api/v1/agency/triage")
                .then().body("items.find { it.complaintId == '%s' }.overdue".formatted(complaint.id()), equalTo(true));
        // nothing above the national coordinator: no further escalation is scheduled
        assertThat(timer(complaint.id()).orElseThrow().nextActionAt).isNull();
    }

    private static Optional<SlaTimer> timer(String complaintId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(SlaTimer.findById(complaintId)));
    }
}
