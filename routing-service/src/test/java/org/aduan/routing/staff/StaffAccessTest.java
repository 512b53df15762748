package org.aduan.routing.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.routing.KafkaTraffic;
import org.aduan.routing.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * Operators' endpoints with real tokens from the real Keycloak: editing the directory and working the
 * triage queue need the operator (or admin) realm role — an officer's token is 403, no token or a forged
 * one is 401 — and an edit records who made it. A decision's reasons quote the complaint, so only staff
 * see them: operators, and officers of an agency that had the complaint; for any other agency it does
 * not exist. Reading the directory and the preview stay open.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "routing"), @ResourceArg(name = "keycloak", value = "true") })
class StaffAccessTest {

    private static final String AGENCY = """
            {"nameId": "Dinas Uji Akses", "nameEn": "Access Test Office", "level": "NATIONAL",
             "parentId": "kemenpanrb", "categories": ["lainnya"]}""";

    /** The operators' endpoints, each with a valid body. */
    private static final List<Call> OPERATOR_ONLY = List.of(
            new Call("PUT", "/api/v1/agencies/uji-akses-tolak", AGENCY),
            new Call("GET", "/api/v1/routing/triage", null),
            new Call("POST", "/api/v1/routing/triage/" + UUID.randomUUID() + "/assign", "{\"agencyId\": \"pln\"}"));

    record Call(String method, String path, String body) {
        Response by(RequestSpecification request) {
            return (body == null ? request : request.contentType("application/json").body(body)).request(method, path);
        }
    }

    @Test
    void operatorsAndAdminsEditTheDirectoryAndTheDirectoryRecordsWho() {
        String id = "uji-akses-" + UUID.randomUUID().toString().substring(0, 8);
        Keycloak.as("admin").contentType("application/json").body(AGENCY).put("/api/v1/agencies/{id}", id)
                .then().statusCode(201).body("updatedBy", equalTo("admin"));
        Keycloak.asOperator().contentType("application/json").body(AGENCY.replace("Uji Akses", "Uji Akses Dua"))
                .put("/api/v1/agencies/{id}", id).then().statusCode(200).body("updatedBy", equalTo("operator"));
        // anyone reads it, with the last editor
        given().get("/api/v1/agencies/{id}", id).then().statusCode(200)
                .body("nameId", equalTo("Dinas Uji Akses Dua")).body("updatedBy", equalTo("operator"));
        Keycloak.asOperator().get("/api/v1/routing/triage").then().statusCode(200);
        Keycloak.as("admin").get("/api/v1/routing/triage").then().statusCode(200);
    }

    @Test
    void anOfficersTokenIs403AndChangesNothing() {
        String officer = Keycloak.token("officer.bandung");
        for (Call call : OPERATOR_ONLY) {
            forbidden(call.by(given().auth().oauth2(officer)), call);
        }
        String supervisor = Keycloak.token("supervisor.jabar");
        forbidden(OPERATOR_ONLY.get(0).by(given().auth().oauth2(supervisor)), OPERATOR_ONLY.get(0));
        given().get("/api/v1/agencies/uji-akses-tolak").then().statusCode(404);
        // PLN's own record cannot be rewritten by PLN's officer either
        forbidden(given().auth().oauth2(Keycloak.token("officer.pln")).contentType("application/json")
                .body(AGENCY).put("/api/v1/agencies/pln"), OPERATOR_ONLY.get(0));
        given().get("/api/v1/agencies/pln").then().statusCode(200).body("updatedBy", equalTo("seed"));
    }

    @Test
    void noTokenAGarbledTokenAndAForgedTokenAre401() {
        String forged = Keycloak.forge(Keycloak.token("operator"));
        for (Call call : OPERATOR_ONLY) {
            unauthorized(call.by(given()), call);
            unauthorized(call.by(given().header("Authorization", "Bearer not-a-token")), call);
            unauthorized(call.by(given().auth().oauth2(forged)), call);
        }
        given().get("/api/v1/agencies/uji-akses-tolak").then().statusCode(404);
        Call decision = new Call("GET", "/api/v1/routing/decisions/" + UUID.randomUUID(), null);
        unauthorized(decision.by(given()), decision);
        unauthorized(decision.by(given().auth().oauth2(forged)), decision);
    }

    @Test
    void readingTheDirectoryAndThePreviewNeedNoToken() {
        given().get("/api/v1/agencies?level=PROVINCE&size=1").then().statusCode(200).body("total", equalTo(38));
        given().get("/api/v1/agencies/pemda-32.73").then().statusCode(200);
        given().contentType("application/json").body("{\"text\": \"paspor saya belum jadi sudah 2 bulan\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).body("agencyId", equalTo("imigrasi"));
    }

    @Test
    void aDecisionIsShownToOperatorsAndToTheAgencyThatHasItButToNoOtherAgency() {
        ComplaintSubmitted complaint = new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-ACC-"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "pinhash", Instant.now(), Channel.WEB,
                Optional.empty(), "id", Optional.empty(), "Sampah menumpuk di depan pasar, Kec. Cicendo, Kota Bandung",
                Optional.empty(), Location.none(), false, false, Optional.empty());
        KafkaTraffic.publish(Topics.SUBMITTED, complaint.complaintId(),
                EventEnvelope.of(complaint, "/aduan/intake-service", Instant.now()), EventJson.write(complaint));
        String path = "/api/v1/routing/decisions/" + complaint.complaintId();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Keycloak.asOperator().get(path).statusCode() == 200);

        Keycloak.asOperator().get(path).then().statusCode(200).body("agencyId", equalTo("pemda-32.73"));
        Keycloak.as("officer.bandung").get(path).then().statusCode(200).body("agencyId", equalTo("pemda-32.73"));
        Keycloak.as("supervisor.bandung").get(path).then().statusCode(200);
        // Semarang never had it: it does not exist for them, exactly as an unknown complaint
        String semarang = Keycloak.token("officer.semarang");
        Response foreign = given().auth().oauth2(semarang).get(path);
        Response unknown = given().auth().oauth2(semarang).get("/api/v1/routing/decisions/" + complaint.complaintId()
                .replaceAll(".$", complaint.complaintId().endsWith("0") ? "1" : "0"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.asString()).doesNotContain("Cicendo").doesNotContain("pemda-32.73");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.jsonPath().getString("type")).isEqualTo(unknown.jsonPath().getString("type"));
        assertThat(foreign.jsonPath().getString("title")).isEqualTo(unknown.jsonPath().getString("title"));
    }

    private static void forbidden(Response response, Call call) {
        response.then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://aduan.org/problems/forbidden"));
        assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(403);
    }

    private static void unauthorized(Response response, Call call) {
        assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(401);
        response.then().contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://aduan.org/problems/unauthorized"));
    }
}
