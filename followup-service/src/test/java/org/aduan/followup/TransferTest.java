package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.aduan.followup.KafkaTestSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * "Bukan wewenang": the officer declines with a reason, routing (played here by the test) answers with
 * a new agency or the operators' queue, and the case follows: new agency, new follow-up deadline, the
 * age since submission kept, the old agency locked out, a stale decision ignored.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class TransferTest {

    @Test
    void declinedComplaintMovesToTheNewAgencyWithTheTransferInItsHistory() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        String submittedAt = Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", complaint.id())
                .path("submittedAt");
        Keycloak.as("officer.bandung").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200);

        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"reason\": \"Jaringan listrik adalah wewenang PLN\", \"suggestedAgencyId\": \"pln\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(200).body("status", equalTo("TRANSFER_REQUESTED"));

        // the request routing-service reads: the declining agency, the reason, the suggestion
        ComplaintStatusChanged request = await().atMost(Cases.WAIT).until(
                () -> Cases.statusChanges(complaint.id()).stream().filter(ComplaintStatusChanged::isTransferRequest)
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(request.agencyId()).contains(Keycloak.BANDUNG);
        assertThat(request.previousStatus()).contains("IN_PROGRESS");
        assertThat(request.reason()).contains("Jaringan listrik adalah wewenang PLN");
        assertThat(request.suggestedAgencyId()).contains("pln");
        assertThat(request.actor()).isEqualTo(Keycloak.BANDUNG);

        // routing-service transfers it to PLN
        Instant transferredAt = Instant.now();
        publish(Topics.ROUTED, TestComplaints.transferred(complaint.id(), Keycloak.BANDUNG, "pln", 1, transferredAt));
        Cases.awaitStatus(complaint, "ROUTED");

        Keycloak.as("officer.pln").get("/api/v1/agency/complaints/{id}", complaint.id())
                .then().statusCode(200)
                .body("agencyId", equalTo("pln"))
                .body("previousAgencyId", equalTo(Keycloak.BANDUNG))
                .body("transferCount", equalTo(1))
                .body("submittedAt", equalTo(submittedAt))
                .body("assignedOfficer", nullValue())
                .body("dueAt", notNullValue())
                .body("history[-1].action", equalTo("ROUTE"))
                .body("history[-1].fromStatus", equalTo("TRANSFER_REQUESTED"))
                .body("history[-1].reason", equalTo(
                        "transferred from pemda-32.73 to pln: Jaringan listrik adalah wewenang PLN"));
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", complaint.id()).then().statusCode(404);
        Keycloak.as("officer.pln").queryParam("size", "100").get("/api/v1/agency/complaints")
                .then().body("items.complaintId", hasItem(complaint.id()));
        // the citizen sees where it went and why
        given().header("X-Aduan-Pin", TestComplaints.PIN)
                .get("/api/v1/track/{code}", complaint.trackingCode())
                .then().body("agencyId", equalTo("pln"))
                .body("history[-1].reason", equalTo(
                        "transferred from pemda-32.73 to pln: Jaringan listrik adalah wewenang PLN"));

        // a decision older than the transfer arrives late: handled, and ignored
        KafkaTestSupport.awaitConsumed(publish(Topics.ROUTED, TestComplaints.transferred(complaint.id(), "pln",
                Keycloak.SEMARANG, 1, transferredAt.minusSeconds(30))));
        Keycloak.as("officer.semarang").get("/api/v1/agency/complaints/{id}", complaint.id()).then().statusCode(404);
        Keycloak.as("officer.pln").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        await().atMost(Cases.WAIT).untilAsserted(() -> assertThat(Cases.statusChanges(complaint.id()))
                .extracting(ComplaintStatusChanged::status).containsExactly("RECEIVED", "ROUTED", "IN_PROGRESS",
                        "TRANSFER_REQUESTED", "ROUTED", "IN_PROGRESS"));
    }

    @Test
    void afterTooManyTransfersTheOperatorsQueueTakesItAndAnOperatorsChoiceRoutesItAgain() {
        Cases.Complaint complaint = Cases.routedTo("pln");
        Keycloak.as("officer.pln").contentType(ContentType.JSON)
                .body("{\"reason\": \"Bukan gangguan listrik\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(200);

        publish(Topics.TRIAGE, TestComplaints.triageAfterTransfers(complaint.id(), "pln", 4));
        Cases.awaitStatus(complaint, "TRIAGE");

        Keycloak.as("operator").queryParam("size", "100").get("/api/v1/agency/triage")
                .then().statusCode(200)
                .body("items.complaintId", hasItem(complaint.id()))
                .body("items.find { it.complaintId == '%s' }.previousAgencyId".formatted(complaint.id()), equalTo("pln"))
                .body("items.find { it.complaintId == '%s' }.transferCount".formatted(complaint.id()), equalTo(4))
                .body("items.find { it.complaintId == '%s' }.reason".formatted(complaint.id()),
                        containsString("an operator decides"));
        // no longer PLN's
        Keycloak.as("officer.pln").get("/api/v1/agency/complaints/{id}", complaint.id()).then().statusCode(404);

        publish(Topics.ROUTED, TestComplaints.byOperator(complaint.id(), Keycloak.BANDUNG, 4));
        Cases.awaitStatus(complaint, "ROUTED");
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", complaint.id())
                .then().statusCode(200).body("history[-1].fromStatus", equalTo("TRIAGE"));
        Keycloak.as("operator").queryParam("size", "100").get("/api/v1/agency/triage")
                .then().body("items.complaintId", not(hasItem(complaint.id())));
    }

    @Test
    void aComplaintWithoutAnAnswerCannotBeTransferredTwiceOrWithoutReason() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON).body("{\"reason\": \"\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"reason\": \"bukan wewenang\", \"suggestedAgencyId\": \"Bukan Id\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(400).body("errors[0].field", equalTo("suggestedAgencyId"));
        Keycloak.as("officer.bandung").contentType(ContentType.JSON).body("{\"reason\": \"bukan wewenang kota\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(200);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON).body("{\"reason\": \"bukan wewenang kota\"}")
                .post("/api/v1/agency/complaints/{id}/transfer-request", complaint.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/action-not-allowed"));
    }
}
