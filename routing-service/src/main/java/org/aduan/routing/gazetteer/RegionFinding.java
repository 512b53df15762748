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
 * @param weakness   when the region rests on thin evidence (one short or common word, a name a province
 *                   shares with a city in it), a sentence that says so: a local decision on it is not sure
 */
public record RegionFinding(Optional<Region> region, double confidence, List<String> evidence,
        Optional<String> ambiguity, List<Gazetteer.Span> spans, Optional<String> weakness) {

    public RegionFinding(Optional<Region> region, double confidence, List<String> evidence, Optional<String> ambiguity) {
        this(region, confidence, evidence, ambiguity, List.of(), Optional.empty());
    }

    public static RegionFinding none(List<String> evidence, Optional<String> ambiguity) {
        return new RegionFinding(Optional.empty(), 0.0, evidence, ambiguity);
    }

    /** The same finding, with where place and street names were read (so the classifier can skip them). */
    public RegionFinding withSpans(List<Gazetteer.Span> found) {
        return new RegionFinding(region, confidence, evidence, ambiguity, List.copyOf(found), weakness);
    }

    /** The same finding, marked as resting on thin evidence. */
    RegionFinding weak(String why) {
        return new RegionFinding(region, confidence, evidence, ambiguity, spans, Optional.of(why));
    }

    /** A region that is known, not only what several candidates share. */
    public boolean resolved() {
        return region.isPresent() && !(ambiguity.isPresent() && confidence < 0.5);
    }
}
