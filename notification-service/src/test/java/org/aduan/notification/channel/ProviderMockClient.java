package org.aduan.notification.channel;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The test's side of the {@link ProviderMockServer}: what the providers received, and scripted answers. */
public final class ProviderMockClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderMockClient() {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue(ProviderMocksResource.URL_PROPERTY, String.class);
    }

    /** Every request the providers received so far. */
    public static List<ProviderMockServer.Recorded> requests() {
        String body = given().baseUri(url()).get("/_mock/requests").then().statusCode(200).extract().asString();
        try {
            List<ProviderMockServer.Recorded> requests = new ArrayList<>();
            for (JsonNode node : JSON.readTree(body)) {
                requests.add(JSON.treeToValue(node, ProviderMockServer.Recorded.class));
            }
            return requests;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The requests addressed to one recipient, in the order they came. */
    public static List<ProviderMockServer.Recorded> requestsTo(String recipient) {
        return requests().stream().filter(r -> recipient.equals(r.recipient())).toList();
    }

    /** The next answers for one recipient, before the normal success resumes. */
    public static void script(String recipient, ProviderMockServer.Scripted... answers) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ProviderMockServer.Scripted answer : answers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", answer.status());
            entry.put("body", answer.body());
            entry.put("headers", answer.headers());
            list.add(entry);
        }
        given().baseUri(url()).contentType("application/json").body(Map.of("recipient", recipient, "answers", list))
                .post("/_mock/script").then().statusCode(204);
    }
}
