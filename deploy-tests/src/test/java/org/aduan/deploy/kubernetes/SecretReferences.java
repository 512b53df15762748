package org.aduan.deploy.kubernetes;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Every Secret an overlay's resources read, with the keys they read from it. */
final class SecretReferences {

    private SecretReferences() {
    }

    static Map<String, Set<String>> of(Manifests m) {
        Map<String, Set<String>> refs = new TreeMap<>();
        for (JsonNode deployment : m.ofKind("Deployment")) {
            m.environment(deployment).values().forEach(source -> {
                if (source instanceof Manifests.SecretKey s) {
                    add(refs, s.secret(), s.key());
                }
            });
            for (JsonNode volume : Manifests.podSpec(deployment).path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (secret.has("secretName")) {
                    secret.path("items").forEach(item -> add(refs, secret.path("secretName").asText(), item.path("key").asText()));
                }
            }
        }
        for (JsonNode role : new Platform(m).postgres().path("spec").path("managed").path("roles")) {
            String secret = role.path("passwordSecret").path("name").asText(null);
            if (secret != null) {
                add(refs, secret, "username");
                add(refs, secret, "password");
            }
        }
        for (JsonNode kc : m.ofKind("Keycloak")) {
            for (String field : Set.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = kc.path("spec").path("db").path(field);
                add(refs, ref.path("name").asText(), ref.path("key").asText());
            }
        }
        for (JsonNode auth : m.ofKind("TriggerAuthentication")) {
            auth.path("spec").path("secretTargetRef").forEach(ref -> add(refs, ref.path("name").asText(), ref.path("key").asText()));
        }
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                add(refs, tls.path("secretName").asText(), "tls.crt");
                add(refs, tls.path("secretName").asText(), "tls.key");
            }
        }
        return refs;
    }

    /** Secrets Strimzi writes itself: one per KafkaUser, and the cluster CA certificate. */
    static Set<String> writtenByStrimzi(Manifests m) {
        Set<String> names = new TreeSet<>();
        m.ofKind("KafkaUser").forEach(u -> names.add(Manifests.name(u)));
        m.ofKind("Kafka").forEach(k -> names.add(Manifests.name(k) + "-cluster-ca-cert"));
        return names;
    }

    /** Secrets of TLS certificates for the Ingress. */
    static Set<String> ingressTls(Manifests m) {
        Set<String> names = new TreeSet<>();
        m.ofKind("Ingress").forEach(i -> i.path("spec").path("tls").forEach(t -> names.add(t.path("secretName").asText())));
        return names;
    }

    private static void add(Map<String, Set<String>> refs, String secret, String key) {
        if (secret != null && !secret.isBlank()) {
            refs.computeIfAbsent(secret, k -> new TreeSet<>()).add(key);
        }
    }
}
