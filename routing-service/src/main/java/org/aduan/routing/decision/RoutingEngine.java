package org.aduan.routing.decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.aduan.routing.classify.CategoryClassifier;
import org.aduan.routing.classify.CategoryFinding;
import org.aduan.routing.classify.Lexicon;
import org.aduan.routing.classify.TermMatch;
import org.aduan.routing.directory.AgencyInfo;
import org.aduan.routing.directory.AgencyLevel;
import org.aduan.routing.directory.AgencyLookup;
import org.aduan.routing.gazetteer.AbroadFinding;
import org.aduan.routing.gazetteer.Countries;
import org.aduan.routing.gazetteer.Gazetteer;
import org.aduan.routing.gazetteer.Region;
import org.aduan.routing.gazetteer.RegionFinding;
import org.aduan.routing.gazetteer.RegionLevel;
import org.aduan.routing.decision.RuleTable.Facts;
import org.aduan.routing.decision.RuleTable.Rule;

/**
 * Decides who must act on a complaint: reads the region (gazetteer), the category (lexicon), an
 * enterprise named, whether the citizen is abroad, then applies the first matching rule of the
 * {@link RuleTable}. Pure and thread-safe: the same request always gives the same proposal, and nothing
 * is stored (the preview API and the evaluation use it as it is).
 *
 * <p>Confidence: for a national or enterprise rule, the share of the category evidence that points at
 * that agency; for a local rule, the lower of the region's confidence and the share of evidence that
 * points at local matters. Below the table's threshold the proposal is triage, with the agency it
 * would have been and why it was not sure. Evidence that is structurally thin — a national agency chosen
 * on weak terms only, another agency with nearly as much evidence, a region resting on one short or
 * common word or on a name a province shares with its capital — holds the confidence below the
 * threshold, and a {@code caution:} reason says which.
 */
public final class RoutingEngine {

    /** An enterprise needs at least this much evidence to take a complaint on its own. */
    static final double ENTERPRISE_MIN_WEIGHT = 3.0;
    /** A local matter with a region but no category evidence at all ("tolong ditindaklanjuti, Kec. X"). */
    static final double NO_EVIDENCE_LOCAL = 0.55;
    /** The confidence of a decision whose evidence is structurally thin: below the threshold, so triage. */
    static final double THIN = 0.45;
    /** A term of this weight names its category on its own (the lexicon's "decisive"). */
    static final double DECISIVE_WEIGHT = 3.0;
    /** Another agency with at least this share of the chosen one's evidence contests it. */
    static final double CONTESTED_SHARE = 0.6;

    private final Gazetteer gazetteer;
    private final Countries countries;
    private final CategoryClassifier classifier;
    private final Lexicon enterprises;
    private final RuleTable rules;
    private final AgencyLookup agencies;

    public RoutingEngine(Gazetteer gazetteer, Countries countries, CategoryClassifier classifier, Lexicon enterprises,
            RuleTable rules, AgencyLookup agencies) {
        this.gazetteer = gazetteer;
        this.countries = countries;
        this.classifier = classifier;
        this.enterprises = enterprises;
        this.rules = rules;
        this.agencies = agencies;
    }

    public RoutingProposal decide(RoutingRequest request) {
        return decide(request, Set.of());
    }

