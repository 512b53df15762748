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
        // Enough complaints for the statistics to show numbers (cells under 10 are suppressed): the
        // routing evaluation sets' texts, routed by what they say, anonymous. Their codes are not listed.
        int background = 0;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/background.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode complaint = EventJson.mapper().readTree(line);
                HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/complaints"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "demo-" + complaint.path("demoId").asText())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(line))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    background++;
                }
            }
        }
        System.out.println("Demo data: " + lines.size() + " complaints listed below and " + background
                + " more (routing's evaluation texts) so that the statistics have numbers to show.");
        Files.write(file, lines);
    }
}
