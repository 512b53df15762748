package org.aduan.routing.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.aduan.routing.text.DataFiles;
import org.aduan.routing.text.TextAnalysis;
import org.aduan.routing.text.Token;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Indonesia's 38 provinces, 514 regencies/cities, 7,285 districts and 83,762 villages (the wilayah data,
 * ODbL), and the reading of place names in a complaint.
 *
 * <p>A text is read word by word; at each word the longest run of words that is a region's name (or an
 * alias: "Jabar", "Jogja", "Makasar") is a <em>mention</em>. A qualifier before it ("Kab.", "Kota",
 * "Kec.", "Desa", "Kel.", "Provinsi", "Pemkot") or after it ("Regency", "City") says which level is
 * meant. Words after "Jl." are a street's name, not a place. A mention of a name many places share
 * has many candidates; the region chosen is the candidate whose chain of enclosing regions explains the
 * most mentions ("Desa Sukamaju, Kec. Cibadak, Kab. Sukabumi" leaves one Sukamaju). When several
 * unrelated candidates explain the text equally well, the finding says so and keeps only what they
 * share (often a province, or nothing) instead of guessing.
 */
public final class Gazetteer {

    /** Qualifier words and the level they announce; "kota" also says the regency is a city. */
    private static final Map<String, RegionLevel> QUALIFIERS_BEFORE = Map.ofEntries(
            Map.entry("provinsi", RegionLevel.PROVINCE), Map.entry("prov", RegionLevel.PROVINCE),
            Map.entry("propinsi", RegionLevel.PROVINCE), Map.entry("pemprov", RegionLevel.PROVINCE),
            Map.entry("province", RegionLevel.PROVINCE),
            Map.entry("kabupaten", RegionLevel.REGENCY), Map.entry("kab", RegionLevel.REGENCY),
            Map.entry("kabupatan", RegionLevel.REGENCY), Map.entry("pemkab", RegionLevel.REGENCY),
            Map.entry("kota", RegionLevel.REGENCY), Map.entry("kotamadya", RegionLevel.REGENCY),
            Map.entry("pemkot", RegionLevel.REGENCY), Map.entry("kodya", RegionLevel.REGENCY),
            Map.entry("kecamatan", RegionLevel.DISTRICT), Map.entry("kec", RegionLevel.DISTRICT),
            Map.entry("kcmtn", RegionLevel.DISTRICT), Map.entry("distrik", RegionLevel.DISTRICT),
            Map.entry("desa", RegionLevel.VILLAGE), Map.entry("ds", RegionLevel.VILLAGE),
            Map.entry("kelurahan", RegionLevel.VILLAGE), Map.entry("kel", RegionLevel.VILLAGE),
            Map.entry("kalurahan", RegionLevel.VILLAGE), Map.entry("gampong", RegionLevel.VILLAGE),
            Map.entry("nagari", RegionLevel.VILLAGE), Map.entry("village", RegionLevel.VILLAGE));
    /**
     * Qualifiers that are abbreviations: a dot after them belongs to the abbreviation ("Kec. Sukajadi").
     * After any other qualifier, the full words and their misspellings alike, a dot ends the sentence.
     */
    private static final Set<String> ABBREVIATED_QUALIFIERS = Set.of("prov", "pemprov", "kab", "pemkab", "pemkot",
            "kodya", "kec", "kcmtn", "ds", "kel");
    private static final Set<String> CITY_QUALIFIERS = Set.of("kota", "kotamadya", "pemkot", "kodya", "city");
    private static final Set<String> REGENCY_QUALIFIERS = Set.of("kabupaten", "kab", "kabupatan", "pemkab",
            "regency");
    private static final Map<String, RegionLevel> QUALIFIERS_AFTER = Map.of(
            "regency", RegionLevel.REGENCY, "city", RegionLevel.REGENCY, "province", RegionLevel.PROVINCE,
            "district", RegionLevel.DISTRICT, "subdistrict", RegionLevel.DISTRICT, "village", RegionLevel.VILLAGE);
    /** Words that start a street's name: the words after them up to a separator are not places. */
    private static final Set<String> STREET_MARKERS = Set.of("jl", "jln", "jalan", "gg", "gang", "komplek",
            "kompleks", "perum", "perumahan");
    /** Words that end a street name (a qualifier, a preposition, a number sign). */
    private static final Set<String> STREET_END = Set.of("di", "dekat", "depan", "samping", "belakang", "no",
            "nomor", "rt", "rw", "dan", "yang", "yg", "sudah", "udah", "sdh", "tidak", "tdk", "gak", "nggak", "ga",
            "belum", "blm", "in", "near", "at", "is", "was", "has", "sejak", "sampai", "karena", "krn", "ini", "itu",
            "sangat", "sering", "banyak", "rusak", "berlubang", "macet", "banjir", "gelap", "mati", "kotor", "becek");
    private static final int MAX_NAME_WORDS = 6;
    /** Below this, the names found are too weak to say where a complaint is. */
    static final double MIN_SCORE = 0.3;
    /** A place under another government with this share of the chosen one's evidence makes it unsure. */
    static final double RIVAL_SHARE = 0.6;

