package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.aduan.followup.KafkaTestSupport.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Optional;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Topics;
import org.aduan.events.identity.Reporter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "followup"))
class AgencyInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void inboxShowsTheAgencysComplaintsAndOnlyNamedReporters() {
        String agency = TestComplaints.newAgency();
        String otherAgency = TestComplaints.newAgency();
        String named = TestComplaints.newId();
        String anonymous = TestComplaints.newId();
        Reporter reporter = new Reporter(Optional.of("Budi Santoso"), Optional.of("+6281100000001"),
                Optional.of("budi@example.org"), Optional.empty());

        publish(Topics.SUBMITTED, TestComplaints.submitted(named, TestComplaints.newTrackingCode(), false, reporter));
        publish(Topics.SUBMITTED, TestComplaints.submitted(anonymous, TestComplaints.newTrackingCode(), true, reporter));
        publish(Topics.ROUTED, TestComplaints.routed(named, agency));
        publish(Topics.ROUTED, TestComplaints.routed(anonymous, agency));
        publish(Topics.ROUTED, TestComplaints.routed(TestComplaints.newId(), otherAgency));

        await().atMost(WAIT).untilAsserted(() -> given()
                .when().get("/api/v1/agencies/{agency}/complaints", agency)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.complaintId", containsInAnyOrder(named, anonymous))
                .body("items.status", hasItems("ROUTED")));

        given().when().get("/api/v1/agencies/{agency}/complaints", agency)
                .then().statusCode(200)
                .body("items.find { it.complaintId == '%s' }.reporter.name".formatted(named), equalTo("Budi Santoso"))
                .body("items.find { it.complaintId == '%s' }.reporter.phone".formatted(named), equalTo("+6281100000001"))
                .body("items.find { it.complaintId == '%s' }.anonymous".formatted(anonymous), equalTo(true))
                .body("items.find { it.complaintId == '%s' }.reporter".formatted(anonymous), nullValue())
                .body("items.find { it.complaintId == '%s' }.routedAt".formatted(named), org.hamcrest.Matchers.notNullValue())
                .body("items.find { it.complaintId == '%s' }.regionCode".formatted(named), equalTo("32.73"));

        given().when().get("/api/v1/agencies/{agency}/complaints", TestComplaints.newAgency())
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void badPagingIsAValidationProblem() {
        given().queryParam("page", "-1").queryParam("size", "abc")
                .when().get("/api/v1/agencies/{agency}/complaints", "pemda-32")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("page", "size"));
        given().queryParam("size", "1000")
                .when().get("/api/v1/agencies/{agency}/complaints", "pemda-32")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("size"));
    }
}
