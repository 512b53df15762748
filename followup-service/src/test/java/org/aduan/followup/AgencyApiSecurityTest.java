package org.aduan.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.events.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The agency API with real tokens from the real Keycloak: another agency's complaint does not exist for
 * an officer (404 on every endpoint, the same body as an unknown id, and nothing changes), a token
 * without the role is 403, and no token, a forged one, an expired one or one for another audience is 401.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "followup"), @ResourceArg(name = "keycloak", value = "true") })
class AgencyApiSecurityTest {

    /** Every endpoint about one complaint: method, path, and a valid body. */
    record Endpoint(String method, String path, String body) {
        Response call(RequestSpecification request, String complaintId) {
            RequestSpecification r = body == null ? request : request.contentType("application/json").body(body);
            return r.request(method, path, complaintId);
        }
    }

    static final List<Endpoint> CASE_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/agency/complaints/{id}", null),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/acknowledge", null),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/assign", "{\"officer\": \"officer.semarang\"}"),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/respond",
                    "{\"answer\": \"Jalan sudah kami perbaiki kemarin sore.\"}"),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/notes", "{\"text\": \"cek lokasi\"}"),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/transfer-request",
                    "{\"reason\": \"bukan wewenang kota\", \"suggestedAgencyId\": \"pemda-32\"}"),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/documents",
                    "{\"name\": \"Berita acara\", \"reference\": \"https://dokumen.example/ba-1.pdf\"}"),
            new Endpoint("POST", "/api/v1/agency/complaints/{id}/reject", "{\"reason\": \"laporan ganda\"}"));

    private Cases.Complaint bandungs;

    @BeforeEach
    void aComplaintOfBandung() {
        bandungs = Cases.routedTo(Keycloak.BANDUNG);
    }

    @Test
    void anOfficerOfAnotherAgencyGets404OnEveryEndpointExactlyAsForAnUnknownComplaint() {
        String semarang = Keycloak.token("officer.semarang");
        String semarangSupervisor = Keycloak.token("supervisor.semarang");
        for (Endpoint endpoint : CASE_ENDPOINTS) {
            for (String token : List.of(semarang, semarangSupervisor)) {
                Response foreign = endpoint.call(given().auth().oauth2(token), bandungs.id());
                Response unknown = endpoint.call(given().auth().oauth2(token), TestComplaints.newId());
                assertThat(foreign.statusCode()).as(endpoint.method() + " " + endpoint.path()).isEqualTo(404);
                assertThat(foreign.contentType()).startsWith("application/problem+json");
                assertThat(foreign.asString()).as(endpoint.path()).isEqualTo(unknown.asString())
                        .doesNotContain(bandungs.trackingCode()).doesNotContain("Lampu");
            }
        }
        // nothing happened to it: still ROUTED, only the two system entries, no lifecycle event besides
        Keycloak.as("officer.bandung").get("/api/v1/agency/complaints/{id}", bandungs.id())
                .then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("history.size()", equalTo(2))
                .body("documents.size()", equalTo(0))
                .body("assignedOfficer", nullValue());
        Keycloak.as("officer.semarang").queryParam("size", "100").get("/api/v1/agency/complaints")
                .then().statusCode(200).body("items.complaintId", not(hasItem(bandungs.id())));
        Keycloak.as("supervisor.semarang").get("/api/v1/agency/appeals")
                .then().statusCode(200).body("items.complaintId", not(hasItem(bandungs.id())));
        assertThat(Cases.statusChanges(bandungs.id())).extracting(c -> c.status()).containsExactly("RECEIVED", "ROUTED");
    }

    @Test
    void aTokenWithoutTheRoleIs403() {
        // the operator has no officer role; the platform admin neither
        for (String user : List.of("operator", "admin")) {
            forbidden(Keycloak.as(user).get("/api/v1/agency/complaints"));
            for (Endpoint endpoint : CASE_ENDPOINTS) {
                forbidden(endpoint.call(Keycloak.as(user), bandungs.id()));
            }
        }
        // an officer is not an operator, a supervisor or an admin
        forbidden(Keycloak.as("officer.bandung").get("/api/v1/agency/triage"));
        forbidden(Keycloak.as("officer.bandung").get("/api/v1/agency/appeals"));
        forbidden(Keycloak.as("officer.bandung").post("/api/v1/admin/complaints/{id}/archive", bandungs.id()));
        // a user of the realm without any Aduan role
        String nobody = Keycloak.createUser("warga-" + TestComplaints.newId().substring(0, 8), null, null);
        forbidden(Keycloak.as(nobody).get("/api/v1/agency/complaints"));
        // and the roles that may, may
        Keycloak.as("operator").get("/api/v1/agency/triage").then().statusCode(200);
        Keycloak.as("supervisor.bandung").get("/api/v1/agency/appeals").then().statusCode(200);
    }

    @Test
    void noTokenAGarbledTokenAndAForgedTokenAre401() {
        String real = Keycloak.token("officer.bandung");
        String forged = forge(real, claims -> claims);
        String forgedForSemarang = forge(real, claims -> claims.put("agency", "pemda-33.74"));
        for (Endpoint endpoint : CASE_ENDPOINTS) {
            unauthorized(endpoint.call(given(), bandungs.id()));
            unauthorized(endpoint.call(given().auth().oauth2(forged), bandungs.id()));
        }
        unauthorized(given().get("/api/v1/agency/complaints"));
        unauthorized(given().header("Authorization", "Bearer not-a-token").get("/api/v1/agency/complaints"));
        unauthorized(given().auth().oauth2(forged).get("/api/v1/agency/complaints"));
        unauthorized(given().auth().oauth2(forgedForSemarang).get("/api/v1/agency/complaints"));
        unauthorized(given().get("/api/v1/agency/triage"));
        // the real token it was copied from is fine
        given().auth().oauth2(real).get("/api/v1/agency/complaints/{id}", bandungs.id()).then().statusCode(200);
    }

    @Test
    void aTokenIssuedToAnotherAudienceIs401() {
        String otherClient = Keycloak.createClient(false, 0);
        String token = Keycloak.server().passwordToken(otherClient, "officer.bandung", Keycloak.DEMO_PASSWORD);
        JsonNode claims = claims(token);
        assertThat(claims.path("agency").asText()).isEqualTo(Keycloak.BANDUNG);
        assertThat(claims.path("realm_access").path("roles").toString()).contains("officer");
        unauthorized(given().auth().oauth2(token).get("/api/v1/agency/complaints/{id}", bandungs.id()));
    }

    @Test
    void anExpiredTokenIs401() {
        String shortLived = Keycloak.createClient(true, 10);
        String token = Keycloak.server().passwordToken(shortLived, "officer.bandung", Keycloak.DEMO_PASSWORD);
        long expiresAt = claims(token).path("exp").asLong();
        assertThat(expiresAt - claims(token).path("iat").asLong()).isEqualTo(10);
        // accepted while valid ...
        given().auth().oauth2(token).get("/api/v1/agency/complaints/{id}", bandungs.id()).then().statusCode(200);
        // ... refused once expired
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Response response = given().auth().oauth2(token).get("/api/v1/agency/complaints/{id}", bandungs.id());
            assertThat(response.statusCode()).isEqualTo(401);
        });
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(expiresAt);
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://aduan.org/problems/forbidden"));
    }

    private static void unauthorized(Response response) {
        response.then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://aduan.org/problems/unauthorized"));
    }

    private static JsonNode claims(String jwt) {
        return Keycloak.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /**
     * A token as convincing as a forgery gets: the real token's header (same key id) and claims, changed
     * as asked, signed with a key Keycloak never had.
     */
    private static String forge(String real, Function<ObjectNode, ObjectNode> change) {
        try {
            String[] parts = real.split("\\.");
            ObjectNode claims = (ObjectNode) claims(real);
            byte[] payload = EventJson.mapper().writeValueAsBytes(change.apply(claims));
            String signingInput = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign((RSAPrivateKey) generator.generateKeyPair().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