    private final TextAnalysis analysis;
    private final Map<String, Region> byCode = new HashMap<>();
    /** Normalised name (words joined by one space) → regions of that name, all levels. */
    private final Map<String, List<Region>> byName = new HashMap<>();
    /** Alias (normalised) → regions. */
    private final Map<String, List<Region>> aliases = new HashMap<>();
    /** Words too common in complaints to be read as a place without a qualifier or a capital letter. */
    private final Set<String> commonWords;
    /** Single-word names of provinces and regencies, for misspellings after a qualifier. */
    private final Map<String, List<Region>> fuzzyNames = new HashMap<>();
    private final LevenshteinDistance distance = new LevenshteinDistance();

    public Gazetteer(TextAnalysis analysis) {
        this.analysis = analysis;
        load("wilayah/provinces.csv", RegionLevel.PROVINCE);
        load("wilayah/regencies.csv", RegionLevel.REGENCY);
        load("wilayah/districts.csv", RegionLevel.DISTRICT);
        load("wilayah/villages.csv", RegionLevel.VILLAGE);
        for (Map<String, String> row : DataFiles.rows("routing/place-aliases.tsv", "\t")) {
            Region region = byCode.get(row.get("code"));
            if (region == null) {
                throw new IllegalStateException("place alias " + row.get("alias") + " names unknown code " + row.get("code"));
            }
            aliases.computeIfAbsent(String.join(" ", analysis.placeTerms(row.get("alias"))), k -> new ArrayList<>())
                    .add(region);
        }
        Set<String> common = new HashSet<>();
        DataFiles.rows("routing/common-words.tsv", "\t").forEach(row -> common.add(row.get("word")));
        // the one-word terms of the category lexicon are what complaints are about, not where
        // ("BPJS Kesehatan" is not the village of Kesehatan in Aceh)
        DataFiles.rows("routing/category-lexicon.tsv", "\t").stream().map(row -> analysis.placeTerms(row.get("term")))
                .filter(words -> words.size() == 1).forEach(words -> common.add(words.get(0)));
        // Indonesian stop words and informal spellings ("sudah", "udah", "ada") are words, not villages
        org.apache.lucene.analysis.id.IndonesianAnalyzer.getDefaultStopSet()
                .forEach(w -> common.add(new String((char[]) w)));
        DataFiles.map("routing/informal-spellings.tsv").forEach((k, v) -> {
            common.add(k);
            common.add(v);
        });
        commonWords = Set.copyOf(common);
        for (Region region : byCode.values()) {
            if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.REGENCY) {
                String key = nameKey(region);
                if (key.length() >= 6) {
                    fuzzyNames.computeIfAbsent(key, k -> new ArrayList<>()).add(region);
                }
            }
        }
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public int size() {
        return byCode.size();
    }

