package org.aduan.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.aduan.devstack.AduanService;
import org.aduan.devstack.Infrastructure;
import org.aduan.devstack.KannelGateway;
import org.aduan.devstack.ServiceLauncher;
import org.aduan.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

/** The whole platform as the tests see it: real servers (Keycloak too), the five packaged services, HTTP. */
final class Platform implements AutoCloseable {

    private static Platform started;

    final Infrastructure infra;
    final ServiceLauncher services;
    /**
     * The SMS gateway's ports and credentials, given to intake (token) and notification (sendsms) at start;
     * the gateway itself is started only by the tests that send SMS ({@link KannelGateway}).
     */
    final KannelGateway.Plan kannel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Platform(Infrastructure infra, ServiceLauncher services, KannelGateway.Plan kannel) {
        this.infra = infra;
        this.services = services;
        this.kannel = kannel;
    }

    /** Started once per test JVM, stopped when it exits. */
    static synchronized Platform get() {
        if (started == null) {
            Path target = Path.of("target").toAbsolutePath();
            // with Keycloak: the agency API needs real tokens
            Infrastructure infra = Infrastructure.forTests(target.resolve("devstack-e2e"), true);
            try {
                KannelGateway.Plan kannel = KannelGateway.Plan.fresh();
                Map<String, String> properties = new LinkedHashMap<>(kannel.serviceProperties());
                // published statistics are a snapshot (60 s old at most in production); fresh ones here
                properties.put("aduan.stats.snapshot-max-age", "1s");
                ServiceLauncher services = ServiceLauncher.start(infra, ServiceLauncher.freePorts(),
                        target.resolve("e2e-logs"), properties);
                started = new Platform(infra, services, kannel);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-stop"));
            } catch (RuntimeException e) {
                infra.close();
                throw e;
            }
        }
        return started;
    }

    /** The header of a real access token of a demo user of realm aduan (deploy/keycloak/aduan-realm.json). */
    Map<String, String> bearer(String username) {
        String token = infra.keycloak().orElseThrow().passwordToken("aduan-cli", username, "aduan-demo");
        return Map.of("Authorization", "Bearer " + token);
    }

    Response post(AduanService service, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    Response get(AduanService service, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    @Override
    public void close() {
        try {
            services.close();
        } finally {
            infra.close();
        }
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return EventJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
