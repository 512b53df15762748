package org.aduan.deploy.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.aduan.deploy.platform.Repository;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generated realm import must be exactly what the realm file gives today. With
 * {@code -Dregenerate=true} the test writes the files instead (and still checks them afterwards).
 */
class RealmImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void baseRealmImportIsUpToDateWithTheRealmFile() throws IOException {
        checkOrRegenerate(RealmImport.BASE_IMPORT, RealmImport.baseImport(RealmImport.realmFile()));
    }

    @Test
    void devDemoUsersPatchIsUpToDateWithTheRealmFile() throws IOException {
        checkOrRegenerate(RealmImport.DEV_PATCH, RealmImport.devPatch(RealmImport.realmFile()));
    }

    @Test
    void productionImportLeavesOutDemoUsersAndClientSecretsButKeepsEverythingElse() throws IOException {
        JsonNode realm = JSON.readTree("""
                {"realm": "aduan", "enabled": true,
                 "roles": {"realm": [{"name": "officer"}]},
                 "users": [{"username": "officer-bandung", "credentials": [{"type": "password", "value": "demo"}]},
                           {"username": "service-account-agency-system-pemda-32-73",
                            "serviceAccountClientId": "agency-system-pemda-32-73",
                            "attributes": {"agency": ["pemda-32.73"]}, "realmRoles": ["officer"]}],
                 "clients": [{"clientId": "agency-system-pemda-32-73", "secret": "public-dev-secret"},
                             {"clientId": "aduan-cli", "publicClient": true}]}
                """);
        JsonNode base = RealmImport.withoutDemoCredentials(realm);
        assertThat(base.path("users").findValuesAsText("username"))
                .as("only the service account of a kept client").containsExactly("service-account-agency-system-pemda-32-73");
        assertThat(base.path("users").get(0).path("attributes")).isEqualTo(realm.path("users").get(1).path("attributes"));
        assertThat(base.toString()).doesNotContain("public-dev-secret", "officer-bandung", "\"demo\"");
        assertThat(base.path("clients").findValuesAsText("clientId")).containsExactly("agency-system-pemda-32-73", "aduan-cli");
        assertThat(base.path("roles")).isEqualTo(realm.path("roles"));

        JsonNode patch = RealmImport.demoCredentials(realm);
        assertThat(patch.path("users")).isEqualTo(realm.path("users"));
        assertThat(patch.path("clients")).isEqualTo(realm.path("clients"));
    }

    private static void checkOrRegenerate(String relative, String expected) throws IOException {
        Path file = Repository.path(relative);
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(file, expected);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as("%s is out of date with %s; regenerate it with:%n  %s", relative, RealmImport.REALM_FILE,
                        RealmImport.REGENERATE)
                .isEqualTo(expected);
    }
}
