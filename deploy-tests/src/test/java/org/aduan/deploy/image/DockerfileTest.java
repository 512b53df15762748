package org.aduan.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.deploy.platform.Repository;
import org.aduan.deploy.platform.ServiceConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's image is built from a Dockerfile in the Quarkus JVM layout that agrees with its configuration. */
class DockerfileTest {

    static java.util.List<String> services() {
        return Repository.services().stream().map(ServiceConfig::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void imageRunsTheFastJarAsANonRootUserOnTheServicePort(String name) {
        ServiceConfig svc = Repository.service(name);
        Path dockerfile = svc.dir().resolve("src/main/docker/Dockerfile.jvm");
        assertThat(dockerfile).exists();
        String text = Repository.read(dockerfile);
        assertThat(text).containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\S+$");
        for (String layer : new String[] {"lib/", "*.jar", "app/", "quarkus/"}) {
            assertThat(text).as("copies target/quarkus-app/%s", layer).contains("target/quarkus-app/" + layer);
        }
        Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(text);
        assertThat(expose.find()).as("EXPOSE").isTrue();
        assertThat(Integer.parseInt(expose.group(1))).as("EXPOSE = quarkus.http.port").isEqualTo(svc.httpPort());
        // 185 is the base image's unprivileged user; the Deployments run as it (runAsUser: 185).
        assertThat(text).containsPattern("(?m)^USER 185$");
        assertThat(text).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(Files.isDirectory(svc.dir().resolve("src/main/resources"))).isTrue();
    }
}