    /** The region and all regions that enclose it, the region first. */
    public List<Region> chain(Region region) {
        List<Region> chain = new ArrayList<>();
        for (Optional<Region> r = Optional.of(region); r.isPresent();
                r = r.get().parentCode().map(byCode::get)) {
            chain.add(r.get());
        }
        return chain;
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    /**
     * Reads the places a complaint names.
     *
     * @param texts the location description and the complaint text, in that order (either may be empty)
     */
    public RegionFinding find(String... texts) {
        List<Mention> mentions = new ArrayList<>();
        List<Span> streets = new ArrayList<>();
        for (int t = 0; t < texts.length; t++) {
            if (texts[t] != null && !texts[t].isBlank()) {
                mentions.addAll(mentions(texts[t], t, streets));
            }
        }
        mentions.removeIf(m -> m.weight <= 0 || m.candidates.isEmpty());
        List<Span> spans = new ArrayList<>(streets);
        mentions.forEach(m -> spans.add(m.span));
        if (mentions.isEmpty()) {
            return RegionFinding.none(List.of(), Optional.empty()).withSpans(spans);
        }
        return resolve(mentions).withSpans(spans);
    }

    /** A run of words read as a place name, with what it could be and how much it counts. */
    private record Mention(String surface, List<Region> candidates, double weight, String how, boolean qualified,
            Span span, boolean alias) {

        /** Whether the two mentions read some of the same words. */
        boolean overlaps(Mention other) {
            return span.text() == other.span.text() && span.start() < other.span.end() && other.span.start() < span.end();
        }

        /** How much the mention says for one of its candidates: less when many places share the name. */
        double weightOf(Region candidate) {
            RegionLevel top = candidates.get(0).level() == RegionLevel.PROVINCE || !alias
                    ? candidates.stream().map(Region::level).min(Comparator.naturalOrder()).orElseThrow()
                    : candidates.get(0).level();
            long atLevel = candidates.stream().filter(c -> c.level() == candidate.level()).count();
            double levelFactor = candidate.level() == top ? 1.0 : 0.5;
            return weight * levelFactor / Math.sqrt(Math.min(atLevel, 16));
        }
    }

    /** Where, in which of the texts given to {@link #find}, a place or street name was read. */
    public record Span(int text, int start, int end) {
    }

    private List<Mention> mentions(String text, int textIndex, List<Span> streets) {
        List<Token> tokens = analysis.places(text);
        boolean caseless = text.chars().noneMatch(Character::isUpperCase);
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String word = tokens.get(i).term();
            if (STREET_MARKERS.contains(word) && !isQualifiedPlaceAhead(tokens, i + 1)) {
                int end = skipStreetName(tokens, i + 1);
                if (end > i + 1) {
                    streets.add(new Span(textIndex, tokens.get(i + 1).start(), tokens.get(end - 1).end()));
                }
                i = end;
                continue;
            }
            RegionLevel qualified = qualifier(word);
            // "Kec. Sukajadi": the dot ends an abbreviation; "perangkat desa. Tolong ...": after a whole
            // word it ends the sentence, and the next sentence's first word is not the village's name.
            if (qualified != null && i + 1 < tokens.size()
                    && (!tokens.get(i + 1).breakBefore()
                            || tokens.get(i + 1).dotBefore() && ABBREVIATED_QUALIFIERS.contains(word))) {
                Optional<MatchAt> match = longestMatch(tokens, i + 1);
                if (match.isPresent()) {
                    List<Region> candidates = filterByQualifier(match.get().regions, qualified, word);
                    if (!candidates.isEmpty()) {
                        found.add(new Mention(surface(tokens, i, match.get().end), candidates, 1.0, "named as "
                                + tokens.get(i).surface(), true, span(textIndex, tokens, i + 1, match.get().end), false));
                        i = match.get().end;
                        continue;
                    }
                }
                Optional<Mention> fuzzy = fuzzyAfterQualifier(tokens, i, qualified, word, textIndex);
                if (fuzzy.isPresent()) {
                    found.add(fuzzy.get());
                    i += 2;
                    continue;
                }
            }
            Optional<MatchAt> match = longestMatch(tokens, i);
            if (match.isPresent()) {
                MatchAt m = match.get();
                RegionLevel after = m.end < tokens.size() && !tokens.get(m.end).breakBefore()
                        ? QUALIFIERS_AFTER.get(tokens.get(m.end).term()) : null;
                List<Region> candidates = m.regions;
                double weight;
                String how;
                if (after != null) {
                    candidates = filterByQualifier(candidates, after, tokens.get(m.end).term());
                    weight = 1.0;
                    how = "named with " + tokens.get(m.end).surface();
                } else {
                    // A bare name that is a province or a city means that first; a village of the same name
                    // counts half (Mention.weightOf), so that the places around it can still choose it.
                    weight = unqualifiedWeight(tokens, i, m, caseless);
                    how = m.alias ? "a common name for it" : "name without Kab./Kota/Kec./Desa";
                }
                if (!candidates.isEmpty() && weight > 0) {
                    found.add(new Mention(surface(tokens, i, m.end), candidates, weight, how, after != null,
                            span(textIndex, tokens, i, m.end), m.alias && after == null));
                }
                // a run of words read as no place ("pasar kota" in "pasar Kota Tual") does not swallow the
                // qualifier or name that follows it
                i = after != null ? m.end + 1 : candidates.isEmpty() || weight <= 0 ? i + 1 : m.end;
                continue;
            }
            i++;
        }
        return found;
    }

