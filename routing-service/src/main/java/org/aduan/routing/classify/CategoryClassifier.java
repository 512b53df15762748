package org.aduan.routing.classify;

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

    public CategoryClassifier(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public CategoryFinding classify(String text, Optional<String> chosen) {
        List<TermMatch> matches = lexicon.find(text);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (TermMatch match : matches) {
            scores.merge(match.term().category(), match.term().weight(), Double::sum);
        }
        chosen.filter(code -> Category.ofCode(code).isPresent())
                .ifPresent(code -> scores.merge(code, CHOSEN_WEIGHT, Double::sum));
        Map<String, Double> sorted = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (sorted.isEmpty()) {
            return new CategoryFinding(Category.LAINNYA.code, 0.0, sorted, matches);
        }
        var top = sorted.entrySet().iterator().next();
        double total = sorted.values().stream().mapToDouble(Double::doubleValue).sum();
        double confidence = top.getValue() / (total + PRIOR);
        return new CategoryFinding(top.getKey(), confidence, sorted, matches);
    }
}
