package org.aduan.routing.decision;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.events.Location;

/**
 * The walking skeleton's routing rules: the local government of the complaint's region acts. They are
 * a table rather than code so that the gazetteer, the classifier and the operators' own rules can
 * later replace or extend the rows without touching how a decision is taken and recorded.
 */
@ApplicationScoped
public class RoutingRules {

    /**
     * One row: a region code at {@code level} goes to the local government ({@code pemda-<code>}) of
     * its enclosing region at {@code actingLevel}.
     *
     * @param reason format with the complaint's region code and the acting region's code
     */
    record RegionRule(String ruleId, RegionLevel level, RegionLevel actingLevel, double confidence, String reason) {
    }

    static final String NO_REGION = "no-region";
    static final String UNKNOWN_REGION = "unknown-region";

    /** Regencies and cities run local services; a province-only complaint is the province's to forward. */
    static final List<RegionRule> REGION_RULES = List.of(
            new RegionRule("region-regency", RegionLevel.VILLAGE, RegionLevel.REGENCY, 1.0,
                    "region code %s is a village of regency/city %s"),
            new RegionRule("region-regency", RegionLevel.DISTRICT, RegionLevel.REGENCY, 1.0,
                    "region code %s is a district of regency/city %s"),
            new RegionRule("region-regency", RegionLevel.REGENCY, RegionLevel.REGENCY, 1.0,
                    "region code %s names a regency/city"),
            // Lower confidence: the province may well have to hand it to one of its regencies.
            new RegionRule("region-province", RegionLevel.PROVINCE, RegionLevel.PROVINCE, 0.7,
                    "region code %s names only a province"));

    private final List<RegionRule> regionRules;

    public RoutingRules() {
        this(REGION_RULES);
    }

    RoutingRules(List<RegionRule> regionRules) {
        this.regionRules = List.copyOf(regionRules);
    }

    /** Decides where a complaint about {@code location} goes; never fails, the fallback is triage. */
    public RoutingVerdict decide(Location location) {
        Optional<String> code = location.regionCode().map(String::strip).filter(c -> !c.isEmpty());
        if (code.isEmpty()) {
            return RoutingVerdict.triage(NO_REGION, "no region code given");
        }
        Optional<RegionLevel> level = RegionLevel.of(code.get());
        // The unreadable code itself is not echoed: it came from the citizen and may be any text.
        return level.flatMap(l -> regionRules.stream().filter(rule -> rule.level() == l).findFirst())
                .map(rule -> {
                    String acting = rule.actingLevel().enclosing(code.get());
                    return RoutingVerdict.routed("pemda-" + acting, rule.ruleId(),
                            rule.reason().formatted(code.get(), acting), rule.confidence());
                })
                .orElseGet(() -> RoutingVerdict.triage(UNKNOWN_REGION, "region code is not a Kemendagri code"));
    }
}