    /** A qualifier word, or a long one with one letter wrong ("Kabupatn", "Kecamtan"). */
    private RegionLevel qualifier(String word) {
        RegionLevel level = QUALIFIERS_BEFORE.get(word);
        if (level != null || word.length() < 7) {
            return level;
        }
        for (String q : List.of("kabupaten", "kecamatan", "kelurahan", "provinsi", "propinsi", "kotamadya")) {
            if (distance.getDistance(word, q) >= 0.85f) {
                return QUALIFIERS_BEFORE.get(q);
            }
        }
        return null;
    }

    /** How much an unqualified name counts: provinces and cities are named bare; villages rarely are. */
    private double unqualifiedWeight(List<Token> tokens, int start, MatchAt m, boolean caseless) {
        int words = m.end - start;
        boolean capital = tokens.get(start).capitalised();
        // a capital at the start of a sentence says little about a district's or village's name
        boolean nameCapital = capital && start > 0 && !tokens.get(start).dotBefore();
        boolean common = words == 1 && commonWords.contains(tokens.get(start).term());
        if (m.alias) {
            // "OKI", "Jaksel", "Jogja" are names when written as names
            return capital || caseless || tokens.get(start).surface().chars().allMatch(Character::isUpperCase)
                    || start == 0 ? 0.9 : 0.4;
        }
        if (common && !capital) {
            return 0;
        }
        RegionLevel best = m.regions.stream().map(Region::level).min(Comparator.naturalOrder()).orElseThrow();
        boolean looksLikeName = capital || caseless;
        return switch (best) {
            case PROVINCE -> 0.9;
            case REGENCY -> looksLikeName ? (common ? 0.4 : 0.8) : 0.4;
            // in a text without capitals a one-word district may be any word: it only supports others
            case DISTRICT -> !common && nameCapital ? 0.5 : !common && caseless ? (words > 1 ? 0.5 : 0.25) : 0.15;
            // a village named bare, in a text without capitals, is more often a word than a place
            case VILLAGE -> nameCapital && !common ? (words > 1 || uniqueVillage(m) ? 0.4 : 0.2) : 0.0;
        };
    }

    private record MatchAt(int end, List<Region> regions, boolean alias) {
    }

    private static boolean uniqueVillage(MatchAt m) {
        return m.regions.size() == 1 && m.regions.get(0).level() == RegionLevel.VILLAGE;
    }

    /** "South Jakarta", "West Manggarai": English direction first, Indonesian direction last. */
    private static final Map<String, String> DIRECTIONS = Map.of("south", "selatan", "north", "utara", "east",
            "timur", "west", "barat", "central", "tengah", "southeast", "tenggara", "southwest", "barat daya",
            "northeast", "timur laut", "northwest", "barat laut");

