package org.aduan.routing.gazetteer;

import java.util.List;
import java.util.Optional;

/**
 * Where a complaint happened, as far as the gazetteer can tell, and how it knows.
 *
 * @param region     the most specific region found; empty when none, or when the names found could be
 *                   several places and nothing decides between them
 * @param confidence 0..1; 0 without a region
 * @param evidence   the words that named a place and what they were read as, for the decision's reasons
 * @param ambiguity  when the text names a place that could be several, a sentence that says so
 * @param spans      where place and street names were read in the texts
 */
public record RegionFinding(Optional<Region> region, double confidence, List<String> evidence,
        Optional<String> ambiguity, List<Gazetteer.Span> spans) {

    public RegionFinding(Optional<Region> region, double confidence, List<String> evidence, Optional<String> ambiguity) {
        this(region, confidence, evidence, ambiguity, List.of());
    }

    public static RegionFinding none(List<String> evidence, Optional<String> ambiguity) {
        return new RegionFinding(Optional.empty(), 0.0, evidence, ambiguity);
    }

    /** The same finding, with where place and street names were read (so the classifier can skip them). */
    public RegionFinding withSpans(List<Gazetteer.Span> found) {
        return new RegionFinding(region, confidence, evidence, ambiguity, List.copyOf(found));
    }
}
