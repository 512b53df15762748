package org.aduan.routing.decision;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aduan.events.EventJson;
import org.aduan.routing.classify.CategoryClassifier;
import org.aduan.routing.classify.Lexicon;
import org.aduan.routing.directory.AgencyInfo;
import org.aduan.routing.directory.AgencyLookup;
import org.aduan.routing.directory.AgencySeed;
import org.aduan.routing.gazetteer.Countries;
import org.aduan.routing.gazetteer.Gazetteer;
import org.aduan.routing.text.DataFiles;
import org.aduan.routing.text.TextAnalysis;

/**
 * Everything routing knows, loaded once from its data files: gazetteer, countries, lexicons, rules and
 * the seed directory. About 1–2 s and 100 MB at start (83,762 villages).
 */
public final class RoutingKnowledge {

    public final TextAnalysis analysis;
    public final Gazetteer gazetteer;
    public final Countries countries;
    public final Lexicon categories;
    public final Lexicon enterprises;
    public final RuleTable rules;
    public final List<CategoryClassifier.CategoryRule> categoryRules;
    public final List<AgencyInfo> seedAgencies;

    public RoutingKnowledge() {
        analysis = new TextAnalysis(DataFiles.map("routing/informal-spellings.tsv"));
        gazetteer = new Gazetteer(analysis);
        countries = new Countries(analysis);
        categories = Lexicon.categories(analysis, "routing/category-lexicon.tsv");
        enterprises = Lexicon.enterprises(analysis, "routing/enterprise-terms.tsv");
        rules = RuleTable.load(EventJson.mapper(), "routing/rules.json");
        categoryRules = CategoryClassifier.rules(analysis, "routing/category-rules.tsv");
        seedAgencies = AgencySeed.load(gazetteer, countries);
    }

    /** An engine over the given directory. */
    public RoutingEngine engine(AgencyLookup agencies) {
        return new RoutingEngine(gazetteer, countries, new CategoryClassifier(categories, categoryRules), enterprises, rules, agencies);
    }

    /** An engine over the shipped directory, as if no operator had edited it. */
    public RoutingEngine seedEngine() {
        Map<String, AgencyInfo> byId = seedAgencies.stream()
                .collect(Collectors.toMap(AgencyInfo::id, Function.identity()));
        return engine(new AgencyLookup() {
            @Override
            public java.util.Optional<AgencyInfo> find(String id) {
                return java.util.Optional.ofNullable(byId.get(id));
            }

            @Override
            public java.util.Collection<AgencyInfo> all() {
                return byId.values();
            }
        });
    }
}