    private Optional<MatchAt> longestMatch(List<Token> tokens, int start) {
        String direction = DIRECTIONS.get(tokens.get(start).term());
        if (direction != null && start + 1 < tokens.size()) {
            for (int n = Math.min(MAX_NAME_WORDS - 1, tokens.size() - start - 1); n >= 1; n--) {
                String name = String.join(" ", tokens.subList(start + 1, start + 1 + n).stream().map(Token::term)
                        .toList()) + " " + direction;
                List<Region> found = aliases.containsKey(name) ? aliases.get(name) : byName.get(name);
                if (found != null) {
                    return Optional.of(new MatchAt(start + 1 + n, found, aliases.containsKey(name)));
                }
            }
        }
        for (int n = Math.min(MAX_NAME_WORDS, tokens.size() - start); n >= 1; n--) {
            boolean broken = false;
            StringBuilder key = new StringBuilder();
            for (int k = start; k < start + n; k++) {
                if (k > start && tokens.get(k).breakBefore()) {
                    broken = true;
                    break;
                }
                if (k > start) {
                    key.append(' ');
                }
                key.append(tokens.get(k).term());
            }
            if (broken) {
                continue;
            }
            List<Region> alias = aliases.get(key.toString());
            List<Region> named = byName.get(key.toString());
            if (named == null && n > 1) {
                named = byName.get(key.toString().replace(" ", "")); // "Pematang Siantar" for Pematangsiantar
            }
            if (alias != null) {
                // the alias first (it sets the level that counts fully), then places of that very name
                List<Region> both = new ArrayList<>(alias);
                if (named != null) {
                    named.stream().filter(r -> !both.contains(r)).forEach(both::add);
                }
                return Optional.of(new MatchAt(start + n, both, true));
            }
            if (named != null) {
                return Optional.of(new MatchAt(start + n, named, false));
            }
        }
        return Optional.empty();
    }

    private static List<Region> filterByQualifier(List<Region> regions, RegionLevel level, String qualifier) {
        return regions.stream().filter(r -> r.level() == level)
                .filter(r -> r.level() != RegionLevel.REGENCY
                        || (!CITY_QUALIFIERS.contains(qualifier) || "KOTA".equals(r.kind()))
                                && (!REGENCY_QUALIFIERS.contains(qualifier) || "KABUPATEN".equals(r.kind())))
                .toList();
    }