    /**
     * Decides, never choosing an agency in {@code excluded} (agencies that already declined): if the
     * rule's choice is excluded, the next alternative that is not takes it.
     */
    public RoutingProposal decide(RoutingRequest request, Set<String> excluded) {
        List<String> reasons = new ArrayList<>();
        String text = request.text();

        // Abroad first: a place in Indonesia that shares a foreign name ("Johor") is then not where it happens.
        // The location field says where, unless it clearly names a place in Indonesia ("Kec. Medan Johor";
        // not the village "Kong" in "Hong Kong").
        String location = request.location().orElse("");
        boolean locationInIndonesia = !location.isBlank() && gazetteer.find(location).confidence() >= 0.8;
        Optional<AbroadFinding> abroad = countries.find(locationInIndonesia ? "" : location, text);
        abroad.ifPresent(a -> reasons.add("abroad: " + a.evidence()));
        // Region: a structured code wins; else the location field, then the text.
        RegionFinding region = structuredRegion(request, reasons).orElseGet(() -> abroad.isPresent()
                ? RegionFinding.none(List.of(), Optional.empty())
                : gazetteer.find(request.location().orElse(""), text));
        if (request.regionCode().isEmpty() || region.region().isEmpty()) {
            region.evidence().forEach(e -> reasons.add("region: " + e));
        }

        // Category, and an enterprise named by its service.
        // Place and street names are not evidence of a category ("Tanah Miring", "Jl. Pasar Baru").
        RegionFinding places = region.spans().isEmpty() && request.regionCode().isPresent()
                ? gazetteer.find(request.location().orElse(""), text) : region;
        CategoryFinding category = classifier.classify(mask(text, places, 1) + " "
                + mask(request.location().orElse(""), places, 0), request.chosenCategory(), request.language());
        Optional<Map.Entry<String, Double>> enterprise = enterprise(text, reasons);
        if (!category.matches().isEmpty()) {
            reasons.add("category " + category.category() + ": " + describe(category.matches()));
            category.notes().forEach(n -> reasons.add("category rule: " + n));
        } else {
            reasons.add("category: no term of the lexicon found, read as lainnya");
        }
        request.chosenCategory().ifPresent(c -> reasons.add("category chosen by the citizen: " + c));

        Optional<AgencyInfo> entry = request.entryAgency().flatMap(agencies::active);
        boolean entryLocal = entry.map(a -> a.level() == AgencyLevel.REGENCY || a.level() == AgencyLevel.PROVINCE)
                .orElse(false);
        String effectiveCategory = abroad.isPresent() ? abroadCategory(category)
                : enterprise.map(e -> enterpriseCategory(e.getKey())).orElse(category.category());
        // a place that could be several is no region: the entry door, if any, decides (rules.json)
        Facts facts = new Facts(abroad.isPresent(), enterprise.isPresent(), effectiveCategory,
                region.resolved() || !entryLocal && region.region().isPresent(), entryLocal);
        Rule rule = rules.first(facts);

        Choice choice = choose(rule, facts, region, abroad, enterprise, category, entry);
        reasons.add("rule " + rule.id() + ": " + rule.description());
        choice.caveats().forEach(c -> reasons.add("caution: " + c));
        List<String> candidates = new ArrayList<>();
        choice.agency().ifPresent(candidates::add);
        candidates.addAll(alternatives(choice, region, category, effectiveCategory));
        List<String> open = candidates.stream().distinct().filter(id -> !excluded.contains(id))
                .filter(id -> agencies.active(id).isPresent()).toList();
        Optional<String> regionCode = region.region().map(Region::code);
        double confidence = choice.confidence();
        Optional<String> agency = choice.agency();
        String ruleId = rule.id();
        if (agency.isPresent() && excluded.contains(agency.get())) {
            reasons.add(agency.get() + " already declined this complaint");
            agency = open.stream().findFirst();
            agency.ifPresent(a -> reasons.add("next in line: " + a));
            confidence = Math.min(confidence, 0.8);
            ruleId = "transfer-next";
        }
        List<String> alternatives = open.stream().filter(id -> !id.equals(choice.agency().orElse(""))).toList();
        if (agency.isEmpty()) {
            region.ambiguity().ifPresent(a -> reasons.add("not routed: " + a));
            return new RoutingProposal(Outcome.TRIAGE, Optional.empty(), ruleId, reasons, 0.0, effectiveCategory,
                    regionCode, alternatives, Optional.empty());
        }
        reasons.add("agency: " + describeAgency(agency.get()) + ", confidence " + round(confidence));
        request.entryAgency().filter(e -> !e.equals(choice.agency().orElse("")))
                .ifPresent(e -> reasons.add("entry agency " + e + " (the door the citizen used) is told that "
                        + choice.agency().orElse("") + " acts"));
        if (confidence < rules.threshold()) {
            reasons.add("not sure enough (confidence " + round(confidence) + " < " + rules.threshold()
                    + "): an operator decides");
            return new RoutingProposal(Outcome.TRIAGE, Optional.empty(), ruleId, reasons, confidence,
                    effectiveCategory, regionCode, open, agency);
        }
        return new RoutingProposal(Outcome.ROUTED, agency, ruleId, reasons, confidence, effectiveCategory, regionCode,
                alternatives, Optional.empty());
    }

