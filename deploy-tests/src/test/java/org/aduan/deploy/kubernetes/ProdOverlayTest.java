package org.aduan.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.deploy.platform.Repository;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What production needs beyond both overlays: no secret in the repository, pinned images, no demo logins. */
class ProdOverlayTest {

    private static final Pattern CREATE_SECRET = Pattern.compile("create secret (generic|tls) ([a-z0-9.-]+)([^\\n]*)");

    private static Manifests prod() {
        return Kustomize.render("prod");
    }

    @Test
    void rendersNoSecret() {
        assertThat(prod().ofKind("Secret")).as("prod Secrets are created by operators, never committed").isEmpty();
    }

    @Test
    void everySecretItReadsIsWrittenByStrimziOrCreatedWithTheReadmesCommand() {
        Manifests m = prod();
        Map<String, String> commands = readmeSecretCommands();
        Set<String> strimzi = SecretReferences.writtenByStrimzi(m);
        assertSoftly(soft -> SecretReferences.of(m).forEach((secret, keys) -> {
            if (strimzi.contains(secret)) {
                return;
            }
            String command = commands.get(secret);
            soft.assertThat(command).as("deploy/README.md: kubectl create secret ... %s", secret).isNotNull();
            if (command == null) {
                return;
            }
            if (command.startsWith("tls ")) {
                soft.assertThat(keys).as("keys of TLS secret %s", secret).isSubsetOf("tls.crt", "tls.key");
                return;
            }
            for (String key : keys) {
                soft.assertThat(command).as("README's command for %s sets key %s", secret, key)
                        .containsPattern("--from-(literal|file)=" + Pattern.quote(key) + "=");
            }
            if (new Platform(m).roleSecrets().containsValue(secret)) {
                soft.assertThat(command).as("%s is a CloudNativePG role secret", secret).contains("--type=kubernetes.io/basic-auth");
            }
        }));
    }

    @Test
    void allServicesRunOneReleasedImageVersion() {
        Set<String> tags = new TreeSet<>();
        for (JsonNode deployment : prod().ofKind("Deployment")) {
            String image = Manifests.container(deployment).path("image").asText();
            assertThat(image).as("image of %s has a tag", Manifests.name(deployment)).matches(".+:[^/]+$");
            tags.add(image.substring(image.lastIndexOf(':') + 1));
        }
        assertThat(tags).as("one platform version").hasSize(1);
        assertThat(tags.iterator().next()).as("a release tag").doesNotContain("SNAPSHOT").isNotIn("latest", "dev");
    }

    @Test
    void theImportedRealmHasNoDemoUsersAndNoClientSecrets() {
        JsonNode realm = prod().ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
        realm.path("users").forEach(user -> assertThat(user.hasNonNull("serviceAccountClientId"))
                .as("user %s in prod is a person (demo login), not a client's service account", user.path("username").asText())
                .isTrue());
        assertThat(realm.findValues("credentials")).as("passwords in prod").isEmpty();
        realm.path("clients").forEach(client -> assertThat(client.has("secret"))
                .as("client %s keeps a committed secret", client.path("clientId").asText()).isFalse());
    }

    /** The arguments of each {@code kubectl create secret} in deploy/README.md, by secret name. */
    static Map<String, String> readmeSecretCommands() {
        String readme = Repository.read(Repository.path("deploy/README.md")).replaceAll("\\\\\\n\\s*", " ");
        Map<String, String> commands = new LinkedHashMap<>();
        Matcher matcher = CREATE_SECRET.matcher(readme);
        while (matcher.find()) {
            commands.put(matcher.group(2), matcher.group(1) + " " + matcher.group(3));
        }
        return commands;
    }
}
