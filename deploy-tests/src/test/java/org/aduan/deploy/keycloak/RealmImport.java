package org.aduan.deploy.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.aduan.deploy.platform.Repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns the realm file (deploy/keycloak/aduan-realm.json, also what devstack and docker-compose
 * import) into what the Keycloak operator imports: a {@code KeycloakRealmImport} whose
 * {@code spec.realm} is the realm inline. Kustomize cannot inline a file into a field, hence this
 * generator. The base import carries no demo users and no client secrets (those are public in the
 * repository); the dev overlay patches them back in so a local cluster has the demo logins.
 */
public final class RealmImport {

    public static final String REALM_FILE = "deploy/keycloak/aduan-realm.json";
    public static final String BASE_IMPORT = "deploy/base/keycloak/realm-import.yaml";
    public static final String DEV_PATCH = "deploy/overlays/dev/realm-demo-users.yaml";
    static final String RESOURCE_NAME = "aduan-realm";
    static final String KEYCLOAK_NAME = "aduan-keycloak";
    static final String REGENERATE = "./mvnw -q -pl deploy-tests test -Dregenerate=true -Dtest=RealmImportTest";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private RealmImport() {
    }

    public static JsonNode realmFile() {
        Path file = Repository.path(REALM_FILE);
        if (!Files.exists(file)) {
            throw new AssertionError(REALM_FILE + " does not exist: the Keycloak realm (issue 5) is not in the repository yet");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + REALM_FILE, e);
        }
    }

    /**
     * The realm as production imports it: no people (demo users and their passwords), no client
     * secrets (Keycloak generates new ones at import). Service-account users stay: they carry the
     * roles and the agency attribute of their client, and cannot log in with a password.
     */
    static ObjectNode withoutDemoCredentials(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        ArrayNode serviceAccounts = JSON.createArrayNode();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                ObjectNode account = user.deepCopy();
                account.remove("credentials");
                serviceAccounts.add(account);
            }
        }
        copy.remove("users");
        if (!serviceAccounts.isEmpty()) {
            copy.set("users", serviceAccounts);
        }
        copy.path("clients").forEach(client -> ((ObjectNode) client).remove("secret"));
        return copy;
    }

    /** What the dev overlay puts back: all users, and the clients with their development secrets. */
    static ObjectNode demoCredentials(JsonNode realm) {
        ObjectNode patch = JSON.createObjectNode();
        if (realm.has("users")) {
            patch.set("users", realm.path("users"));
        }
        boolean anySecret = false;
        for (JsonNode client : realm.path("clients")) {
            anySecret |= client.has("secret");
        }
        if (anySecret) {
            // A merge patch replaces a list whole: the clients go back complete, with their secrets.
            patch.set("clients", realm.path("clients"));
        }
        return patch;
    }

    static String baseImport(JsonNode realm) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", RESOURCE_NAME);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_NAME);
        spec.set("realm", withoutDemoCredentials(realm));
        return header("The realm of " + REALM_FILE + " without its demo users and client secrets,\n"
                + "# for the Keycloak operator (deploy/base/keycloak/keycloak.yaml).") + yaml(resource);
    }

    static String devPatch(JsonNode realm) {
        ObjectNode patch = JSON.createObjectNode();
        patch.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        patch.put("kind", "KeycloakRealmImport");
        patch.putObject("metadata").put("name", RESOURCE_NAME);
        patch.putObject("spec").set("realm", demoCredentials(realm));
        return header("The demo users and development client secrets of " + REALM_FILE + ",\n"
                + "# patched into the realm import of the dev overlay only.") + yaml(patch);
    }

    private static String header(String what) {
        return "# GENERATED by deploy-tests (org.aduan.deploy.keycloak.RealmImport): do not edit.\n"
                + "# " + what + "\n"
                + "# After changing the realm file, regenerate from the repository root with:\n"
                + "#   " + REGENERATE + "\n";
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