    /**
     * The rule's choice and how sure the evidence is; {@code caveats} say, in one sentence each, why the
     * confidence was held below the threshold (they become reasons).
     */
    private record Choice(Optional<String> agency, double confidence, List<String> caveats) {

        Choice(Optional<String> agency, double confidence) {
            this(agency, confidence, List.of());
        }

        Choice capped(Optional<String> caveat) {
            if (caveat.isEmpty()) {
                return this;
            }
            List<String> all = new ArrayList<>(caveats);
            all.add(caveat.get());
            return new Choice(agency, Math.min(confidence, THIN), all);
        }
    }

    private Choice choose(Rule rule, Facts facts, RegionFinding region, Optional<AbroadFinding> abroad,
            Optional<Map.Entry<String, Double>> enterprise, CategoryFinding category, Optional<AgencyInfo> entry) {
        String then = rule.then();
        if (then.equals("embassy")) {
            AbroadFinding a = abroad.orElseThrow();
            double confidence = category.total() == 0 ? 0.7 : 0.9;
            return new Choice(Optional.of("perwakilan-" + a.countryCode()), confidence);
        }
        if (then.equals("enterprise")) {
            var e = enterprise.orElseThrow();
            double share = (e.getValue() + category.score(enterpriseCategory(e.getKey())))
                    / (category.total() + e.getValue() + 1.0);
            return new Choice(Optional.of(e.getKey()), Math.max(0.6, Math.min(0.95, 0.4 + share)));
        }
        if (then.startsWith("agency:")) {
            String id = then.substring("agency:".length());
            return new Choice(Optional.of(id), margin(category, facts.category()))
                    .capped(thinNationalEvidence(category, facts.category(), id))
                    .capped(contested(category, facts.category()));
        }
        if (then.equals("local-government")) {
            Region r = region.region().orElseThrow();
            Optional<String> government = localGovernment(r);
            Optional<String> door = entry.filter(e -> e.level() == AgencyLevel.REGENCY && e.autonomous())
                    .filter(e -> e.regionCode().map(code -> r.level() == RegionLevel.PROVINCE && code.startsWith(r.code() + "."))
                            .orElse(false))
                    .map(AgencyInfo::id);
            List<String> notes = new ArrayList<>();
            if (door.isPresent() && government.filter(g -> g.equals("pemda-" + r.code())).isPresent()) {
                // "lampu merah Gorontalo" through the city's own app: the city, not the whole province
                notes.add("the door the citizen used, " + door.get() + ", lies in " + r.name()
                        + ": its government, the more specific one, acts");
                government = door;
            }
            double regionConfidence = door.isPresent() && !notes.isEmpty() ? Math.max(region.confidence(), 0.8)
                    : region.confidence();
            Choice local = new Choice(government, Math.min(regionConfidence, margin(category, facts.category())), notes);
            if (notes.isEmpty()) {
                local = local.capped(region.weakness());
            }
            return local.capped(contested(category, facts.category()));
        }
        if (then.equals("entry-agency")) {
            return new Choice(entry.map(AgencyInfo::id), Math.min(0.6, margin(category, facts.category())));
        }
        return new Choice(Optional.empty(), 0.0);
    }

