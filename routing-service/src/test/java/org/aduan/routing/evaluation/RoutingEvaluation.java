package org.aduan.routing.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.aduan.routing.decision.RoutingEngine;
import org.aduan.routing.decision.RoutingProposal;
import org.aduan.routing.decision.RoutingRequest;
import org.aduan.routing.gazetteer.RegionLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a labelled set of complaints through the routing engine and measures it the way the issue asks:
 * region accuracy where the text names one (compared at the level routing acts on: the regency/city,
 * or the province when only that is named), category accuracy, agency accuracy (a complaint labelled
 * TRIAGE is right when it goes to triage), triage rate, and "confidently wrong" — routed to an agency
 * other than the expected one (a wrong answer should rather go to triage).
 */
public final class RoutingEvaluation {

    /** One labelled complaint. */
    public record Item(String id, String language, String text, Optional<String> location, Optional<String> regionCode,
            Optional<String> entryAgency, Optional<String> expectedRegion, String expectedCategory,
            String expectedAgency) {
    }

    /** One complaint's result. */
    public record Result(Item item, RoutingProposal proposal, boolean regionRight, boolean categoryRight,
            boolean agencyRight, boolean confidentlyWrong) {
    }

    /** The figures. */
    public record Report(String name, int items, int withRegion, int regionRight, int categoryRight, int agencyRight,
            int triaged, int confidentlyWrong, List<Result> results) {

        public double regionAccuracy() {
            return withRegion == 0 ? 1.0 : (double) regionRight / withRegion;
        }

        public double categoryAccuracy() {
            return (double) categoryRight / items;
        }

        public double agencyAccuracy() {
            return (double) agencyRight / items;
        }

        public double triageRate() {
            return (double) triaged / items;
        }

        public double confidentlyWrongRate() {
            return (double) confidentlyWrong / items;
        }

        public String summary() {
            return String.format(Locale.ROOT, "| %s | %d | %.1f%% (%d/%d) | %.1f%% | %.1f%% | %.1f%% | %.1f%% (%d) |", name,
                    items, 100 * regionAccuracy(), regionRight, withRegion, 100 * categoryAccuracy(),
                    100 * agencyAccuracy(), 100 * triageRate(), 100 * confidentlyWrongRate(), confidentlyWrong);
        }

        public static String header() {
            return "| set | complaints | region right (where named) | category right | agency right | triage rate"
                    + " | confidently wrong |\n|---|---|---|---|---|---|---|";
        }

        /** Every miss, for whoever tunes the lexicon and gazetteer. */
        public String misses() {
            StringBuilder out = new StringBuilder();
            for (Result r : results) {
                if (r.regionRight() && r.categoryRight() && r.agencyRight()) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%s%s%s%s %s%n  expected region=%s category=%s agency=%s%n"
                        + "  got      region=%s category=%s agency=%s confidence=%.2f rule=%s%n  reasons: %s%n",
                        r.confidentlyWrong() ? "!! " : "", r.regionRight() ? "" : "[region]",
                        r.categoryRight() ? "" : "[category]", r.agencyRight() ? "" : "[agency]", r.item().id(),
                        r.item().expectedRegion().orElse("-"), r.item().expectedCategory(), r.item().expectedAgency(),
                        r.proposal().regionCode().orElse("-"), r.proposal().category(),
                        r.proposal().agencyId().orElse("TRIAGE" + r.proposal().wouldRouteTo().map(w -> "(" + w + ")")
                                .orElse("")),
                        r.proposal().confidence(), r.proposal().ruleId(), String.join(" | ", r.proposal().reasons())));
                out.append("  text: ").append(r.item().text().replace('\n', ' ')).append('\n');
            }
            return out.toString();
        }

        /**
         * What another confidence threshold would give: for each, agency accuracy, triage rate and
         * confidently wrong, computed from the proposals' confidences (a routed proposal below the
         * threshold would have gone to triage).
         */
        public String thresholds() {
            StringBuilder out = new StringBuilder("| threshold | agency right | triage rate | confidently wrong |\n|---:|---:|---:|---:|\n");
            for (double t = 0.5; t <= 0.851; t += 0.05) {
                int right = 0;
                int triage = 0;
                int wrong = 0;
                for (Result r : results) {
                    boolean routed = !r.proposal().triage() && r.proposal().confidence() >= t;
                    boolean expectTriage = "TRIAGE".equals(r.item().expectedAgency());
                    if (!routed) {
                        triage++;
                        right += expectTriage ? 1 : 0;
                    } else if (r.agencyRight()) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
                out.append(String.format(Locale.ROOT, "| %.2f | %.1f%% | %.1f%% | %.1f%% |%n", t, 100.0 * right / items,
                        100.0 * triage / items, 100.0 * wrong / items));
            }
            return out.toString();
        }

        public Map<String, String> perCategory() {
            Map<String, int[]> counts = new TreeMap<>();
            for (Result r : results) {
                int[] c = counts.computeIfAbsent(r.item().expectedCategory(), k -> new int[3]);
                c[0]++;
                c[1] += r.categoryRight() ? 1 : 0;
                c[2] += r.agencyRight() ? 1 : 0;
            }
            Map<String, String> out = new TreeMap<>();
            counts.forEach((k, c) -> out.put(k, c[1] + "/" + c[0] + " category, " + c[2] + "/" + c[0] + " agency"));
            return out;
        }
    }

    private RoutingEvaluation() {
    }

    public static List<Item> load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        InputStream in = RoutingEvaluation.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing evaluation set " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                JsonNode expected = n.get("expected");
                items.add(new Item(n.get("id").asText(), text(n, "language").orElse("id"), n.get("text").asText(),
                        text(n, "location"), text(n, "regionCode"), text(n, "entryAgency"),
                        text(expected, "regionCode"), expected.get("category").asText(),
                        expected.get("agencyId").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }

    public static Report run(String name, List<Item> items, RoutingEngine engine) {
        List<Result> results = new ArrayList<>();
        int withRegion = 0;
        int regionRight = 0;
        int categoryRight = 0;
        int agencyRight = 0;
        int triaged = 0;
        int confidentlyWrong = 0;
        for (Item item : items) {
            RoutingProposal p = engine.decide(new RoutingRequest(item.text(), item.location(), item.regionCode(),
                    item.entryAgency(), Optional.empty(), item.language()));
            boolean region = item.expectedRegion().map(e -> sameRegion(e, p.regionCode())).orElse(true);
            boolean category = item.expectedCategory().equals(p.category());
            boolean agency = "TRIAGE".equals(item.expectedAgency()) ? p.triage()
                    : p.agencyId().map(item.expectedAgency()::equals).orElse(false);
            boolean wrong = !p.triage() && !agency;
            if (item.expectedRegion().isPresent()) {
                withRegion++;
                regionRight += region ? 1 : 0;
            }
            categoryRight += category ? 1 : 0;
            agencyRight += agency ? 1 : 0;
            triaged += p.triage() ? 1 : 0;
            confidentlyWrong += wrong ? 1 : 0;
            results.add(new Result(item, p, region, category, agency, wrong));
        }
        return new Report(name, items.size(), withRegion, regionRight, categoryRight, agencyRight, triaged,
                confidentlyWrong, results);
    }

    /** Right at the level routing acts on: the regency/city, or the province when only that was expected. */
    static boolean sameRegion(String expected, Optional<String> found) {
        if (found.isEmpty()) {
            return false;
        }
        RegionLevel expectedLevel = RegionLevel.of(expected).orElseThrow();
        RegionLevel level = expectedLevel.compareTo(RegionLevel.REGENCY) > 0 ? RegionLevel.REGENCY : expectedLevel;
        Optional<RegionLevel> foundLevel = RegionLevel.of(found.get());
        if (foundLevel.isEmpty() || foundLevel.get().compareTo(level) < 0) {
            return false;
        }
        return level.enclosing(found.get()).equals(level.enclosing(expected));
    }
}
