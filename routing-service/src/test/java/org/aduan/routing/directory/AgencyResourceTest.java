package org.aduan.routing.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.routing.Keycloak;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "routing"), @ResourceArg(name = "keycloak", value = "true") })
class AgencyResourceTest {

    @Test
    void directoryHoldsEveryLocalGovernmentNationalAgencyEnterpriseAndEmbassy() {
        given().get("/api/v1/agencies?level=PROVINCE&size=1").then().statusCode(200).body("total", equalTo(38));
        given().get("/api/v1/agencies?level=REGENCY&size=1").then().statusCode(200).body("total", equalTo(514));
        given().get("/api/v1/agencies?level=ENTERPRISE&size=100").then().statusCode(200)
                .body("items.id", hasItems("pln", "kai", "pertamina", "pos-indonesia", "bpjs-kesehatan",
                        "bpjs-ketenagakerjaan"));
        given().get("/api/v1/agencies?level=EMBASSY&size=500").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(40))
                .body("items.id", everyItem(startsWith("perwakilan-")))
                .body("items.parentId", everyItem(equalTo("kemlu")));
        given().get("/api/v1/agencies/pemda-32.73").then().statusCode(200)
                .body("nameId", equalTo("Pemerintah Kota Bandung"))
                .body("nameEn", equalTo("City Government of Bandung"))
                .body("parentId", equalTo("pemda-32"))
                .body("categories", hasItem("infrastruktur"));
        given().get("/api/v1/agencies/pemda-32").then().statusCode(200).body("parentId", equalTo("kemenpanrb"));
        given().get("/api/v1/agencies/pemda-31.74").then().statusCode(200).body("autonomous", equalTo(false));
        given().get("/api/v1/agencies?category=listrik").then().statusCode(200).body("items.id", hasItem("pln"));
        given().get("/api/v1/agencies?q=semarang").then().statusCode(200)
                .body("items.id", hasItems("pemda-33.22", "pemda-33.74"));
    }

    @Test
    void operatorsEditTheDirectoryAndRoutingUsesTheEditAtOnce() {
        String body = "{\"nameId\":\"Dinas Uji Coba\",\"nameEn\":\"Test Office\",\"level\":\"NATIONAL\","
                + "\"parentId\":\"kemenpanrb\",\"categories\":[\"lainnya\"]}";
        Keycloak.asOperator().contentType("application/json").body(body).put("/api/v1/agencies/uji-coba-1").then().statusCode(201)
                .body("updatedBy", equalTo("operator"));
        Keycloak.asOperator().contentType("application/json").body(body).put("/api/v1/agencies/uji-coba-1").then().statusCode(200);
        given().get("/api/v1/agencies/uji-coba-1").then().statusCode(200).body("nameEn", equalTo("Test Office"));

        // deactivate PLN's stand-in: an inactive agency is never chosen (here: a copy, so other tests keep PLN)
        Keycloak.asOperator().contentType("application/json")
                .body("{\"nameId\":\"Pemerintah Kota Uji\",\"nameEn\":\"Test City\",\"level\":\"REGENCY\","
                        + "\"regionCode\":\"32.79\",\"parentId\":\"pemda-32\",\"categories\":[\"infrastruktur\"],"
                        + "\"active\":false}")
                .put("/api/v1/agencies/pemda-32.79").then().statusCode(200).body("active", equalTo(false));
        given().contentType("application/json").body("{\"text\":\"jalan rusak\",\"regionCode\":\"32.79\"}")
                .post("/api/v1/routing/preview").then().statusCode(200).body("agencyId", equalTo("pemda-32"));
    }

    @Test
    void invalidEditsAreProblemsNamingEachField() {
        Keycloak.asOperator().contentType("application/json")
                .body("{\"nameId\":\"\",\"level\":\"KINGDOM\",\"parentId\":\"nobody\",\"categories\":[\"jalan\"]}")
                .put("/api/v1/agencies/Bad_ID").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "nameId", "nameEn", "level", "parentId", "categories"));
        Keycloak.asOperator().contentType("application/json")
                .body("{\"nameId\":\"Pemprov Jabar\",\"nameEn\":\"West Java\",\"level\":\"PROVINCE\",\"regionCode\":\"32\","
                        + "\"parentId\":\"pemda-32.73\",\"categories\":[\"lainnya\"]}")
                .put("/api/v1/agencies/pemda-32").then().statusCode(400)
                .body("errors.field", hasItem("parentId"));
        given().get("/api/v1/agencies/nobody").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/agencies?level=KINGDOM&size=0").then().statusCode(400)
                .body("errors.field", hasItems("level", "size"));
    }
}
