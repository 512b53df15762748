package org.aduan.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.aduan.deploy.kubernetes.Manifests.EnvSource;
import org.aduan.deploy.kubernetes.Manifests.SecretKey;
import org.aduan.deploy.platform.Repository;
import org.aduan.deploy.platform.ServiceConfig;
import org.aduan.deploy.platform.ServiceConfig.IncomingChannel;
import org.aduan.devstack.KafkaBroker;
import org.aduan.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What both overlays must get right, checked on {@code kubectl kustomize deploy/overlays/<overlay>}
 * against the services' own configuration (application.properties, outbox code, poms) and the event
 * contracts ({@link Topics}), never against a copy of them.
 */
class OverlaysTest {

    private static final String IMAGE_REPOSITORY = "ghcr.io/aduan/";
    /**
     * DESIGN.md: notification-service replies on the citizen's own channel, through the providers' APIs;
     * intake-service fetches the photos citizens send from the providers' media APIs (issue 6).
     */
    private static final Set<String> INTERNET_EGRESS = Set.of("notification-service", "intake-service");
    /** DESIGN.md: agencies reach followup-service with OIDC bearer tokens. */
    private static final Set<String> KEYCLOAK_CLIENTS_BY_DESIGN = Set.of("followup-service");
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsAsADeploymentWithProbesLimitsAndALockedDownContainer(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Set<String> deployed = m.ofKind("Deployment").stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(deployed).as("Deployments of %s", overlay)
                .containsExactlyInAnyOrderElementsOf(Repository.services().stream().map(ServiceConfig::name).toList());
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode deployment = m.get("Deployment", svc.name());
                JsonNode pod = Manifests.podSpec(deployment);
                JsonNode c = Manifests.container(deployment);
                String who = svc.name() + " (" + overlay + ")";
                soft.assertThat(probe(c, "livenessProbe")).as("%s liveness probe", who).isEqualTo("/q/health/live:" + svc.httpPort());
                soft.assertThat(probe(c, "readinessProbe")).as("%s readiness probe", who).isEqualTo("/q/health/ready:" + svc.httpPort());
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        soft.assertThat(c.path("resources").path(kind).path(resource).asText(""))
                                .as("%s resources.%s.%s", who, kind, resource).isNotBlank();
                    }
                }
                JsonNode podSec = pod.path("securityContext");
                JsonNode sec = c.path("securityContext");
                soft.assertThat(podSec.path("runAsNonRoot").asBoolean(false) || sec.path("runAsNonRoot").asBoolean(false))
                        .as("%s runAsNonRoot", who).isTrue();
                int uid = sec.path("runAsUser").asInt(podSec.path("runAsUser").asInt(-1));
                soft.assertThat(uid).as("%s runAsUser (the image's non-root user 185)", who).isEqualTo(185);
                soft.assertThat(sec.path("readOnlyRootFilesystem").asBoolean(false)).as("%s readOnlyRootFilesystem", who).isTrue();
                soft.assertThat(sec.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", who).isFalse();
                soft.assertThat(Manifests.texts(sec.path("capabilities").path("drop"))).as("%s drops capabilities", who).contains("ALL");
                String seccomp = sec.path("seccompProfile").path("type").asText(podSec.path("seccompProfile").path("type").asText(""));
                soft.assertThat(seccomp).as("%s seccomp profile", who).isEqualTo("RuntimeDefault");
                soft.assertThat(writableTmp(pod, c)).as("%s has a writable emptyDir on /tmp (read-only root)", who).isTrue();
                soft.assertThat(pod.path("enableServiceLinks").asBoolean(true))
                        .as("%s enableServiceLinks (Service variables would reach Quarkus' configuration)", who).isFalse();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void imagesAndPortsAgreeWithTheServicesConfiguration(String overlay) {
        Manifests m = Kustomize.render(overlay);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode deployment = m.get("Deployment", svc.name());
                JsonNode c = Manifests.container(deployment);
                String image = c.path("image").asText();
                soft.assertThat(image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image)
                        .as("%s image", svc.name()).isEqualTo(IMAGE_REPOSITORY + svc.name());
                soft.assertThat(containerPort(c, "http")).as("%s container port http = quarkus.http.port", svc.name())
                        .contains(svc.httpPort());
                Optional<JsonNode> service = m.find("Service", svc.name());
                soft.assertThat(service).as("Service %s", svc.name()).isPresent();
                service.ifPresent(s -> {
                    soft.assertThat(Manifests.matches(s.path("spec").path("selector"), podLabels(deployment)))
                            .as("Service %s selects the pods", svc.name()).isTrue();
                    List<Integer> targets = new ArrayList<>();
                    for (JsonNode port : s.path("spec").path("ports")) {
                        JsonNode target = port.path("targetPort");
                        targets.add(target.isInt() ? Integer.valueOf(target.asInt())
                                : containerPort(c, target.asText(port.path("port").asText())).orElse(-1));
                    }
                    soft.assertThat(targets).as("Service %s reaches quarkus.http.port", svc.name()).contains(svc.httpPort());
                });
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheDesignIsAKafkaTopicWithDevstacksSettings(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        JsonNode kafka = p.kafka();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText())
                .as("topics exist only as KafkaTopic resources").isEqualTo("false");
        Set<String> roles = new TreeSet<>();
        m.ofKind("KafkaNodePool").stream()
                .filter(pool -> p.kafkaName().equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .forEach(pool -> roles.addAll(Manifests.texts(pool.path("spec").path("roles"))));
        assertThat(roles).as("KRaft node pools of %s", p.kafkaName()).contains("controller", "broker");

        Set<String> expected = new TreeSet<>();
        Topics.EVENT_TOPICS.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        Topics.MESSAGE_TOPICS.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        Set<String> declared = new TreeSet<>();
        assertSoftly(soft -> {
            for (JsonNode topic : m.ofKind("KafkaTopic")) {
                String name = topic.path("spec").path("topicName").asText(Manifests.name(topic));
                declared.add(name);
                soft.assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                        .as("cluster of KafkaTopic %s", name).isEqualTo(p.kafkaName());
                soft.assertThat(topic.path("spec").path("partitions").asInt())
                        .as("partitions of %s (devstack KafkaBroker.PARTITIONS)", name).isEqualTo(KafkaBroker.PARTITIONS);
                boolean message = Topics.MESSAGE_TOPICS.stream().anyMatch(t -> name.equals(t) || name.equals(Topics.deadLetter(t)));
                soft.assertThat(topic.path("spec").path("config").path("retention.ms").asText())
                        .as("retention.ms of %s (event topics: the log is the source of truth)", name)
                        .isEqualTo(message ? Long.toString(Topics.MESSAGE_RETENTION_MS) : "-1");
                int replicas = topic.path("spec").path("replicas").asInt();
                int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
                soft.assertThat(minIsr).as("min.insync.replicas of %s fits its %d replicas", name, replicas)
                        .isBetween(1, Math.max(1, replicas));
                if (replicas > 1) {
                    soft.assertThat(minIsr).as("%s: acks=all must wait for a second copy", name).isGreaterThan(1);
                }
            }
        });
        assertThat(declared).as("KafkaTopics = Topics.EVENT_TOPICS, MESSAGE_TOPICS and their .dlq").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsOwnDatabaseRoleAndCredentials(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        Map<String, String> roles = p.roleSecrets();
        Set<String> owners = new TreeSet<>();
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                Optional<JsonNode> db = p.database(svc.database());
                soft.assertThat(db).as("Database %s of %s in Cluster %s", svc.database(), svc.name(), p.postgresName()).isPresent();
                if (db.isEmpty()) {
                    continue;
                }
                String owner = db.get().path("spec").path("owner").asText();
                owners.add(owner);
                soft.assertThat(roles).as("managed login role %s (owner of %s)", owner, svc.database()).containsKey(owner);
                String secret = roles.get(owner);
                Map<String, EnvSource> env = m.environment(m.get("Deployment", svc.name()));
                soft.assertThat(env.get("ADUAN_DB_USER")).as("%s ADUAN_DB_USER", svc.name()).isEqualTo(new SecretKey(secret, "username"));
                soft.assertThat(env.get("ADUAN_DB_PASSWORD")).as("%s ADUAN_DB_PASSWORD", svc.name()).isEqualTo(new SecretKey(secret, "password"));
                String url = m.literal(m.get("Deployment", svc.name()), "ADUAN_DB_URL").orElse("");
                soft.assertThat(url).as("%s ADUAN_DB_URL: the primary's Service, no database (the service appends /%s)",
                        svc.name(), svc.database()).isEqualTo("jdbc:postgresql://" + p.postgresName() + "-rw:5432");
            }
        });
        assertThat(owners).as("each service logs in as its own role").hasSize(Repository.services().size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceReadsIsSetAndNoOther(String overlay) {
        Manifests m = Kustomize.render(overlay);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                Map<String, EnvSource> env = m.environment(m.get("Deployment", svc.name()));
                // Defaults in application.properties are for a developer's machine (localhost, public
                // development keys): a deployment sets every one of them.
                soft.assertThat(env.keySet()).as("%s environment has every ${ADUAN_...} of its application.properties", svc.name())
                        .containsAll(svc.aduanVariables());
                for (String variable : env.keySet()) {
                    if (variable.startsWith("ADUAN_")) {
                        soft.assertThat(svc.readsEnv(variable)).as("%s reads %s (a typo or another service's setting?)",
                                svc.name(), variable).isTrue();
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void servicesShareTheIdentityAndPinKeysFromOneSecret(String overlay) {
        Manifests m = Kustomize.render(overlay);
        for (String variable : List.of("ADUAN_IDENTITY_KEY", "ADUAN_IDENTITY_KEY_ID", "ADUAN_PIN_KEY", "ADUAN_PIN_KEY_ID")) {
            Set<EnvSource> sources = new java.util.HashSet<>();
            for (ServiceConfig svc : Repository.services()) {
                EnvSource source = m.environment(m.get("Deployment", svc.name())).get(variable);
                if (source != null) {
                    assertThat(source).as("%s %s comes from a Secret", svc.name(), variable).isInstanceOf(SecretKey.class);
                    sources.add(source);
                }
            }
            assertThat(sources).as("every service that seals, opens, hashes or verifies with %s uses the same one", variable)
                    .hasSizeLessThanOrEqualTo(1);
        }
        // A service that reads a key also needs its id: a sealed identity names the key it was sealed with.
        for (ServiceConfig svc : Repository.services()) {
            Map<String, EnvSource> env = m.environment(m.get("Deployment", svc.name()));
            for (String key : List.of("ADUAN_IDENTITY_KEY", "ADUAN_PIN_KEY")) {
                if (env.containsKey(key)) {
                    assertThat(env).as("%s sets %s_ID along with %s", svc.name(), key, key).containsKey(key + "_ID");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void servicesLogInToKafkaAsTheirOwnUserOverTls(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode deployment = m.get("Deployment", svc.name());
                Map<String, EnvSource> env = m.environment(deployment);
                soft.assertThat(m.literal(deployment, "ADUAN_KAFKA")).as("%s ADUAN_KAFKA", svc.name()).contains(p.bootstrapServers());
                soft.assertThat(m.literal(deployment, "KAFKA_SECURITY_PROTOCOL")).as("%s security protocol", svc.name()).contains("SASL_SSL");
                soft.assertThat(m.literal(deployment, "KAFKA_SASL_MECHANISM")).as("%s SASL mechanism", svc.name()).contains("SCRAM-SHA-512");
                soft.assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as("%s logs in as KafkaUser %s", svc.name(), svc.name())
                        .isEqualTo(new SecretKey(svc.name(), "sasl.jaas.config"));
                Optional<JsonNode> user = m.find("KafkaUser", svc.name());
                soft.assertThat(user).as("KafkaUser %s", svc.name()).isPresent();
                user.ifPresent(u -> {
                    soft.assertThat(u.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
                    soft.assertThat(u.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(p.kafkaName());
                });
                String truststore = m.literal(deployment, "KAFKA_SSL_TRUSTSTORE_LOCATION").orElse("");
                soft.assertThat(mountedSecretFile(deployment, truststore))
                        .as("%s trusts the cluster CA at %s", svc.name(), truststore)
                        .contains(p.kafkaName() + "-cluster-ca-cert/ca.crt");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void kafkaUsersMayTouchExactlyTheTopicsTheirServiceUses(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                for (IncomingChannel channel : svc.incoming()) {
                    String where = svc.name() + " channel " + channel.channel();
                    soft.assertThat(channel.groupId()).as("%s consumer group", where).contains(svc.name());
                    soft.assertThat(channel.failureStrategy()).as("%s failure-strategy", where).contains("dead-letter-queue");
                    soft.assertThat(channel.deadLetterTopic()).as("%s dead-letter topic", where).contains(Topics.deadLetter(channel.topic()));
                }
                Optional<JsonNode> user = m.find("KafkaUser", svc.name());
                if (user.isEmpty()) {
                    soft.fail("no KafkaUser " + svc.name());
                    continue;
                }
                Platform.Acls acls = p.acls(user.get());
                soft.assertThat(acls.others()).as("%s: only literal topic and group ACLs", svc.name()).isEmpty();
                soft.assertThat(acls.prefixedTopics()).as("%s: no prefixed topic ACLs", svc.name()).isEmpty();
                soft.assertThat(acls.prefixedGroups()).as("%s: no prefixed group ACLs", svc.name()).isEmpty();
                soft.assertThat(acls.topicsWith("Read")).as("%s reads exactly what it consumes", svc.name())
                        .isEqualTo(svc.consumedTopics());
                Set<String> writes = new TreeSet<>(svc.producedTopics());
                writes.addAll(svc.deadLetterTopics());
                soft.assertThat(acls.topicsWith("Write")).as("%s writes exactly what it publishes and its dead letters", svc.name())
                        .isEqualTo(writes);
                soft.assertThat(acls.literalTopics().keySet()).as("%s: every topic ACL allows Describe", svc.name())
                        .isEqualTo(acls.topicsWith("Describe"));
                soft.assertThat(acls.groupsWith("Read")).as("%s consumer groups", svc.name())
                        .isEqualTo(svc.consumes() ? Set.of(svc.name()) : Set.of());
                acls.literalTopics().values().forEach(ops -> soft.assertThat(ops).as("%s topic operations", svc.name())
                        .isSubsetOf("Describe", "Read", "Write"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleOnTheirLagUpToThePartitionCountAndIntakeOnCpu(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                Optional<JsonNode> scaled = m.ofKind("ScaledObject").stream()
                        .filter(s -> svc.name().equals(s.path("spec").path("scaleTargetRef").path("name").asText())).findFirst();
                Optional<JsonNode> hpa = m.ofKind("HorizontalPodAutoscaler").stream()
                        .filter(h -> svc.name().equals(h.path("spec").path("scaleTargetRef").path("name").asText())).findFirst();
                if (!svc.consumes()) {
                    soft.assertThat(scaled).as("%s consumes nothing: no lag to scale on", svc.name()).isEmpty();
                    soft.assertThat(hpa).as("%s scales on CPU", svc.name()).isPresent();
                    hpa.ifPresent(h -> {
                        soft.assertThat(h.path("spec").path("metrics").findValuesAsText("name")).as("%s HPA metric", svc.name()).contains("cpu");
                        soft.assertThat(h.path("spec").path("minReplicas").asInt(1)).as("%s min replicas", svc.name()).isGreaterThanOrEqualTo(1);
                    });
                    continue;
                }
                soft.assertThat(hpa).as("%s: KEDA owns its HPA", svc.name()).isEmpty();
                soft.assertThat(scaled).as("ScaledObject of %s", svc.name()).isPresent();
                if (scaled.isEmpty()) {
                    continue;
                }
                JsonNode spec = scaled.get().path("spec");
                int partitions = svc.consumedTopics().stream()
                        .mapToInt(t -> topicPartitions(m, t)).min().orElse(0);
                soft.assertThat(spec.path("maxReplicaCount").asInt()).as("%s maxReplicaCount = partitions", svc.name())
                        .isEqualTo(partitions).isEqualTo(KafkaBroker.PARTITIONS);
                Set<String> topics = new TreeSet<>();
                String bootstrap = m.literal(m.get("Deployment", svc.name()), "ADUAN_KAFKA").orElse("");
                for (JsonNode trigger : spec.path("triggers")) {
                    soft.assertThat(trigger.path("type").asText()).as("%s trigger", svc.name()).isEqualTo("kafka");
                    JsonNode md = trigger.path("metadata");
                    String topic = md.path("topic").asText();
                    topics.add(topic);
                    soft.assertThat(md.path("consumerGroup").asText()).as("%s lag of group", svc.name()).isEqualTo(svc.name());
                    soft.assertThat(md.path("bootstrapServers").asText()).as("%s trigger bootstrap", svc.name()).isEqualTo(bootstrap);
                    soft.assertThat(md.path("lagThreshold").asText("")).as("%s lagThreshold", svc.name()).isNotBlank();
                    svc.incoming().stream().filter(c -> c.topic().equals(topic)).findFirst()
                            .flatMap(IncomingChannel::autoOffsetReset)
                            .ifPresent(reset -> soft.assertThat(md.path("offsetResetPolicy").asText("latest"))
                                    .as("%s offsetResetPolicy = auto.offset.reset", svc.name()).isEqualTo(reset));
                    String auth = trigger.path("authenticationRef").path("name").asText();
                    soft.assertThat(kedaUserMayDescribe(m, p, auth, topic, svc.name()))
                            .as("%s: KEDA's user (TriggerAuthentication %s) may describe %s and group %s",
                                    svc.name(), auth, topic, svc.name()).isTrue();
                }
                soft.assertThat(topics).as("%s scales on every topic it consumes", svc.name()).isEqualTo(svc.consumedTopics());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetThatLetsNodesDrain(String overlay) {
        Manifests m = Kustomize.render(overlay);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode labels = podLabels(m.get("Deployment", svc.name()));
                List<JsonNode> budgets = m.ofKind("PodDisruptionBudget").stream()
                        .filter(b -> Manifests.selects(b.path("spec").path("selector"), labels)).toList();
                soft.assertThat(budgets).as("PodDisruptionBudget of %s", svc.name()).hasSize(1);
                budgets.forEach(b -> soft.assertThat(b.path("spec").path("maxUnavailable").asInt(0))
                        .as("%s: one pod at a time, and a single replica does not block a drain", svc.name()).isEqualTo(1));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowOnlyWhatTheFlowNeeds(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        Set<String> publicServices = ingressBackends(m);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode deployment = m.get("Deployment", svc.name());
                JsonNode labels = podLabels(deployment);
                List<JsonNode> policies = m.ofKind("NetworkPolicy").stream()
                        .filter(n -> Manifests.selects(n.path("spec").path("podSelector"), labels)).toList();
                soft.assertThat(policies).as("NetworkPolicy of %s", svc.name()).isNotEmpty();
                Set<String> types = new TreeSet<>();
                policies.forEach(n -> types.addAll(Manifests.texts(n.path("spec").path("policyTypes"))));
                soft.assertThat(types).as("%s: ingress and egress are both restricted", svc.name()).contains("Ingress", "Egress");

                int kafkaPort = Integer.parseInt(p.bootstrapServers().substring(p.bootstrapServers().lastIndexOf(':') + 1));
                URI db = Platform.jdbcServer(m.literal(deployment, "ADUAN_DB_URL").orElse("jdbc:none://x:0"));
                Set<String> reached = new TreeSet<>();
                for (JsonNode policy : policies) {
                    for (JsonNode rule : policy.path("spec").path("egress")) {
                        Set<Integer> ports = new TreeSet<>();
                        rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
                        soft.assertThat(rule.path("to").size()).as("%s: an egress rule without 'to' allows everything", svc.name()).isPositive();
                        soft.assertThat(ports).as("%s: every egress rule names its ports", svc.name()).isNotEmpty();
                        for (JsonNode peer : rule.path("to")) {
                            String kind = egressPeer(peer, p);
                            reached.add(kind);
                            switch (kind) {
                                case "dns" -> soft.assertThat(ports).as("%s DNS ports", svc.name()).containsOnly(53);
                                case "kafka" -> soft.assertThat(ports).as("%s Kafka port", svc.name()).containsOnly(kafkaPort);
                                case "postgres" -> soft.assertThat(ports).as("%s PostgreSQL port", svc.name()).containsOnly(db.getPort());
                                case "keycloak" -> soft.assertThat(ports).as("%s Keycloak port", svc.name()).containsOnly(p.keycloakHttpPort());
                                case "internet" -> {
                                    soft.assertThat(ports).as("%s internet: HTTPS only", svc.name()).containsOnly(443);
                                    soft.assertThat(Manifests.texts(peer.path("ipBlock").path("except")))
                                            .as("%s internet egress keeps out private ranges", svc.name())
                                            .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                                }
                                default -> soft.fail(svc.name() + ": egress to something the flow does not need: " + peer);
                            }
                        }
                    }
                    for (JsonNode rule : policy.path("spec").path("ingress")) {
                        soft.assertThat(rule.path("from").size()).as("%s: an ingress rule without 'from' admits everyone", svc.name()).isPositive();
                        Set<Integer> ports = new TreeSet<>();
                        rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
                        soft.assertThat(ports).as("%s ingress only to quarkus.http.port", svc.name()).containsOnly(svc.httpPort());
                        for (JsonNode peer : rule.path("from")) {
                            String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText("");
                            if (ns.equals(INGRESS_CONTROLLER_NAMESPACE)) {
                                soft.assertThat(publicServices).as("%s admits the ingress controller but has no Ingress route", svc.name())
                                        .contains(svc.name());
                            } else {
                                soft.assertThat(ns).as("%s admits only the ingress controller and Prometheus: %s", svc.name(), peer)
                                        .isEqualTo(MONITORING_NAMESPACE);
                            }
                        }
                    }
                }
                soft.assertThat(reached).as("%s reaches DNS, Kafka and its database", svc.name()).contains("dns", "kafka", "postgres");
                if (svc.verifiesTokens()) {
                    soft.assertThat(reached).as("%s verifies bearer tokens: it must reach Keycloak", svc.name()).contains("keycloak");
                } else if (!KEYCLOAK_CLIENTS_BY_DESIGN.contains(svc.name())) {
                    soft.assertThat(reached).as("%s verifies no tokens", svc.name()).doesNotContain("keycloak");
                }
                if (INTERNET_EGRESS.contains(svc.name())) {
                    soft.assertThat(reached).as("%s talks to the channel providers", svc.name()).contains("internet");
                } else {
                    soft.assertThat(reached).as("%s has no business on the internet", svc.name()).doesNotContain("internet");
                }
                if (publicServices.contains(svc.name())) {
                    soft.assertThat(admitsIngressController(policies)).as("%s is routed by the Ingress: admit the controller", svc.name()).isTrue();
                }
                // The other side of each door: Strimzi's listener policy and the database's policy let it in.
                soft.assertThat(p.clientListener().path("networkPolicyPeers").findValues("podSelector").stream()
                        .anyMatch(sel -> Manifests.selects(sel, labels)))
                        .as("Kafka listener networkPolicyPeers admit %s", svc.name()).isTrue();
                soft.assertThat(m.ofKind("NetworkPolicy").stream()
                        .filter(n -> Manifests.selects(n.path("spec").path("podSelector"), p.postgresPodLabels()))
                        .flatMap(n -> n.path("spec").path("ingress").findValues("podSelector").stream())
                        .anyMatch(sel -> Manifests.selects(sel, labels)))
                        .as("PostgreSQL's NetworkPolicy admits %s", svc.name()).isTrue();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyPoolAtItsLargestFitsUnderPostgresMaxConnections(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        int budget = 0;
        StringBuilder how = new StringBuilder();
        for (ServiceConfig svc : Repository.services()) {
            int replicas = maxReplicas(m, svc.name());
            budget += replicas * svc.jdbcMaxSize();
            how.append(svc.name()).append(' ').append(replicas).append('x').append(svc.jdbcMaxSize()).append(", ");
        }
        JsonNode kc = p.keycloak().path("spec");
        int keycloak = kc.path("instances").asInt(1) * kc.path("db").path("poolMaxSize").asInt(100);
        budget += keycloak;
        how.append("keycloak ").append(keycloak);
        // PostgreSQL keeps superuser_reserved_connections (3) out of max_connections.
        int max = p.postgres().path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100) - 3;
        assertThat(budget).as("connections at full scale (%s) in %s", how, overlay).isLessThanOrEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesOnlyToServicesThatExistOnTheirPorts(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        assertThat(m.ofKind("Ingress")).isNotEmpty();
        assertSoftly(soft -> {
            for (JsonNode ingress : m.ofKind("Ingress")) {
                for (JsonNode backend : ingress.findValues("service")) {
                    String name = backend.path("name").asText();
                    if (name.equals(p.keycloakService())) {
                        soft.assertThat(backend.path("port").path("number").asInt()).as("Keycloak's HTTP port").isEqualTo(p.keycloakHttpPort());
                        continue;
                    }
                    Optional<JsonNode> service = m.find("Service", name);
                    soft.assertThat(service).as("Ingress backend Service %s", name).isPresent();
                    service.ifPresent(s -> soft.assertThat(s.path("spec").path("ports").findValuesAsText("name"))
                            .as("port %s of Service %s", backend.path("port"), name)
                            .contains(backend.path("port").path("name").asText("?")));
                }
            }
        });
        assertThat(ingressBackends(m)).as("services behind the Ingress")
                .doesNotContain("notification-service"); // notification has no door: it only sends
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void servicesThatVerifyTokensAskTheKeycloakInsideTheCluster(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                svc.oidcServerVariable().ifPresent(variable -> soft.assertThat(m.literal(m.get("Deployment", svc.name()), variable))
                        .as("%s %s (quarkus.oidc.auth-server-url)", svc.name(), variable)
                        .contains("http://" + p.keycloakService() + ":" + p.keycloakHttpPort()));
                if (svc.verifiesTokens()) {
                    soft.assertThat(svc.oidcServerVariable()).as("%s takes its Keycloak URL from the environment", svc.name())
                            .isPresent();
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheAduanRealmAndKeepsItsDataInPostgres(String overlay) {
        Manifests m = Kustomize.render(overlay);
        Platform p = new Platform(m);
        JsonNode kc = p.keycloak();
        List<JsonNode> imports = m.ofKind("KeycloakRealmImport");
        assertThat(imports).as("KeycloakRealmImport").hasSize(1);
        JsonNode spec = imports.get(0).path("spec");
        assertThat(spec.path("keycloakCRName").asText()).isEqualTo(Manifests.name(kc));
        assertThat(spec.path("realm").path("realm").asText()).isEqualTo("aduan");

        JsonNode db = kc.path("spec").path("db");
        assertThat(db.path("vendor").asText()).isEqualTo("postgres");
        assertThat(db.path("host").asText()).isEqualTo(p.postgresName() + "-rw");
        Optional<JsonNode> database = p.database(db.path("database").asText());
        assertThat(database).as("Database %s for Keycloak", db.path("database").asText()).isPresent();
        String owner = database.get().path("spec").path("owner").asText();
        String secret = p.roleSecrets().get(owner);
        assertThat(secret).as("login role %s", owner).isNotNull();
        assertThat(db.path("usernameSecret").path("name").asText()).isEqualTo(secret);
        assertThat(db.path("usernameSecret").path("key").asText()).isEqualTo("username");
        assertThat(db.path("passwordSecret").path("name").asText()).isEqualTo(secret);
        assertThat(db.path("passwordSecret").path("key").asText()).isEqualTo("password");
    }

    // --- helpers ---------------------------------------------------------------------------------

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** The Services every Ingress routes to. */
    static Set<String> ingressBackends(Manifests m) {
        Set<String> names = new TreeSet<>();
        m.ofKind("Ingress").forEach(i -> i.findValues("service").forEach(s -> names.add(s.path("name").asText())));
        return names;
    }

    static int maxReplicas(Manifests m, String deployment) {
        for (JsonNode s : m.ofKind("ScaledObject")) {
            if (deployment.equals(s.path("spec").path("scaleTargetRef").path("name").asText())) {
                return s.path("spec").path("maxReplicaCount").asInt(100);
            }
        }
        for (JsonNode h : m.ofKind("HorizontalPodAutoscaler")) {
            if (deployment.equals(h.path("spec").path("scaleTargetRef").path("name").asText())) {
                return h.path("spec").path("maxReplicas").asInt();
            }
        }
        return m.get("Deployment", deployment).path("spec").path("replicas").asInt(1);
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            return "none";
        }
        JsonNode port = get.path("port");
        int number = port.isInt() ? port.asInt() : containerPort(container, port.asText()).orElse(-1);
        return get.path("path").asText() + ":" + number;
    }

    private static Optional<Integer> containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return Optional.of(port.path("containerPort").asInt());
            }
        }
        return Optional.empty();
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText()) && !mount.path("readOnly").asBoolean(false)) {
                String volume = mount.path("name").asText();
                for (JsonNode v : pod.path("volumes")) {
                    if (volume.equals(v.path("name").asText()) && v.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "secret/key" of the Secret file mounted at {@code path}, or empty. */
    private static Optional<String> mountedSecretFile(JsonNode deployment, String path) {
        JsonNode pod = Manifests.podSpec(deployment);
        for (JsonNode mount : Manifests.container(deployment).path("volumeMounts")) {
            String dir = mount.path("mountPath").asText();
            if (!path.startsWith(dir + "/")) {
                continue;
            }
            String file = path.substring(dir.length() + 1);
            for (JsonNode v : pod.path("volumes")) {
                if (mount.path("name").asText().equals(v.path("name").asText()) && v.has("secret")) {
                    JsonNode secret = v.path("secret");
                    for (JsonNode item : secret.path("items")) {
                        if (file.equals(item.path("path").asText())) {
                            return Optional.of(secret.path("secretName").asText() + "/" + item.path("key").asText());
                        }
                    }
                    if (!secret.has("items")) {
                        return Optional.of(secret.path("secretName").asText() + "/" + file);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int topicPartitions(Manifests m, String topic) {
        return m.ofKind("KafkaTopic").stream()
                .filter(t -> topic.equals(t.path("spec").path("topicName").asText(Manifests.name(t))))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).findFirst().orElse(0);
    }

    /** Whether the KafkaUser behind a TriggerAuthentication may describe the topic and the group (and read nothing). */
    private static boolean kedaUserMayDescribe(Manifests m, Platform p, String triggerAuthentication, String topic, String group) {
        Optional<JsonNode> auth = m.find("TriggerAuthentication", triggerAuthentication);
        if (auth.isEmpty()) {
            return false;
        }
        String username = null;
        for (JsonNode ref : auth.get().path("spec").path("configMapTargetRef")) {
            if ("username".equals(ref.path("parameter").asText())) {
                username = m.find("ConfigMap", ref.path("name").asText())
                        .map(cm -> cm.path("data").path(ref.path("key").asText()).asText(null)).orElse(null);
            }
        }
        boolean passwordFromItsSecret = false;
        for (JsonNode ref : auth.get().path("spec").path("secretTargetRef")) {
            if ("password".equals(ref.path("parameter").asText()) && ref.path("name").asText().equals(username)
                    && "password".equals(ref.path("key").asText())) {
                passwordFromItsSecret = true;
            }
        }
        Optional<JsonNode> user = username == null ? Optional.empty() : m.find("KafkaUser", username);
        if (user.isEmpty() || !passwordFromItsSecret) {
            return false;
        }
        Platform.Acls acls = p.acls(user.get());
        return acls.allowsTopic(topic, "Describe") && !acls.allowsTopic(topic, "Read") && !acls.allowsTopic(topic, "Write")
                && acls.literalGroups().getOrDefault(group, Set.of()).equals(Set.of("Describe"));
    }

    private static String egressPeer(JsonNode peer, Platform p) {
        JsonNode ns = peer.path("namespaceSelector").path("matchLabels");
        JsonNode pods = peer.path("podSelector");
        if (peer.has("ipBlock")) {
            return "internet";
        }
        if ("kube-system".equals(ns.path("kubernetes.io/metadata.name").asText())
                && "kube-dns".equals(pods.path("matchLabels").path("k8s-app").asText())) {
            return "dns";
        }
        if (peer.has("namespaceSelector")) {
            return "other";
        }
        if (Manifests.selects(pods, p.brokerPodLabels())) {
            return "kafka";
        }
        if (Manifests.selects(pods, p.postgresPodLabels())) {
            return "postgres";
        }
        if (Manifests.selects(pods, p.keycloakPodLabels())) {
            return "keycloak";
        }
        return "other";
    }

    private static boolean admitsIngressController(List<JsonNode> policies) {
        return policies.stream().flatMap(n -> n.path("spec").path("ingress").findValues("namespaceSelector").stream())
                .anyMatch(sel -> INGRESS_CONTROLLER_NAMESPACE.equals(sel.path("matchLabels").path("kubernetes.io/metadata.name").asText()));
    }
}
