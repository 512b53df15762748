package org.aduan.routing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import org.aduan.devstack.DevstackTestResource;

import io.restassured.specification.RequestSpecification;

/**
 * Real tokens from the real Keycloak the tests run against (realm {@code aduan} of
 * {@code deploy/keycloak/aduan-realm.json}, started by {@link DevstackTestResource} with
 * {@code keycloak=true}): its demo users {@code operator}, {@code admin}, {@code officer.bandung}, …
 */
public final class Keycloak {

    static final String CLI = "aduan-cli";
    static final String DEMO_PASSWORD = "aduan-demo";

    private Keycloak() {
    }

    /** A fresh access token of a demo user, by the password grant of client {@value #CLI}. */
    public static String token(String username) {
        return DevstackTestResource.keycloak().passwordToken(CLI, username, DEMO_PASSWORD);
    }

    /** A request with a fresh bearer token of {@code username}. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username));
    }

    /** A request as the platform's demo operator. */
    public static RequestSpecification asOperator() {
        return as("operator");
    }

    /**
     * A forgery as convincing as it gets: a real token's header (same key id) and claims, signed with a
     * key Keycloak never had.
     */
    public static String forge(String real) {
        try {
            String[] parts = real.split("\\.");
            String signingInput = parts[0] + "." + parts[1];
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
