package org.aduan.stats.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.aduan.devstack.DevstackTestResource;
import org.aduan.stats.StatsDatabase;
import org.aduan.stats.World;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public dashboard in a real browser (headless Chromium, the Debian package): it needs no login,
 * shows the API's numbers, speaks Indonesian and English, and draws its charts.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> CHARTS = List.of("trend", "categories", "funnel", "provinces", "agencies",
            "channels", "ratings", "transfers");
    private static World world;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void browserAndWorld() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed (/usr/bin/chromium; apt-get install -y chromium)");
        if (world == null) {
            world = World.load(new StatsDatabase(dataSource));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api("summary", "").get("total.count"),
                equalTo(world.complaints.size()));
    }

    @Test
    void dashboardShowsTheApisNumbersWithoutALogin() throws Exception {
        String dom = browse("--dump-dom", "?lang=en");
        assertThat(dom).contains("data-ready=\"true\"", "<html lang=\"en\"", "Open Complaint Statistics");

        JsonPath summary = api("summary", "");
        assertThat(stat(dom, "total")).isEqualTo(summary.getString("total.count"));
        JsonPath funnel = api("funnel", "");
        assertThat(stat(dom, "responded")).isEqualTo(funnelValue(funnel, "RESPONDED"));
        assertThat(stat(dom, "closed")).isEqualTo(funnelValue(funnel, "CLOSED"));
        assertThat(stat(dom, "slaCompliance")).isEqualTo(numberOrNull(api("response-times", ""),
                "slaCompliancePercent.value"));

        Map<String, String> tiles = rows(dom, "province");
        assertThat(tiles).hasSize(38);
        assertThat(tiles).containsEntry("75", "suppressed");
        assertThat(dom).containsPattern("data-row=\"province\" data-key=\"75\" data-suppressed=\"true\"[^>]*><strong>&lt;10</strong>");
        assertSameRows(tiles, summary, "byProvince");
        assertSameRows(rows(dom, "category"), summary, "byCategory");
        assertSameRows(rows(dom, "channel"), summary, "byChannel");
        assertSameRows(rows(dom, "rating"), api("counts/rating", ""), "rows");

        Map<String, String> agencies = rows(dom, "agency");
        assertThat(agencies).isNotEmpty();
        for (Map<String, Object> card : api("agencies", "").<Map<String, Object>>getList("agencies")) {
            String agency = (String) card.get("agency");
            if (agencies.containsKey(agency)) {
                assertThat(agencies.get(agency)).as(agency).isEqualTo(show((Map<String, Object>) card.get("complaints")));
            }
        }
        Map<String, String> trend = rows(dom, "trend");
        for (Map<String, Object> bucket : api("trend", "interval=month").<Map<String, Object>>getList("buckets")) {
            assertThat(trend.get((String) bucket.get("bucket"))).isEqualTo(show(bucket));
        }
        Map<String, String> stages = rows(dom, "funnel");
        for (Map<String, Object> stage : funnel.<Map<String, Object>>getList("stages")) {
            assertThat(stages.get((String) stage.get("stage")))
                    .isEqualTo(Boolean.TRUE.equals(stage.get("suppressed")) ? "suppressed" : stage.get("reached").toString());
        }
    }

    @Test
    void dashboardSpeaksIndonesianByDefault() throws Exception {
        String dom = browse("--dump-dom", "");

        assertThat(dom).contains("<html lang=\"id\"", "Statistik Pengaduan Terbuka", "Rapor instansi",
                "Pengaduan per provinsi", "sampel belum cukup");
        assertThat(dom).doesNotContain("Agency scorecards");
    }

    @Test
    void chartsAreDrawnOnTheScreenshot() throws Exception {
        Path screenshot = Path.of("target", "dashboard-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        String dom = browse("--dump-dom", "?lang=en");
        browse("--screenshot=" + screenshot, "?lang=en");

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        for (String chart : CHARTS) {
            Matcher m = Pattern.compile("data-chart=\"" + chart + "\"[^>]*data-rect=\"(\\d+),(\\d+),(\\d+),(\\d+)\"")
                    .matcher(dom);
            assertThat(m.find()).as("chart %s has a place on the page", chart).isTrue();
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            int h = Integer.parseInt(m.group(4));
            assertThat(y + h).as("chart %s within the screenshot", chart).isLessThanOrEqualTo(image.getHeight());
            assertThat(ink(image, x, y, w, h)).as("drawn pixels of chart %s", chart).isGreaterThan(300);
        }
    }

    // --- the browser -------------------------------------------------------------------------------------

    /** Runs headless Chromium on the dashboard; returns what it prints (the DOM for --dump-dom). */
    private String browse(String what, String query) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("aduan-chromium-");
        Path out = Files.createTempFile("aduan-chromium-", ".out");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=1280,2600", "--virtual-time-budget=15000", what,
                root.toString() + query));
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within 120 s");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            chromium.destroyForcibly();
            Files.deleteIfExists(out);
            deleteRecursively(profile);
        }
    }

    /** Pixels of chart ink (the green of bars and tiles, the grey of hidden counts) in a rectangle. */
    private static int ink(BufferedImage image, int x, int y, int w, int h) {
        int count = 0;
        for (int j = Math.max(0, y); j < Math.min(image.getHeight(), y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(image.getWidth(), x + w); i++) {
                int rgb = image.getRGB(i, j);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                boolean green = g - r > 15;
                boolean hidden = Math.abs(r - 0xc9) < 8 && Math.abs(g - 0xd3) < 8 && Math.abs(b - 0xda) < 8;
                if (green || hidden) {
                    count++;
                }
            }
        }
        return count;
    }

    // --- reading the page and the API ------------------------------------------------------------------

    private static final Pattern ROW = Pattern.compile("data-row=\"([^\"]+)\" data-key=\"([^\"]*)\" (data-value=\"([^\"]*)\"|data-suppressed=\"true\")");

    /** key → value ("suppressed" for hidden counts) of the page's rows of one kind. */
    private static Map<String, String> rows(String dom, String kind) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                rows.put(unescape(m.group(2)), m.group(4) == null ? "suppressed" : m.group(4));
            }
        }
        return rows;
    }

    private static String stat(String dom, String name) {
        Matcher m = Pattern.compile("data-stat=\"" + name + "\"( data-value=\"([^\"]*)\"| data-suppressed=\"true\")?")
                .matcher(dom);
        assertThat(m.find()).as("stat %s", name).isTrue();
        return m.group(1) == null ? null : m.group(2) == null ? "suppressed" : m.group(2);
    }

    private static void assertSameRows(Map<String, String> page, JsonPath api, String list) {
        assertThat(page).isNotEmpty();
        for (Map<String, Object> row : api.<Map<String, Object>>getList(list)) {
            String key = (String) row.get("key");
            if (page.containsKey(key)) {
                assertThat(page.get(key)).as("%s %s", list, key).isEqualTo(show(row));
            }
        }
    }

    private static String show(Map<String, Object> cell) {
        return Boolean.TRUE.equals(cell.get("suppressed")) ? "suppressed" : cell.get("count").toString();
    }

    private static String funnelValue(JsonPath funnel, String stage) {
        Map<String, Object> s = funnel.<Map<String, Object>>getList("stages").stream()
                .filter(x -> stage.equals(x.get("stage"))).findFirst().orElseThrow();
        return Boolean.TRUE.equals(s.get("suppressed")) ? "suppressed" : s.get("reached").toString();
    }

    private static String numberOrNull(JsonPath json, String path) {
        Object value = json.get(path);
        if (value == null) {
            return null;
        }
        double d = ((Number) value).doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static JsonPath api(String path, String query) {
        return given().accept("application/json").get("/api/v1/stats/" + path + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
