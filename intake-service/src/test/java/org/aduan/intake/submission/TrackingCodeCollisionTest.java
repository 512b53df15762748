package org.aduan.intake.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.aduan.devstack.DevstackTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Tracking codes are kept unique by the database constraint, not by a lookup before every insert: a
 * code that is already taken makes the insert fail and the submission tries a fresh code.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class TrackingCodeCollisionTest {

    private static final String BODY = """
            {"text": "Lampu jalan mati di depan sekolah sejak dua minggu, gelap sekali di malam hari.",
             "location": {"regionCode": "32.73"}, "language": "id", "anonymous": true}""";

    @AfterEach
    void randomCodesAgain() {
        TrackingCodes.source = TrackingCodes::randomCode;
    }

    @Test
    void aTakenCodeIsReplacedByAFreshOneAndTheComplaintIsStillAccepted() {
        String taken = given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/complaints")
                .then().statusCode(202).extract().path("trackingCode");
        String fresh = TrackingCodes.randomCode();
        Iterator<String> codes = List.of(taken, taken, fresh).iterator();
        TrackingCodes.source = codes::next;

        String second = given().contentType(ContentType.JSON).body(BODY).when().post("/api/v1/complaints")
                .then().statusCode(202).extract().path("trackingCode");

        assertThat(second).isEqualTo(fresh);
        assertThat(codes.hasNext()).isFalse();
        long withTakenCode = QuarkusTransaction.requiringNew()
                .call(() -> ComplaintEntity.count("trackingCode", taken));
        assertThat(withTakenCode).isEqualTo(1);
    }

    @Test
    void onlyTheTrackingCodeConstraintCountsAsACollision() {
        String code = TrackingCodes.randomCode();
        String key = "key-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> complaint(code, key).persistAndFlush());

        Throwable sameCode = catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> complaint(code, null).persistAndFlush()));
        Throwable sameKey = catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> complaint(TrackingCodes.randomCode(), key).persistAndFlush()));

        assertThat(sameCode).isNotNull();
        assertThat(TrackingCodes.collided(sameCode)).isTrue();
        assertThat(sameKey).isNotNull();
        assertThat(TrackingCodes.collided(sameKey)).isFalse();
    }

    private static ComplaintEntity complaint(String code, String idempotencyKey) {
        ComplaintEntity c = new ComplaintEntity();
        c.id = UUID.randomUUID();
        c.trackingCode = code;
        c.idempotencyKey = idempotencyKey;
        c.channel = "WEB";
        c.language = "id";
        c.text = "Sampah menumpuk di pasar.";
        c.submittedAt = Instant.now();
        return c;
    }
}
