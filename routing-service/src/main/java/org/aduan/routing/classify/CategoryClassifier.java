package org.aduan.routing.classify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.aduan.events.Category;

/**
 * Picks a complaint's category by adding up the weights of the lexicon terms found in it: explainable
 * (every point comes from a named term) and editable (the lexicon is a data file). The citizen's own
 * choice of category counts as strong evidence, not as the answer.
 */
public final class CategoryClassifier {

    /** Weight of the category the citizen chose in the form. */
    static final double CHOSEN_WEIGHT = 3.0;
    /** Evidence needed before the confidence can approach 1. */
    static final double PRIOR = 1.5;

    private final Lexicon lexicon;
    private final List<CategoryRule> rules;

    /**
     * A rule of {@code routing/category-rules.tsv}.
     *
     * @param needs         terms of which one must be present for the category to count fully
     * @param factorWithout multiplier when none is present
     * @param overridesAt   score at which the category wins whatever else the text says (0: never)
     */
    public record CategoryRule(String category, Lexicon needs, double factorWithout, double overridesAt) {
    }

    public CategoryClassifier(Lexicon lexicon) {
        this(lexicon, List.of());
    }

    public CategoryClassifier(Lexicon lexicon, List<CategoryRule> rules) {
        this.lexicon = lexicon;
        this.rules = List.copyOf(rules);
    }

    /** Reads {@code routing/category-rules.tsv}. */
    public static List<CategoryRule> rules(org.aduan.routing.text.TextAnalysis analysis, String resource) {
        return org.aduan.routing.text.DataFiles.rows(resource, "\t").stream()
                .map(row -> new CategoryRule(row.get("category"), Lexicon.terms(analysis, row.get("category"),
                        java.util.Arrays.stream(row.get("needs").split(",")).map(String::strip).filter(w -> !w.isEmpty())
                                .toList()),
                        Double.parseDouble(row.get("factor_without")), Double.parseDouble(row.get("overrides_at"))))
                .toList();
    }

    public CategoryFinding classify(String text, Optional<String> chosen) {
        return classify(text, chosen, "id");
    }

    /**
     * @param language the citizen's language: in English text a short Indonesian term written in lower
     *                 case is an English word ("got" is a gutter in Indonesian, a verb in English); in
     *                 capitals it is still an abbreviation ("KTP", "RS")
     */
    public CategoryFinding classify(String text, Optional<String> chosen, String language) {
        List<TermMatch> matches = lexicon.find(text).stream()
                .filter(m -> !("en".equals(language) && "id".equals(m.term().language()) && m.surface().length() <= 3
                        && m.surface().equals(m.surface().toLowerCase(java.util.Locale.ROOT))))
                .toList();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (TermMatch match : matches) {
            scores.merge(match.term().category(), match.term().weight(), Double::sum);
        }
        chosen.filter(code -> Category.ofCode(code).isPresent())
                .ifPresent(code -> scores.merge(code, CHOSEN_WEIGHT, Double::sum));
        List<String> notes = new java.util.ArrayList<>();
        Optional<String> overriding = Optional.empty();
        for (CategoryRule rule : rules) {
            Double score = scores.get(rule.category());
            if (score == null) {
                continue;
            }
            // a decisive term ("pungli", "suap") names the office by itself
            boolean decisive = matches.stream().anyMatch(m -> m.term().category().equals(rule.category())
                    && rule.overridesAt() > 0 && m.term().weight() >= rule.overridesAt());
            if (!decisive && rule.needs().size() > 0 && rule.needs().find(text).isEmpty()) {
                scores.put(rule.category(), score * rule.factorWithout());
                notes.add(rule.category() + " ×" + rule.factorWithout() + ": no one who holds an office is named");
            } else if (rule.overridesAt() > 0 && score >= rule.overridesAt() && overriding.isEmpty()) {
                overriding = Optional.of(rule.category());
                notes.add(rule.category() + " wins (score " + score + " ≥ " + rule.overridesAt()
                        + "): whatever the service, the complaint is about " + rule.category());
            }
        }
        Comparator<Map.Entry<String, Double>> order = Map.Entry.<String, Double>comparingByValue().reversed();
        if (overriding.isPresent()) {
            String first = overriding.get();
            order = Comparator.<Map.Entry<String, Double>, Boolean>comparing(e -> !e.getKey().equals(first))
                    .thenComparing(order);
        }
        Map<String, Double> sorted = scores.entrySet().stream().sorted(order)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (sorted.isEmpty()) {
            return new CategoryFinding(Category.LAINNYA.code, 0.0, sorted, matches, notes);
        }
        var top = sorted.entrySet().iterator().next();
        double total = sorted.values().stream().mapToDouble(Double::doubleValue).sum();
        double confidence = overriding.isPresent() ? Math.max(0.75, top.getValue() / (total + PRIOR))
                : top.getValue() / (total + PRIOR);
        return new CategoryFinding(top.getKey(), confidence, sorted, matches, notes);
    }
}
