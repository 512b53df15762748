package org.aduan.followup;

import static org.aduan.followup.KafkaTestSupport.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.inject.Inject;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Topics;
import org.aduan.events.identity.Reporter;
import org.aduan.followup.clock.ServiceClock;
import org.aduan.followup.sla.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class AgencyInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ServiceClock clock;

    @Test
    void inboxShowsTheAgencysOwnComplaintsAndOnlyNamedReporters() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        Keycloak.TestAgency otherAgency = Keycloak.newAgency();
        String named = TestComplaints.newId();
        String anonymous = TestComplaints.newId();
        Reporter reporter = new Reporter(Optional.of("Budi Santoso"), Optional.of("+6281100000001"),
                Optional.of("budi@example.org"), Optional.empty());

        publish(Topics.SUBMITTED, TestComplaints.submitted(named, TestComplaints.newTrackingCode(), false, reporter));
        publish(Topics.SUBMITTED, TestComplaints.submitted(anonymous, TestComplaints.newTrackingCode(), true, reporter));
        publish(Topics.ROUTED, TestComplaints.routed(named, agency.agencyId()));
        publish(Topics.ROUTED, TestComplaints.routed(anonymous, agency.agencyId()));
        publish(Topics.ROUTED, TestComplaints.routed(TestComplaints.newId(), otherAgency.agencyId()));

        await().atMost(WAIT).untilAsserted(() -> agency.asOfficer()
                .when().get("/api/v1/agency/complaints")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.complaintId", containsInAnyOrder(named, anonymous))
                .body("items.status", contains("ROUTED", "ROUTED"))
                .body("items.dueAt", contains(notNullValue(), notNullValue()))
                .body("items.overdue", contains(false, false)));

        // lists never carry identity; the detail of a named complaint does, of an anonymous one never
        agency.asOfficer().when().get("/api/v1/agency/complaints")
                .then().body("items.reporter", contains(nullValue(), nullValue()));
        agency.asOfficer().when().get("/api/v1/agency/complaints/{id}", named)
                .then().statusCode(200)
                .body("reporter.name", equalTo("Budi Santoso"))
                .body("reporter.phone", equalTo("+6281100000001"))
                .body("regionCode", equalTo("32.73"))
                .body("history.action", contains("SUBMIT", "ROUTE"));
        agency.asOfficer().when().get("/api/v1/agency/complaints/{id}", anonymous)
                .then().statusCode(200)
                .body("anonymous", equalTo(true))
                .body("reporter", nullValue());

        Keycloak.newAgency().asOfficer().when().get("/api/v1/agency/complaints")
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void filtersByStatusCategoryOverdueAndSubmissionDay() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        Cases.Complaint waiting = Cases.routedTo(agency.agencyId());
        Cases.Complaint acknowledged = Cases.routedTo(agency.agencyId());
        agency.asOfficer().post("/api/v1/agency/complaints/{id}/acknowledge", acknowledged.id()).then().statusCode(200);

        agency.asOfficer().queryParam("status", "IN_PROGRESS").get("/api/v1/agency/complaints")
                .then().statusCode(200).body("total", equalTo(1)).body("items.complaintId", contains(acknowledged.id()));
        agency.asOfficer().queryParam("status", "ROUTED,IN_PROGRESS").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(2));
        agency.asOfficer().queryParam("category", "infrastruktur").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(2));
        agency.asOfficer().queryParam("category", "kesehatan").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(0));
        String today = LocalDate.now(WorkingDayCalendar.JAKARTA).toString();
        String tomorrow = LocalDate.now(WorkingDayCalendar.JAKARTA).plusDays(1).toString();
        agency.asOfficer().queryParam("from", today).queryParam("to", today).get("/api/v1/agency/complaints")
                .then().body("total", equalTo(2));
        agency.asOfficer().queryParam("from", tomorrow).get("/api/v1/agency/complaints")
                .then().body("total", equalTo(0));
        agency.asOfficer().queryParam("overdue", "true").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(0));
        agency.asOfficer().queryParam("overdue", "false").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(2));

        // both pass their follow-up deadline: both are overdue now, and paging walks them one by one
        String due = agency.asOfficer().get("/api/v1/agency/complaints/{id}", waiting.id()).path("dueAt");
        clock.advance(Duration.between(clock.now(), Instant.parse(due)).plusMinutes(1));
        agency.asOfficer().queryParam("overdue", "true").get("/api/v1/agency/complaints")
                .then().body("total", equalTo(2)).body("items.overdue", contains(true, true));
        agency.asOfficer().queryParam("size", "1").queryParam("page", "1").get("/api/v1/agency/complaints")
                .then().body("items.complaintId", contains(waiting.id())).body("total", equalTo(2));
    }

    @Test
    void badFiltersAndPagingAreValidationProblems() {
        Keycloak.TestAgency agency = Keycloak.newAgency();
        agency.asOfficer().queryParam("page", "-1").queryParam("size", "abc")
                .when().get("/api/v1/agency/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("page", "size"));
        agency.asOfficer().queryParam("size", "1000")
                .when().get("/api/v1/agency/complaints")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("size"));
        agency.asOfficer().queryParam("status", "LOST").queryParam("overdue", "maybe").queryParam("from", "kemarin")
                .when().get("/api/v1/agency/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "overdue", "from"));
    }

    @Test
    void anAgencysOwnSystemWorksTheInboxWithClientCredentials() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        Keycloak.asAgencySystem().queryParam("size", "100").get("/api/v1/agency/complaints")
                .then().statusCode(200).body("items.complaintId", hasItem(complaint.id()));
        Keycloak.asAgencySystem().post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("assignedOfficer", equalTo("service-account-agency-system-pemda-32-73"))
                .body("history[-1].actor", equalTo(Keycloak.BANDUNG))
                .body("history[-1].actorUser", equalTo("service-account-agency-system-pemda-32-73"));
    }
}
