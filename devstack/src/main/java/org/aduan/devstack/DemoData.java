package org.aduan.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.aduan.events.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Submits the demo complaints of {@code demo/complaints.json} through intake's public API, once per
 * data directory, and keeps their tracking codes and PINs in {@value #FILE}.
 */
final class DemoData {

    static final String FILE = "demo-complaints.txt";

    private DemoData() {
    }

    static void loadOnce(Path data, String intakeUrl) throws IOException, InterruptedException {
        Path file = data.resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        JsonNode complaints;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/complaints.json")) {
            complaints = EventJson.mapper().readTree(in);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> lines = new ArrayList<>();
        for (JsonNode complaint : complaints) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/complaints"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-" + complaint.path("demoId").asText())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(complaint.toString()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("demo complaint rejected (" + response.statusCode() + "): " + response.body());
            }
            JsonNode body = EventJson.mapper().readTree(response.body());
            lines.add(String.format("%s  PIN %s  %s", body.path("trackingCode").asText(), body.path("pin").asText(),
                    complaint.path("title").asText(complaint.path("text").asText())));
        }
        Files.write(file, lines);
    }
}
