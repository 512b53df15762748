package org.aduan.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.Set;

import org.aduan.deploy.platform.Repository;
import org.aduan.deploy.platform.ServiceConfig;
import org.junit.jupiter.api.Test;

/** The dev overlay runs from a clean cluster with nothing to create by hand, and commits no real secret. */
class DevOverlayTest {

    private static Manifests dev() {
        return Kustomize.render("dev");
    }

    @Test
    void everySecretItReadsIsGeneratedOrWrittenByStrimzi() {
        Manifests m = dev();
        Set<String> strimzi = SecretReferences.writtenByStrimzi(m);
        // ingress-nginx answers with its own certificate when the TLS Secret is missing: fine locally.
        Set<String> tls = SecretReferences.ingressTls(m);
        assertSoftly(soft -> SecretReferences.of(m).forEach((secret, keys) -> {
            if (strimzi.contains(secret) || tls.contains(secret)) {
                return;
            }
            for (String key : keys) {
                soft.assertThat(m.secretValue(secret, key)).as("generated Secret %s key %s", secret, key).isPresent();
            }
        }));
    }

    @Test
    void generatedKeysAndPasswordsAreOnlyTheDevelopmentDefaultsOfApplicationProperties() {
        Manifests m = dev();
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                m.environment(m.get("Deployment", svc.name())).forEach((variable, source) -> {
                    if (source instanceof Manifests.SecretKey ref && variable.startsWith("ADUAN_")
                            && (variable.endsWith("_KEY") || variable.endsWith("_KEY_ID") || variable.endsWith("_PASSWORD"))) {
                        soft.assertThat(m.secretValue(ref.secret(), ref.key()))
                                .as("%s %s in dev = its public default in application.properties", svc.name(), variable)
                                .isEqualTo(svc.developmentValueOf(variable));
                    }
                });
            }
        });
    }

    @Test
    void theImportedRealmIsTheRealmFileWithItsDemoUsers() {
        assertThat(dev().ofKind("KeycloakRealmImport").get(0).path("spec").path("realm"))
                .isEqualTo(org.aduan.deploy.keycloak.RealmImport.realmFile());
    }
}
