package org.aduan.routing.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.routing.Keycloak;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "routing"), @ResourceArg(name = "keycloak", value = "true") })
class PreviewResourceTest {

    @Test
    void previewOfThePotholeInCicendoNamesTheCityAndItsEvidence() {
        given().contentType("application/json")
                .body("{\"text\":\"Jalan berlubang di depan SDN 3 Cicendo, Kota Bandung\"}")
                .post("/api/v1/routing/preview")
                .then().statusCode(200)
                .body("agencyId", equalTo("pemda-32.73"))
                .body("regionCode", equalTo("32.73.06"))
                .body("category", equalTo("infrastruktur"))
                .body("triage", equalTo(false))
                .body("reasons.find { it.contains('Cicendo') }", containsString("district 32.73.06"))
                .body("reasons.find { it.contains('Kota Bandung') }", containsString("city 32.73"))
                .body("reasons.find { it.startsWith('category') }", containsString("+3"));
    }

    @Test
    void passportAndMigrantWorkerAbroadGoToImmigrationAndTheEmbassy() {
        given().contentType("application/json").body("{\"text\":\"paspor saya belum jadi sudah 2 bulan\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).body("agencyId", equalTo("imigrasi"))
                .body("category", equalTo("imigrasi"));
        given().contentType("application/json").body("{\"text\":\"saya TKI di Johor majikan tidak bayar gaji\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).body("agencyId", equalTo("perwakilan-my"))
                .body("category", equalTo("perlindungan-wni"));
    }

    @Test
    void ambiguousVillageIsNotGuessedButSentToTriageSayingWhy() {
        given().contentType("application/json").body("{\"text\":\"Jalan di Desa Sukamaju rusak parah\"}")
                .post("/api/v1/routing/preview").then().statusCode(200)
                .body("triage", equalTo(true))
                .body("reasons.find { it.contains('Sukamaju') }", containsString("could be"));
        given().contentType("application/json")
                .body("{\"text\":\"Jalan di Desa Sukamaju rusak parah\",\"location\":\"Kec. Cibadak, Kab. Sukabumi\"}")
                .post("/api/v1/routing/preview").then().statusCode(200)
                .body("triage", equalTo(false))
                .body("agencyId", equalTo("pemda-32.02"));
    }

    @Test
    void structuredRegionCodeWinsAndPreviewStoresNothing() {
        given().contentType("application/json")
                .body("{\"text\":\"sampah menumpuk di Kota Bandung\",\"regionCode\":\"33.74\"}")
                .post("/api/v1/routing/preview").then().statusCode(200)
                .body("agencyId", equalTo("pemda-33.74"))
                .body("reasons", hasItem("region: structured region code 33.74 = Kota Semarang (city 33.74)"));
        Keycloak.asOperator().get("/api/v1/routing/triage?size=500").then().statusCode(200);
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        given().contentType("application/json")
                .body("{\"text\":\" \",\"regionCode\":\"Bandung\",\"language\":\"fr\",\"entryAgency\":\"nope\","
                        + "\"category\":\"jalan\"}")
                .post("/api/v1/routing/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aduan.org/problems/validation"))
                .body("errors.field", hasItems("text", "regionCode", "language", "entryAgency", "category"));
        given().contentType("application/json").body("{\"text\": \"unterminated")
                .post("/api/v1/routing/preview").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"text\": 42}")
                .post("/api/v1/routing/preview").then().statusCode(200);
        given().contentType("text/plain").body("jalan rusak")
                .post("/api/v1/routing/preview").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"text\":\"" + "a".repeat(20_001) + "\"}")
                .post("/api/v1/routing/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
    }
}
