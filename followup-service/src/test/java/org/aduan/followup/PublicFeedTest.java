package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.aduan.devstack.DevstackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Public monitoring: what everyone sees of non-confidential complaints, and what they never see. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class PublicFeedTest {

    @Test
    void anAnsweredComplaintIsPublicWithItsAgencyAndAnswerButNeverItsReporterOrInternalNotes() {
        Cases.Complaint complaint = Cases.routedTo(Keycloak.BANDUNG);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"text\": \"Pelapor tinggal di rumah Pak RT, hubungi sore hari\"}")
                .post("/api/v1/agency/complaints/{id}/notes", complaint.id()).then().statusCode(200);
        Keycloak.as("officer.bandung").post("/api/v1/agency/complaints/{id}/acknowledge", complaint.id())
                .then().statusCode(200);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON)
                .body("{\"answer\": \"Lampu penerangan jalan di Jl. Dago sudah menyala kembali.\"}")
                .post("/api/v1/agency/complaints/{id}/respond", complaint.id()).then().statusCode(200);

        given().queryParam("agency", Keycloak.BANDUNG).queryParam("status", "RESPONDED").queryParam("size", "100")
                .get("/api/v1/public/complaints")
                .then().statusCode(200).body("items.complaintId", hasItem(complaint.id()));
        Response detail = given().get("/api/v1/public/complaints/{id}", complaint.id());
        detail.then().statusCode(200)
                .body("agencyId", equalTo(Keycloak.BANDUNG))
                .body("status", equalTo("RESPONDED"))
                .body("statusLabel", equalTo("Sudah dijawab"))
                .body("history[-1].answer", equalTo("Lampu penerangan jalan di Jl. Dago sudah menyala kembali."))
                .body("history.description", hasItem("Instansi memberikan jawaban"));
        // the reporter was named (Siti Rahayu, her phone and e-mail): none of it is public; nor the note
        detail.then().body(not(containsString("Siti")))
                .body(not(containsString("6281234567890")))
                .body(not(containsString("siti@example.org")))
                .body(not(containsString("Pak RT")))
                .body(not(containsString("trackingCode")))
                .body(not(containsString(complaint.trackingCode())));
        given().queryParam("size", "100").get("/api/v1/public/complaints")
                .then().body(not(containsString("Siti"))).body(not(containsString("Pak RT")));
        given().header("Accept-Language", "en").get("/api/v1/public/complaints/{id}", complaint.id())
                .then().body("statusLabel", equalTo("Answered"));
    }

    @Test
    void aConfidentialComplaintIsNeverPublic() {
        Cases.Complaint confidential = Cases.routedTo(Keycloak.BANDUNG, true);
        given().queryParam("size", "100").get("/api/v1/public/complaints")
                .then().statusCode(200).body("items.complaintId", not(hasItem(confidential.id())));
        given().get("/api/v1/public/complaints/{id}", confidential.id())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/complaint-not-found"));
        // the agency still works it
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", confidential.id())
                .then().statusCode(200).body("confidential", equalTo(true));
    }

    @Test
    void aRejectedComplaintLeavesTheFeed() {
        Cases.Complaint spam = Cases.routedTo(Keycloak.BANDUNG);
        Keycloak.as("officer.bandung").contentType(ContentType.JSON).body("{\"reason\": \"Iklan, bukan pengaduan\"}")
                .post("/api/v1/agency/complaints/{id}/reject", spam.id())
                .then().statusCode(403);
        Keycloak.as("supervisor.bandung").contentType(ContentType.JSON).body("{\"reason\": \"Iklan, bukan pengaduan\"}")
                .post("/api/v1/agency/complaints/{id}/reject", spam.id())
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().get("/api/v1/public/complaints/{id}", spam.id()).then().statusCode(404);
        given().header("X-Aduan-Pin", TestComplaints.PIN).get("/api/v1/track/{code}", spam.trackingCode())
                .then().body("status", equalTo("REJECTED"))
                .body("history[-1].reason", equalTo("Iklan, bukan pengaduan"));
    }

    @Test
    void badFeedFiltersAreValidationProblems() {
        given().queryParam("status", "LOST").get("/api/v1/public/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("size", "0").get("/api/v1/public/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