    /**
     * How sure the category evidence is about who acts: categories that lead to the same agency pool
     * their scores (all local categories lead to the local government); the confidence grows with the
     * margin between the chosen agency's pool and the strongest other one. An overriding category rule
     * (corruption, health insurance) decided already, so it keeps the classifier's confidence.
     */
    private double margin(CategoryFinding category, String chosen) {
        if (category.total() == 0) {
            return NO_EVIDENCE_LOCAL;
        }
        if (!category.notes().isEmpty() && category.notes().stream().anyMatch(n -> n.startsWith(chosen + " wins"))) {
            return Math.max(0.75, category.confidence());
        }
        Map<String, Double> pools = new LinkedHashMap<>();
        category.scores().forEach((code, score) -> pools.merge(actor(code), score, Double::sum));
        double mine = pools.getOrDefault(actor(chosen), 0.0);
        double other = pools.entrySet().stream().filter(e -> !e.getKey().equals(actor(chosen)))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        return Math.min(0.95, 0.5 + 0.5 * (mine - other) / (mine + other + 1.0));
    }

    /**
     * A national agency chosen on hints alone: no term that names its category on its own ("paspor",
     * "PLN", "BPJS"), only weaker words that also occur in other complaints ("klaim", "tegangan").
     */
    private Optional<String> thinNationalEvidence(CategoryFinding category, String chosen, String agency) {
        if (category.total() == 0 || category.overrides(chosen)) {
            return Optional.empty();
        }
        List<TermMatch> own = category.matches().stream().filter(m -> m.term().category().equals(chosen)).toList();
        if (own.isEmpty()) {
            return Optional.empty(); // the citizen's own choice
        }
        if (own.stream().noneMatch(m -> m.term().weight() >= DECISIVE_WEIGHT)) {
            return Optional.of("only weak terms point at " + agency + " (" + describe(own)
                    + "), none that names " + chosen + " on its own");
        }
        if (category.score(chosen) < DECISIVE_WEIGHT) {
            // a category rule discounted it: corruption with no one who holds an office named
            return Optional.of(chosen + " counts " + round(category.score(chosen)) + " after its category rule: too"
                    + " little to send the complaint to " + agency);
        }
        return Optional.empty();
    }

    /**
     * Categories that lead to different agencies, with nearly as much evidence for another agency as for
     * the chosen one (at least {@link #CONTESTED_SHARE} of it): a coin toss is not a decision ("KITAS"
     * and "BPJS", "hospital" and "BPJS"). A category rule that overrides ("pasien BPJS") settles it.
     */
    private Optional<String> contested(CategoryFinding category, String chosen) {
        if (category.total() == 0 || category.overrides(chosen)) {
            return Optional.empty();
        }
        Map<String, Double> pools = new LinkedHashMap<>();
        category.scores().forEach((code, score) -> pools.merge(actor(code), score, Double::sum));
        String mine = actor(chosen);
        double own = pools.getOrDefault(mine, 0.0);
        return pools.entrySet().stream().filter(e -> !e.getKey().equals(mine)).filter(e -> e.getValue() >= CONTESTED_SHARE * own)
                .max(Map.Entry.comparingByValue())
                .map(e -> (e.getValue() >= own ? "as much" : "nearly as much") + " category evidence points at "
                        + actorName(e.getKey()) + " (" + round(e.getValue()) + ") as at " + actorName(mine) + " ("
                        + round(own) + ")");
    }

    private static String actorName(String actor) {
        return actor.equals("local") ? "the local government" : actor;
    }

    /** Who acts on a category: its national agency, or "local". */
    private String actor(String category) {
        return rules.nationalAgency(category).orElse("local");
    }

    /** The government that acts for a region: its regency/city, or the province; an administrative city's parent. */
    Optional<String> localGovernment(Region region) {
        List<Region> chain = gazetteer.chain(region);
        for (Region r : chain) {
            if (r.level() != RegionLevel.REGENCY && r.level() != RegionLevel.PROVINCE) {
                continue;
            }
            Optional<AgencyInfo> government = agencies.active("pemda-" + r.code());
            if (government.isEmpty()) {
                continue;
            }
            if (!government.get().autonomous()) {
                Optional<String> parent = government.get().parentId().filter(p -> agencies.active(p).isPresent());
                if (parent.isPresent()) {
                    return parent;
                }
                continue;
            }
            return government.map(AgencyInfo::id);
        }
        return Optional.empty();
    }

