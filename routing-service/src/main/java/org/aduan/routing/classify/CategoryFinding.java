package org.aduan.routing.classify;

import java.util.List;
import java.util.Map;

/**
 * The category a complaint is about, and the evidence.
 *
 * @param category   the winning category code ({@code lainnya} when nothing matched)
 * @param confidence 0..1: the winner's share of all evidence, damped when there is little of it
 * @param scores     every category's total weight, highest first
 * @param matches    the terms that matched, for the reasons
 * @param notes      how the category rules changed the sums, for the reasons
 */
public record CategoryFinding(String category, double confidence, Map<String, Double> scores,
        List<TermMatch> matches, List<String> notes) {

    public double score(String code) {
        return scores.getOrDefault(code, 0.0);
    }

    /** A category rule made this category win whatever else the text says ("pungli", "pasien BPJS"). */
    public boolean overrides(String code) {
        return notes.stream().anyMatch(n -> n.startsWith(code + " wins"));
    }

    public double total() {
        return scores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
