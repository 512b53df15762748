package org.aduan.routing.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The routing rules as data ({@code routing/rules.json}): which facts send a complaint where. Rules are
 * tried in order and the first whose conditions all hold decides; the last one sends everything else to
 * triage.
 */
public final class RuleTable {

    /** What must hold for a rule; an absent condition always holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record When(Optional<Boolean> abroad, Optional<Boolean> enterprise, Optional<List<String>> categories,
            Optional<Boolean> region, Optional<Boolean> entryAgencyLocal) {

        public When {
            abroad = abroad == null ? Optional.empty() : abroad;
            enterprise = enterprise == null ? Optional.empty() : enterprise;
            categories = categories == null ? Optional.empty() : categories;
            region = region == null ? Optional.empty() : region;
            entryAgencyLocal = entryAgencyLocal == null ? Optional.empty() : entryAgencyLocal;
        }

        boolean holds(Facts facts) {
            return abroad.map(v -> v == facts.abroad()).orElse(true)
                    && enterprise.map(v -> v == facts.enterprise()).orElse(true)
                    && categories.map(list -> list.contains(facts.category())).orElse(true)
                    && region.map(v -> v == facts.region()).orElse(true)
                    && entryAgencyLocal.map(v -> v == facts.entryAgencyLocal()).orElse(true);
        }
    }

    /** The facts a complaint's analysis gives the rules. */
    public record Facts(boolean abroad, boolean enterprise, String category, boolean region, boolean entryAgencyLocal) {
    }

    /** One row. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String id, When when, String then, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(double threshold, List<Rule> rules) {
    }

    private final List<Rule> rules;
    private final double threshold;

    private RuleTable(List<Rule> rules, double threshold) {
        this.rules = List.copyOf(rules);
        this.threshold = threshold;
    }

    public static RuleTable load(ObjectMapper mapper, String resource) {
        try (InputStream in = RuleTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing routing rules " + resource);
            }
            File file = mapper.readValue(in, File.class);
            if (file.rules().isEmpty() || !"triage".equals(file.rules().get(file.rules().size() - 1).then())) {
                throw new IllegalStateException("the last routing rule must send everything else to triage");
            }
            return new RuleTable(file.rules(), file.threshold());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Rule first(Facts facts) {
        return rules.stream().filter(rule -> rule.when().holds(facts)).findFirst().orElseThrow();
    }

    /** Below this confidence a decision goes to triage. */
    public double threshold() {
        return threshold;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The national agency the first {@code agency:} rule for this category names, if any. */
    public Optional<String> nationalAgency(String category) {
        return rules.stream().filter(r -> r.then().startsWith("agency:"))
                .filter(r -> r.when().categories().map(c -> c.contains(category)).orElse(false)).findFirst()
                .map(r -> r.then().substring("agency:".length()));
    }

    /** Categories some rule sends to a national agency: all others are local. */
    public boolean isNational(String category) {
        return nationalAgency(category).isPresent();
    }
}