    /** Who is next if the chosen agency declines. */
    private List<String> alternatives(Choice choice, RegionFinding region, CategoryFinding category, String effective) {
        Set<String> next = new LinkedHashSet<>();
        // a national matter declined: maybe it is local after all, and the other way round
        Optional<String> local = region.region().flatMap(this::localGovernment);
        for (String code : category.scores().keySet()) {
            if (code.equals(effective)) {
                continue;
            }
            Optional<String> national = rules.nationalAgency(code);
            national.ifPresent(next::add);
            if (national.isEmpty()) {
                local.ifPresent(next::add);
            }
        }
        local.ifPresent(next::add);
        // then up the chain (regency → province), then the national bodies that handle the category
        choice.agency().flatMap(agencies::active).flatMap(AgencyInfo::parentId)
                .filter(p -> !p.equals(org.aduan.routing.directory.AgencySeed.COORDINATOR)).ifPresent(next::add);
        local.flatMap(agencies::active).flatMap(AgencyInfo::parentId)
                .filter(p -> !p.equals(org.aduan.routing.directory.AgencySeed.COORDINATOR)).ifPresent(next::add);
        agencies.nationalHandling(effective).forEach(a -> next.add(a.id()));
        return new ArrayList<>(next);
    }

    private Optional<RegionFinding> structuredRegion(RoutingRequest request, List<String> reasons) {
        if (request.regionCode().isEmpty()) {
            return Optional.empty();
        }
        String code = request.regionCode().get();
        Optional<Region> region = gazetteer.byCode(code);
        if (region.isEmpty()) {
            reasons.add("region: the structured region code is not a Kemendagri code; reading the text instead");
            return Optional.empty();
        }
        reasons.add("region: structured region code " + code + " = " + region.get().describe());
        return Optional.of(new RegionFinding(region, 1.0, List.of(), Optional.empty()));
    }

    private Optional<Map.Entry<String, Double>> enterprise(String text, List<String> reasons) {
        List<TermMatch> matches = enterprises.find(text);
        Map<String, Double> weights = new LinkedHashMap<>();
        matches.forEach(m -> weights.merge(m.term().label(), m.term().weight(), Double::sum));
        Optional<Map.Entry<String, Double>> best = weights.entrySet().stream()
                .filter(e -> e.getValue() >= ENTERPRISE_MIN_WEIGHT)
                .max(Map.Entry.comparingByValue());
        best.ifPresent(e -> reasons.add("enterprise " + e.getKey() + ": " + describe(matches.stream()
                .filter(m -> m.term().label().equals(e.getKey())).toList())));
        return best.map(e -> Map.entry(e.getKey(), e.getValue()));
    }

    private String enterpriseCategory(String agencyId) {
        return agencies.find(agencyId).map(AgencyInfo::categories).filter(c -> !c.isEmpty()).map(c -> c.get(0))
                .orElse("lainnya");
    }

    /** Abroad: a passport or visa matter stays imigrasi; everything else is protection of citizens. */
    private static String abroadCategory(CategoryFinding category) {
        return category.score("imigrasi") > category.score("perlindungan-wni") ? "imigrasi" : "perlindungan-wni";
    }

    private String describeAgency(String id) {
        return agencies.find(id).map(a -> a.nameEn() + " (" + id + ")").orElse(id);
    }

    private static String describe(Collection<TermMatch> matches) {
        return matches.stream().map(TermMatch::describe).collect(Collectors.joining(", "));
    }

    private static String mask(String text, RegionFinding places, int textIndex) {
        char[] chars = text.toCharArray();
        for (Gazetteer.Span span : places.spans()) {
            if (span.text() == textIndex) {
                java.util.Arrays.fill(chars, span.start(), Math.min(span.end(), chars.length), ' ');
            }
        }
        return new String(chars);
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
