package org.aduan.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.deploy.platform.Repository;
import org.aduan.events.Topics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The on-call pod and the DLQ replay script of deploy/tools work against what prod renders. */
class OpsToolsTest {

    @Test
    void onCallPodCanReplayEveryDeadLetterTopicOntoItsEventTopic() {
        Manifests prod = Kustomize.render("prod");
        Platform p = new Platform(prod);
        JsonNode pod = Kustomize.parse(Repository.read(Repository.path("deploy/tools/kafka-ops.yaml"))).get(0);
        JsonNode container = pod.path("spec").path("containers").get(0);
        Map<String, Manifests.EnvSource> env = new Manifests(java.util.List.of(pod)).environment(asDeployment(pod));

        assertThat(env.get("KAFKA_BOOTSTRAP")).isEqualTo(new Manifests.Literal(p.bootstrapServers()));
        assertThat(env.get("KAFKA_JAAS")).isInstanceOf(Manifests.SecretKey.class);
        String user = ((Manifests.SecretKey) env.get("KAFKA_JAAS")).secret();
        Platform.Acls acls = p.acls(prod.get("KafkaUser", user));

        String script = Repository.read(Repository.path("deploy/tools/replay-dlq.sh"));
        Matcher group = Pattern.compile("--group \"([a-z-]+)\\$TOPIC\"").matcher(script);
        assertThat(group.find()).as("replay-dlq.sh names its consumer group").isTrue();
        assertThat(acls.prefixedGroups().keySet()).as("%s may use group %s<topic>", user, group.group(1))
                .anyMatch(prefix -> group.group(1).startsWith(prefix));
        for (String topic : Topics.EVENT_TOPICS) {
            assertThat(acls.allowsTopic(Topics.deadLetter(topic), "Read")).as("%s reads %s", user, Topics.deadLetter(topic)).isTrue();
            assertThat(acls.allowsTopic(topic, "Write")).as("%s writes %s", user, topic).isTrue();
            assertThat(acls.allowsTopic(Topics.deadLetter(topic), "Write")).as("%s never writes %s", user, Topics.deadLetter(topic)).isFalse();
        }
        assertThat(p.clientListener().path("networkPolicyPeers").findValues("podSelector").stream()
                .anyMatch(sel -> Manifests.selects(sel, pod.path("metadata").path("labels"))))
                .as("the Kafka listener admits the on-call pod").isTrue();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
    }

    /** Wraps a Pod so the Deployment helpers read its container. */
    private static JsonNode asDeployment(JsonNode pod) {
        com.fasterxml.jackson.databind.node.ObjectNode deployment = Manifests.YAML_FACTORY.objectNode();
        deployment.putObject("metadata").put("name", Manifests.name(pod));
        deployment.putObject("spec").putObject("template").set("spec", pod.path("spec"));
        return deployment;
    }
}
