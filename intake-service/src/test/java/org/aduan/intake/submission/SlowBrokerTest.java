package org.aduan.intake.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.intake.EventTap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A broker that does not acknowledge in time does not cost the citizen their complaint, nor make them
 * send it twice: the complaint was committed with its event, so it is received (202), and the event
 * reaches the broker afterwards. (Before, the complaint was withdrawn with a 503 "send it again" while
 * the timed-out send could still arrive: the second try then made a duplicate.)
 */
@QuarkusTest
@TestProfile(SlowBrokerTest.NoTimeToAcknowledge.class)
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class SlowBrokerTest {

    /** No broker can acknowledge within a nanosecond: every publish on the request path times out. */
    public static class NoTimeToAcknowledge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aduan.intake.publish-timeout", "PT0.000000001S");
        }
    }

    @Test
    void aComplaintTheBrokerDidNotAcknowledgeInTimeIsStillReceivedAndPublishedOnce() {
        EventTap tap = EventTap.open().sync();
        String marker = "slow-broker-" + UUID.randomUUID();
        Response response = given().contentType(ContentType.JSON)
                .body("""
                        {"text": "Jalan rusak parah di depan pasar, %s", "location": {"regionCode": "32.73"},
                         "language": "id", "anonymous": true}""".formatted(marker))
                .when().post("/api/v1/complaints");

        response.then().statusCode(202);
        String id = response.path("id");
        String trackingCode = response.path("trackingCode");
        given().when().get("/api/v1/complaints/" + id).then().statusCode(200).body("trackingCode", equalTo(trackingCode));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> !tap.sync().submittedWithText(marker).isEmpty());
        assertThat(tap.submittedWithText(marker)).allSatisfy(e -> {
            assertThat(e.complaintId()).isEqualTo(id);
            assertThat(e.trackingCode()).isEqualTo(trackingCode);
        });
        long stored = QuarkusTransaction.requiringNew().call(() -> ComplaintEntity.count("trackingCode", trackingCode));
        assertThat(stored).isEqualTo(1);
    }
}
