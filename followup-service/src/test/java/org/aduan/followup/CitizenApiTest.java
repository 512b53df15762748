package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.followup.clock.ServiceClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The citizen's side, by tracking code and PIN, in Indonesian and English. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class CitizenApiTest {

    @Inject
    ServiceClock clock;

    @Test
    void addedInformationReachesTheAgencyButNeverThePublic() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        citizen(Cases.newAddress()).contentType(ContentType.JSON)
                .body("{\"text\": \"Tiangnya nomor 17, dekat warung Bu Ani.\"}")
                .post("/api/v1/track/{code}/information", complaint.trackingCode())
                .then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("history[-1].action", equalTo("ADD_INFORMATION"))
                .body("history[-1].text", equalTo("Tiangnya nomor 17, dekat warung Bu Ani."))
                .body("history[-1].description", equalTo("Pelapor menambahkan informasi"));
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", complaint.id())
                .then().body("history[-1].text", equalTo("Tiangnya nomor 17, dekat warung Bu Ani."))
                .body("history[-1].visibility", equalTo("CITIZEN"));
        given().get("/api/v1/public/complaints/{id}", complaint.id())
                .then().statusCode(200).body(not(containsString("warung Bu Ani")));
    }

    @Test
    void ratingAppealAndReopenFollowTheRulesInBothLanguages() {
        Cases.Complaint complaint = answered();
        citizen(Cases.newAddress()).contentType(ContentType.JSON).body("{\"rating\": 6}")
                .post("/api/v1/track/{code}/rating", complaint.trackingCode())
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Permintaan tidak valid"))
                .body("errors[0].field", equalTo("rating"))
                .body("errors[0].message", equalTo("nilai dari 1 sampai 5"));
        citizen(Cases.newAddress()).header("Accept-Language", "en").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/track/{code}/rating", complaint.trackingCode())
                .then().statusCode(400).body("errors[0].message", equalTo("a number from 1 to 5"));

        citizen(Cases.newAddress()).contentType(ContentType.JSON).body("{\"rating\": 4}")
                .post("/api/v1/track/{code}/rating", complaint.trackingCode())
                .then().statusCode(200).body("status", equalTo("RATED"))
                .body("possibleActions", contains("INFORMATION", "CONFIRM", "REOPEN"));
        // an appeal needs a poor rating
        citizen(Cases.newAddress()).contentType(ContentType.JSON).body("{\"reason\": \"Belum beres sepenuhnya\"}")
                .post("/api/v1/track/{code}/appeal", complaint.trackingCode())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/appeal-not-allowed"))
                .body("detail", containsString("nilai 2 atau kurang"));
        citizen(Cases.newAddress()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"reason\": \"Not fully fixed\"}")
                .post("/api/v1/track/{code}/appeal", complaint.trackingCode())
                .then().statusCode(409).body("detail", containsString("rating the answer 2 or lower"))
                .body("title", equalTo("Action not possible"));

        // reopening within 10 working days of the answer: the agency must follow up again
        citizen(Cases.newAddress()).contentType(ContentType.JSON).body("{\"reason\": \"Lampunya mati lagi malam ini\"}")
                .post("/api/v1/track/{code}/reopen", complaint.trackingCode())
                .then().statusCode(200).body("status", equalTo("REOPENED"))
                .body("statusLabel", equalTo("Dibuka kembali"))
                .body("history[-1].reason", equalTo("Lampunya mati lagi malam ini"));
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", complaint.id())
                .then().body("status", equalTo("REOPENED")).body("rating", nullValue());
    }

    @Test
    void reopeningAfterTenWorkingDaysIsRefused() {
        Cases.Complaint complaint = answered();
        citizen(Cases.newAddress()).post("/api/v1/track/{code}/confirm", complaint.trackingCode())
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("possibleActions", contains("REOPEN"));
        Instant until = Instant.parse(citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode())
                .path("reopenPossibleUntil"));
        clock.advance(Duration.between(clock.now(), until).plusMinutes(1));
        citizen(Cases.newAddress()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"reason\": \"It broke again\"}")
                .post("/api/v1/track/{code}/reopen", complaint.trackingCode())
                .then().statusCode(409)
                .body("type", equalTo("https://aduan.org/problems/reopen-window-closed"))
                .body("detail", equalTo("A complaint can be reopened only within 10 working days of the agency's answer."));
        citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode())
                .then().body("status", equalTo("CLOSED")).body("possibleActions", empty());
    }

    @Test
    void theCitizenReadsTheirComplaintInEnglishWhenTheyAskForIt() {
        Cases.Complaint complaint = answered();
        citizen(Cases.newAddress()).header("Accept-Language", "en")
                .get("/api/v1/track/{code}", complaint.trackingCode())
                .then().body("statusLabel", equalTo("Answered"))
                .body("history.description", contains("Complaint received", "Verified and forwarded to the agency",
                        "The agency is following it up", "The agency answered"));
        citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode())
                .then().body("statusLabel", equalTo("Sudah dijawab"))
                .body("history[1].description", equalTo("Diverifikasi dan diteruskan ke instansi"));
    }

    @Test
    void wrongPinsLockTheTrackingCodeEvenForTheRightPinAndUnknownCodesAlike() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        String unknownCode = TestComplaints.newTrackingCode();
        for (int attempt = 0; attempt < 5; attempt++) {
            // from a new address each time: only the per-code limit is at work
            given().header("X-Aduan-Pin", "000000").header("X-Forwarded-For", Cases.newAddress())
                    .get("/api/v1/track/{code}", complaint.trackingCode()).then().statusCode(404);
            given().header("X-Aduan-Pin", "000000").header("X-Forwarded-For", Cases.newAddress())
                    .get("/api/v1/track/{code}", unknownCode).then().statusCode(404);
        }
        Response locked = citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode());
        Response lockedUnknown = citizen(Cases.newAddress()).get("/api/v1/track/{code}", unknownCode);
        locked.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("900"))
                .body("type", equalTo("https://aduan.org/problems/too-many-attempts"))
                .body("title", equalTo("Terlalu banyak PIN yang salah"));
        assertThat(lockedUnknown.asString()).isEqualTo(locked.asString());
        // a POST is locked too
        citizen(Cases.newAddress()).contentType(ContentType.JSON).body("{\"text\": \"informasi tambahan\"}")
                .post("/api/v1/track/{code}/information", complaint.trackingCode()).then().statusCode(429);

        // the window moves on
        clock.advance(Duration.ofMinutes(16));
        citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode()).then().statusCode(200);
    }

    @Test
    void wrongPinsFromOneAddressLockThatAddressOut() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        String address = Cases.newAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            given().header("X-Aduan-Pin", TestComplaints.PIN).header("X-Forwarded-For", address)
                    .get("/api/v1/track/{code}", TestComplaints.newTrackingCode()).then().statusCode(404);
        }
        citizen(address).header("Accept-Language", "en").get("/api/v1/track/{code}", complaint.trackingCode())
                .then().statusCode(429).body("title", equalTo("Too many wrong PINs"));
        citizen(Cases.newAddress()).get("/api/v1/track/{code}", complaint.trackingCode()).then().statusCode(200);
    }

    @Test
    void theLifecycleTableIsPublished() {
        given().get("/api/v1/lifecycle").then().statusCode(200)
                .body("statuses.find { it.status == 'ROUTED' }.sla.workingDays", equalTo(5))
                .body("statuses.find { it.status == 'ROUTED' }.sla.onBreach", equalTo("ESCALATE"))
                .body("statuses.find { it.status == 'RECEIVED' }.sla.workingDays", equalTo(3))
                .body("statuses.find { it.status == 'RESPONDED' }.sla.workingDays", equalTo(10))
                .body("statuses.find { it.status == 'RESPONDED' }.sla.onBreach", equalTo("AUTO_CLOSE"))
                .body("statuses.find { it.status == 'CLOSED' }.sla", nullValue())
                .body("actions.find { it.action == 'ANSWER_APPEAL' }.who", contains("supervisor"))
                .body("actions.find { it.action == 'APPEAL' }.from", contains("RATED"))
                .body("actions.find { it.action == 'NOTE' }.to", nullValue());
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/agency/complaints/{id}/transfer-request"))
                .body("paths", hasKey("/api/v1/track/{trackingCode}/appeal"))
                .body("paths", hasKey("/api/v1/public/complaints"))
                .body("components.securitySchemes.keySet()", hasItem("keycloak"));
    }

    /** Routed to Bandung, acknowledged and answered by its officer. */
    private static Cases.Complaint answered() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        Keycloak.as("officer.bandung").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"answer\": \"Lampu sudah kami ganti pada pagi ini.\"}")
                .post("/api/v1/agency/complaints/{id}/respond", complaint.id())
                .then().statusCode(200);
        return complaint;
    }

    private static RequestSpecification citizen(String address) {
        return given().header("X-Aduan-Pin", TestComplaints.PIN).header("X-Forwarded-For", address);
    }
}
