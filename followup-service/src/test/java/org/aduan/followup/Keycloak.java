package org.aduan.followup;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.devstack.KeycloakServer;
import org.aduan.events.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;

/**
 * Real tokens from the real Keycloak the tests run against (realm {@code aduan} of
 * {@code deploy/keycloak/aduan-realm.json}): its demo users, its agency system, and officers of fresh
 * agencies made for one test through Keycloak's admin API.
 */
final class Keycloak {

    static final String CLI = "aduan-cli";
    static final String DEMO_PASSWORD = "aduan-demo";
    static final String BANDUNG = "pemda-32.73";
    static final String SEMARANG = "pemda-33.74";
    static final String JABAR = "pemda-32";
    static final String AGENCY_SYSTEM = "agency-system-pemda-32-73";
    static final String AGENCY_SYSTEM_SECRET = "pemda-32-73-demo-secret";

    private static final Map<String, String> ROLE_IDS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    static KeycloakServer server() {
        return DevstackTestResource.keycloak();
    }

    /** A fresh access token of a user (demo users have the password {@value #DEMO_PASSWORD}). */
    static String token(String username) {
        return server().passwordToken(CLI, username, DEMO_PASSWORD);
    }

    /** A request with a fresh bearer token of {@code username}. */
    static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username));
    }

    /** A request as Bandung's own case system (client credentials). */
    static RequestSpecification asAgencySystem() {
        return given().auth().oauth2(server().clientCredentialsToken(AGENCY_SYSTEM, AGENCY_SYSTEM_SECRET));
    }

    /** A new agency with an officer of its own, so a test's counts are its own. */
    record TestAgency(String agencyId, String officer) {
        RequestSpecification asOfficer() {
            return Keycloak.as(officer);
        }
    }

    static TestAgency newAgency() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String agency = "pemda-test-" + suffix;
        String officer = createUser("officer-" + suffix, agency, "officer");
        return new TestAgency(agency, officer);
    }

    /** Creates a user with the demo password, an agency (or none) and one realm role; returns the username. */
    static String createUser(String username, String agency, String role) {
        String json = """
                {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Uji", "lastName": "Coba",
                 "email": "%s@aduan.example", %s
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}
                """.formatted(username, username, agency == null ? "" : "\"attributes\": {\"agency\": [\"" + agency + "\"]},",
                DEMO_PASSWORD);
        HttpResponse<String> created = server().admin("POST", "/users", json);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        if (role != null) {
            String roleJson = """
                    [{"id": "%s", "name": "%s"}]""".formatted(roleId(role), role);
            HttpResponse<String> mapped = server().admin("POST", "/users/" + userId + "/role-mappings/realm", roleJson);
            if (mapped.statusCode() != 204) {
                throw new IllegalStateException("cannot give " + username + " role " + role + ": " + mapped.body());
            }
        }
        return username;
    }

    private static String roleId(String role) {
        return ROLE_IDS.computeIfAbsent(role, r -> {
            HttpResponse<String> found = server().admin("GET", "/roles/" + r, null);
            return json(found.body()).path("id").asText();
        });
    }

    /**
     * A new public client of the realm with the agency claim; {@code withAudience} adds aduan-api to its
     * tokens, {@code lifespanSeconds} (if positive) shortens its access tokens' life.
     */
    static String createClient(boolean withAudience, int lifespanSeconds) {
        String clientId = "test-client-" + UUID.randomUUID().toString().substring(0, 8);
        String audience = withAudience ? """
                ,{"name": "audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                  "config": {"included.client.audience": "aduan-api", "access.token.claim": "true"}}""" : "";
        String lifespan = lifespanSeconds > 0 ? "\"attributes\": {\"access.token.lifespan\": \"" + lifespanSeconds + "\"}," : "";
        String json = """
                {"clientId": "%s", "enabled": true, "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "fullScopeAllowed": true, %s
                 "protocolMappers": [{"name": "agency", "protocol": "openid-connect",
                   "protocolMapper": "oidc-usermodel-attribute-mapper",
                   "config": {"user.attribute": "agency", "claim.name": "agency", "jsonType.label": "String",
                              "access.token.claim": "true"}}%s]}
                """.formatted(clientId, lifespan, audience);
        HttpResponse<String> created = server().admin("POST", "/clients", json);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create client: " + created.statusCode() + " " + created.body());
        }
        return clientId;
    }

    static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