    /** "Kab. Banyuwagi": one misspelt word after a regency or province qualifier. */
    private Optional<Mention> fuzzyAfterQualifier(List<Token> tokens, int i, RegionLevel level, String qualifier,
            int textIndex) {
        if (level != RegionLevel.REGENCY && level != RegionLevel.PROVINCE || i + 1 >= tokens.size()) {
            return Optional.empty();
        }
        String word = tokens.get(i + 1).term();
        if (word.length() < 6) {
            return Optional.empty();
        }
        String best = null;
        float bestScore = 0;
        for (String name : fuzzyNames.keySet()) {
            float score = distance.getDistance(word, name);
            if (score > bestScore) {
                bestScore = score;
                best = name;
            }
        }
        if (best == null || bestScore < 0.8f) {
            return Optional.empty();
        }
        List<Region> candidates = filterByQualifier(fuzzyNames.get(best), level, qualifier);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mention(surface(tokens, i, i + 2), candidates, 0.8,
                "read as a misspelling of " + candidates.get(0).name(), true, span(textIndex, tokens, i, i + 2),
                false));
    }

    private static boolean isQualifiedPlaceAhead(List<Token> tokens, int i) {
        return i < tokens.size() && QUALIFIERS_BEFORE.containsKey(tokens.get(i).term());
    }

    /**
     * The end of a street's name: a separator, a word that ends it ("di", "no", "rusak"), a qualifier,
     * four words, or — from its third word on — the name of a regency or city ("Jl. Perintis
     * Kemerdekaan Makassar", "jl. sultan syarif kasim dumai"), while "Jl. Raya Bogor" stays a street.
     */
    private int skipStreetName(List<Token> tokens, int i) {
        int skipped = 0;
        while (i < tokens.size() && (!tokens.get(i).breakBefore() || skipped == 0 && tokens.get(i).dotBefore())
                && skipped < 4
                && !STREET_END.contains(tokens.get(i).term()) && !QUALIFIERS_BEFORE.containsKey(tokens.get(i).term())
                && !(skipped >= 2 && namesRegency(tokens.get(i).term()))) {
            i++;
            skipped++;
        }
        return i;
    }

    private boolean namesRegency(String word) {
        return !commonWords.contains(word) && (byName.getOrDefault(word, List.of()).stream()
                .anyMatch(r -> r.level() == RegionLevel.REGENCY)
                || aliases.getOrDefault(word, List.of()).stream().anyMatch(r -> r.level() == RegionLevel.REGENCY));
    }

    private static Span span(int textIndex, List<Token> tokens, int from, int to) {
        return new Span(textIndex, tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static String surface(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().map(Token::surface).collect(Collectors.joining(" "));
    }

    /**
     * Chooses the candidate whose chain (itself and the regions around it) explains the most mentions;
     * ties between unrelated places are reported, and only their common part is kept.
     */
    private RegionFinding resolve(List<Mention> mentions) {
        Map<Region, Double> score = new LinkedHashMap<>();
        Map<Region, List<Mention>> explained = new HashMap<>();
        for (Mention mention : mentions) {
            for (Region candidate : mention.candidates) {
                if (score.containsKey(candidate)) {
                    continue;
                }
                List<Region> chain = chain(candidate);
                double total = 0;
                List<Mention> used = new ArrayList<>();
                for (Mention other : mentions) {
                    // the candidate's own mention counts with the candidate's weight, not an ancestor's
                    double best = other == mention ? mention.weightOf(candidate)
                            : other.candidates.stream().filter(chain::contains).mapToDouble(other::weightOf)
                                    .max().orElse(0);
                    if (best > 0) {
                        total += best;
                        used.add(other);
                    }
                }
                score.put(candidate, total);
                explained.put(candidate, used);
            }
        }
        double top = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean weak = top < MIN_SCORE;
        if (weak && mentions.stream().noneMatch(Mention::qualified)) {
            // one lowercase word that happens to be a village somewhere: not evidence of a place
            return RegionFinding.none(List.of(), Optional.empty());
        }
        List<Region> best = score.entrySet().stream().filter(e -> e.getValue() >= top - 1e-9).map(Map.Entry::getKey)
                .toList();
        // Among equally good candidates, one that contains all the others loses to the most specific.
        List<Region> leaves = best.stream()
                .filter(r -> best.stream().noneMatch(o -> o != r && r.contains(o) && !explainedBy(explained, o, r)))
                .toList();
        List<String> evidence = new ArrayList<>();
        if (leaves.size() == 1 && !weak) {
            Region region = leaves.get(0);
            // "Bandung" alone: the city and the regency share the name and the score; prefer the city
            // (what most people mean) with less confidence, and say so.
            for (Mention m : explained.get(region)) {
                evidence.add("\"" + m.surface + "\" → " + describeHit(m, region) + " (" + m.how + ")");
            }
            RegionFinding found = new RegionFinding(Optional.of(region), confidence(region, explained.get(region), top),
                    evidence, Optional.empty());
            return weakness(region, explained.get(region)).or(() -> rival(region, score, explained))
                    .map(found::weak).orElse(found);
        }
        Optional<Region> cityOverRegency = weak ? Optional.empty() : preferCity(leaves);
        if (cityOverRegency.isPresent()) {
            Region city = cityOverRegency.get();
            for (Mention m : explained.get(city)) {
                evidence.add("\"" + m.surface + "\" → " + describeHit(m, city) + " (" + m.how + ")");
            }
            String note = "\"" + city.name().replaceFirst("^Kota ", "") + "\" names both " + city.name()
                    + " and the regency of that name; assumed the city";
            evidence.add(note);
            return new RegionFinding(Optional.of(city), Math.min(0.7, confidence(city, explained.get(city), top)),
                    evidence, Optional.of(note));
        }
        Optional<Region> common = commonAncestor(leaves);
        Set<String> names = new LinkedHashSet<>();
        leaves.stream().limit(4).forEach(r -> names.add(r.describe() + " in " + chainNames(r)));
        String ambiguity = "\"" + mentions.stream().filter(m -> leaves.stream().anyMatch(l -> m.candidates.contains(l)))
                .map(Mention::surface).findFirst().orElse(mentions.get(0).surface) + "\" could be " + leaves.size()
                + " places (" + String.join("; ", names) + (leaves.size() > 4 ? "; …" : "")
                + "); nothing else in the text says which";
        evidence.add(ambiguity);
        if (common.isPresent()) {
            // only what the candidates share is known: too little to route on (below the threshold)
            return new RegionFinding(common, 0.45, evidence, Optional.of(ambiguity));
        }
        return RegionFinding.none(evidence, Optional.of(ambiguity));
    }

    /**
     * Why a region read from the text is not a sure place to route to: it rests on one mention written
     * without "Kab."/"Kota"/"Kec."/"Desa" that is a common word, or a short one written in lower case
     * ("batu", "palu", "bone"), or on a
     * bare name a province shares with a regency or city in it ("Gorontalo", "Jambi", "Bengkulu").
     */
    private Optional<String> weakness(Region region, List<Mention> used) {
        if (used.size() != 1 || used.get(0).qualified) {
            return Optional.empty();
        }
        Mention only = used.get(0);
        String name = only.surface.strip();
        if (region.level() == RegionLevel.PROVINCE && !only.alias) {
            List<String> namesakes = byName.getOrDefault(nameKey(region), List.of()).stream()
                    .filter(r -> r.level() == RegionLevel.REGENCY && r.parentCode().filter(region.code()::equals).isPresent())
                    .map(Region::name).sorted().toList();
            if (!namesakes.isEmpty()) {
                return Optional.of("\"" + name + "\" names the province and " + String.join(" and ", namesakes)
                        + " alike, and nothing else in the text says which government is meant");
            }
        }
        boolean capitalised = Character.isUpperCase(name.codePointAt(0));
        if (region.level() != RegionLevel.PROVINCE && !only.alias && !name.contains(" ")
                && (name.length() <= 4 && !capitalised || commonWords.contains(name.toLowerCase()))) {
            return Optional.of("\"" + name + "\" is the only place named, without Kab./Kota/Kec./Desa, and is a short"
                    + " or common word that may not be a place at all");
        }
        return Optional.empty();
    }

    /**
     * Another place named in the text, under another local government, with nearly as much evidence as
     * the chosen one (at least {@link #RIVAL_SHARE} of its score), none of the same words, named as
     * plainly and as often (a bare name does not contest one written with Kab./Kota/Kec.), and a regency,
     * city or province unless qualified: "a hospital in Kendari … I'm in Jakarta". Which of the two the
     * complaint is about is the reader's guess, not the gazetteer's.
     */
    private Optional<String> rival(Region region, Map<Region, Double> score, Map<Region, List<Mention>> explained) {
        double own = score.get(region);
        List<Mention> mine = explained.get(region);
        String government = governmentCode(region);
        return score.entrySet().stream()
                .filter(e -> e.getValue() >= RIVAL_SHARE * own && e.getKey() != region)
                .filter(e -> !e.getKey().contains(region) && !region.contains(e.getKey()))
                .filter(e -> !governmentCode(e.getKey()).startsWith(government)
                        && !government.startsWith(governmentCode(e.getKey())))
                .filter(e -> explained.get(e.getKey()).stream().noneMatch(m -> mine.stream().anyMatch(m::overlaps)))
                // "Kab. Mamuju … dirujuk ke Makassar": a place named with its Kab./Kota/Kec. outranks a bare name,
                // and "warga Lembang Kab. Bandung Barat … aplikasi Kota Bandung" two names one
                .filter(e -> explained.get(e.getKey()).stream().anyMatch(Mention::qualified)
                        || mine.stream().noneMatch(Mention::qualified))
                .filter(e -> explained.get(e.getKey()).size() >= mine.size())
                // a bare district or village name is too often a street, a market or an abbreviation ("DAU")
                .filter(e -> e.getKey().level().compareTo(RegionLevel.REGENCY) <= 0
                        || explained.get(e.getKey()).stream().anyMatch(Mention::qualified))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .map(other -> {
                    String chain = chainNames(other);
                    return "the text also names " + other.describe() + (chain.isEmpty() ? "" : " in " + chain)
                            + ", under another local government, with nearly as much evidence: which place the"
                            + " complaint is about is not clear";
                });
    }

    /** The regency/city a region lies in (the province for a province): whose government acts there. */
    private static String governmentCode(Region region) {
        return region.level() == RegionLevel.PROVINCE ? region.code() : RegionLevel.REGENCY.enclosing(region.code());
    }

    private static boolean explainedBy(Map<Region, List<Mention>> explained, Region specific, Region general) {
        return explained.get(specific).size() < explained.get(general).size();
    }

    private Optional<Region> preferCity(List<Region> leaves) {
        if (leaves.size() != 2) {
            return Optional.empty();
        }
        Region a = leaves.get(0);
        Region b = leaves.get(1);
        if (a.level() != RegionLevel.REGENCY || b.level() != RegionLevel.REGENCY) {
            return Optional.empty();
        }
        if (!nameKey(a).equals(nameKey(b))) {
            return Optional.empty();
        }
        return "KOTA".equals(a.kind()) ? Optional.of(a) : "KOTA".equals(b.kind()) ? Optional.of(b) : Optional.empty();
    }

    private Optional<Region> commonAncestor(List<Region> regions) {
        List<Region> first = chain(regions.get(0));
        for (Region candidate : first) {
            if (regions.stream().allMatch(candidate::contains)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private String chainNames(Region region) {
        return chain(region).stream().skip(1).map(Region::name).collect(Collectors.joining(", "));
    }

    private static String describeHit(Mention mention, Region chosen) {
        Region hit = mention.candidates.stream().filter(c -> c.contains(chosen)).findFirst().orElse(chosen);
        return hit.describe();
    }

    private static double confidence(Region region, List<Mention> used, double score) {
        boolean qualified = used.stream().anyMatch(Mention::qualified);
        double base = qualified ? 0.95 : score >= 0.8 ? 0.8 : score >= 0.5 ? 0.7 : 0.55;
        if (used.size() > 1) {
            base = Math.min(1.0, base + 0.05);
        }
        return base;
    }

    /** The name without "Kabupaten", "Kota", "Administrasi": what citizens write. */
    private String nameKey(Region region) {
        List<String> words = new ArrayList<>(analysis.placeTerms(region.name()));
        if (region.level() == RegionLevel.REGENCY) {
            while (!words.isEmpty() && Set.of("kabupaten", "kota", "administrasi").contains(words.get(0))) {
                words.remove(0);
            }
        }
        return String.join(" ", words);
    }

    private void load(String resource, RegionLevel level) {
        try (BufferedReader reader = DataFiles.open(resource)) {
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = csv(line);
                String code = cells.get(0);
                Optional<String> parent = level == RegionLevel.PROVINCE ? Optional.empty() : Optional.of(cells.get(1));
                String name = cells.get(cells.size() - 1);
                String kind = level != RegionLevel.REGENCY ? level.name()
                        : name.startsWith("Kota") ? "KOTA" : "KABUPATEN";
                Region region = new Region(code, name, level, parent, kind);
                byCode.put(code, region);
                index(nameKey(region), region);
                // "Lubuk Pakam I,II", "Kurau (Timur)": also the name before the comma or bracket
                String simple = name.replaceAll("\\s*[(,].*$", "");
                if (!simple.equals(name) && !simple.isBlank()) {
                    index(String.join(" ", analysis.placeTerms(simple)), region);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void index(String key, Region region) {
        if (!key.isEmpty()) {
            List<Region> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
            if (!list.contains(region)) {
                list.add(region);
            }
            // "Pangkalpinang", "Tanjungpinang": the name written as one word
            if (key.contains(" ") && region.level().compareTo(RegionLevel.DISTRICT) <= 0) {
                index(key.replace(" ", ""), region);
            }
        }
    }

    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
