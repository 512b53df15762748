package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.aduan.followup.KafkaTestSupport.publish;
import static org.aduan.followup.TestComplaints.PIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class TrackResourceTest {

    @Test
    void wrongPinMissingPinAndUnknownCodeAreIndistinguishable() {
        String code = TestComplaints.newTrackingCode();
        publish(Topics.SUBMITTED, TestComplaints.submitted(TestComplaints.newId(), code));
        Cases.awaitCase(code);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", code)
                .then().statusCode(200)
                // the citizen's own view never carries the reporter's identity
                .body(not(containsString("Siti")))
                .body("submittedAt", notNullValue()));

        Response wrongPin = given().header("X-Aduan-Pin", "654321").when().get("/api/v1/track/{code}", code);
        Response missingPin = given().when().get("/api/v1/track/{code}", code);
        Response unknownCode = given().header("X-Aduan-Pin", PIN)
                .when().get("/api/v1/track/{code}", TestComplaints.newTrackingCode());

        for (Response response : new Response[] { wrongPin, missingPin, unknownCode }) {
            response.then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://aduan.org/problems/complaint-not-found"))
                    .body("status", equalTo(404));
        }
        assertThat(missingPin.asByteArray()).isEqualTo(wrongPin.asByteArray());
        assertThat(unknownCode.asByteArray()).isEqualTo(wrongPin.asByteArray());
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
