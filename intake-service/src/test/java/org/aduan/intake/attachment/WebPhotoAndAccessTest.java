package org.aduan.intake.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.devstack.KeycloakServer;
import org.aduan.events.Attachment;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.GeoPoint;
import org.aduan.intake.EventTap;
import org.aduan.intake.MockProviders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Photos through the web API (multipart), a map point in the JSON, per-IP limits, and reading a stored
 * photo back as agency staff with real Keycloak tokens.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "intake"), @ResourceArg(name = "keycloak", value = "true") })
@QuarkusTestResource(MockProviders.class)
class WebPhotoAndAccessTest {

    private EventTap tap;

    @BeforeEach
    void openTap() {
        tap = EventTap.open();
    }

    private static String ip() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String marker() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private ComplaintSubmitted submitWithPhotos(String marker, byte[]... photos) {
        var request = given().header("X-Forwarded-For", ip()).multiPart("complaint", """
                {"text": "Jalan berlubang besar di depan pasar %s", "category": "infrastruktur",
                 "location": {"regionCode": "32.73", "point": {"latitude": -6.9147, "longitude": 107.6098}}}"""
                .formatted(marker), "application/json");
        for (int i = 0; i < photos.length; i++) {
            request.multiPart("photo", "IMG_000" + i + ".jpg", photos[i], "image/jpeg");
        }
        List<Map<String, Object>> attachments = request.when().post("/api/v1/complaints")
                .then().statusCode(202).body("attachments", hasSize(photos.length))
                .extract().path("attachments");
        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.attachments()).extracting(Attachment::attachmentId)
                .containsExactlyElementsOf(attachments.stream().map(a -> (String) a.get("attachmentId")).toList());
        return event;
    }

    @Test
    void multipartComplaintStoresPhotosWithoutExifAndKeepsTheChosenPoint() {
        String marker = marker();
        ComplaintSubmitted event = submitWithPhotos(marker, Photos.jpegWithGps(300, 200), Photos.pngWithMetadata(40, 30));

        assertThat(event.location().point()).contains(new GeoPoint(-6.9147, 107.6098));
        assertThat(event.location().regionCode()).contains("32.73");
        assertThat(event.attachments()).extracting(Attachment::mediaType).containsExactly("image/jpeg", "image/png");
        StoredPhotoAssert.assertStrippedJpeg(event.attachments().get(0), 300, 200);
        byte[] png = org.aduan.intake.Rows.attachment(event.attachments().get(1).attachmentId());
        assertThat(Photos.contains(png, "eXIf")).isFalse();
        assertThat(Photos.contains(png, Photos.COMMENT)).isFalse();
    }

    @Test
    void jsonComplaintKeepsThePointToo() {
        String marker = marker();
        given().header("X-Forwarded-For", ip()).contentType(ContentType.JSON).body("""
                {"text": "Banjir setinggi lutut %s", "location": {"point": {"latitude": -6.2, "longitude": 106.8167}}}"""
                .formatted(marker)).when().post("/api/v1/complaints").then().statusCode(202);
        assertThat(tap.awaitSubmitted(marker).location().point()).contains(new GeoPoint(-6.2, 106.8167));
    }

    @Test
    void tooManySubmissionsFromOneAddressAreAnswered429WithRetryAfter() {
        String address = ip();
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{\"text\": \"\"}")
                    .when().post("/api/v1/complaints").then().statusCode(400);
        }
        given().header("X-Forwarded-For", address).header("Accept-Language", "id").contentType(ContentType.JSON)
                .body("{\"text\": \"Jalan rusak\"}")
                .when().post("/api/v1/complaints")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://aduan.org/problems/rate-limited"))
                .body("detail", containsString("Silakan coba lagi"));
        given().header("X-Forwarded-For", address).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"text\": \"Broken road\"}")
                .when().post("/api/v1/complaints")
                .then().statusCode(429).body("detail", containsString("Please try again"));
        // Another address is not affected.
        given().header("X-Forwarded-For", ip()).contentType(ContentType.JSON).body("{\"text\": \"Jalan rusak " + marker() + "\"}")
                .when().post("/api/v1/complaints").then().statusCode(202);
    }

    @Test
    void officerReadsTheStrippedPhotoAnonymousCallersAndRolelessUsersDoNot() {
        ComplaintSubmitted event = submitWithPhotos(marker(), Photos.jpegWithGps(120, 90));
        String id = event.attachments().get(0).attachmentId();
        KeycloakServer keycloak = DevstackTestResource.keycloak();

        byte[] served = given().auth().oauth2(keycloak.passwordToken("aduan-cli", "officer.bandung", "aduan-demo"))
                .when().get("/api/v1/attachments/{id}", id)
                .then().statusCode(200).contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(served).isEqualTo(StoredPhotoAssert.assertStrippedJpeg(event.attachments().get(0), 120, 90));

        given().when().get("/api/v1/attachments/{id}", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").when().get("/api/v1/attachments/{id}", id).then().statusCode(401);
        String roleless = rolelessUser(keycloak);
        given().auth().oauth2(keycloak.passwordToken("aduan-cli", roleless, "aduan-demo"))
                .when().get("/api/v1/attachments/{id}", id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(keycloak.passwordToken("aduan-cli", "supervisor.bandung", "aduan-demo"))
                .when().get("/api/v1/attachments/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** A realm user with no staff role (e.g. a citizen account, if the realm ever has them). */
    private static String rolelessUser(KeycloakServer keycloak) {
        String username = "citizen-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = keycloak.admin("POST", "/users", """
                {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Warga", "lastName": "Biasa",
                 "email": "%s@aduan.example",
                 "credentials": [{"type": "password", "value": "aduan-demo", "temporary": false}]}"""
                .formatted(username, username));
        assertThat(created.statusCode()).isEqualTo(201);
        return username;
    }
}
