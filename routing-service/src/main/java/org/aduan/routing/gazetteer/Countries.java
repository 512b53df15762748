package org.aduan.routing.gazetteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aduan.routing.text.DataFiles;
import org.aduan.routing.text.TextAnalysis;
import org.aduan.routing.text.Token;

/**
 * The countries with an Indonesian embassy or consulate, and whether a complaint comes from one of
 * them. A country's name alone is not enough ("bangunan zaman Belanda"): it must be where something
 * happens ("di Johor", "in Dubai"), or the text must be about life abroad (TKI, majikan, KBRI,
 * embassy).
 */
public final class Countries {

    /** country code → Indonesian and English names. */
    public record Country(String code, String nameId, String nameEn) {
    }

    private static final Set<String> LOCATIVE = Set.of("di", "in", "at", "dari", "from", "negara", "kota");
    private static final Set<String> FROM = Set.of("dari", "from");
    private static final Set<String> ABROAD_TERMS = Set.of("tki", "tkw", "pmi", "wni", "kbri", "kjri", "kdei",
            "majikan", "embassy", "consulate", "migrant", "abroad", "overseas", "employer", "kedutaan", "konsulat",
            "perwakilan", "agency", "sponsor", "visa", "deportasi", "dideportasi", "stranded", "terlantar", "arrested",
            "ditangkap", "indonesian", "abk", "near", "umrah", "umroh", "haji", "jamaah", "jemaah");
    /**
     * Words that, just before "dari"/"from", say the citizen came back: "pulang dari Malaysia", "moved
     * back from Malaysia", "dideportasi dari Sabah". The country is where they were, not where they are.
     */
    private static final Set<String> RETURNED = Set.of("pulang", "kembali", "balik", "dideportasi", "dipulangkan",
            "deportasi", "back", "returned", "deported", "repatriated", "home");
    /** Before the return word, these make it a wish, not a fact: "mau pulang dari Malaysia" is still there. */
    private static final Set<String> NOT_YET = Set.of("mau", "ingin", "pengen", "akan", "hendak", "bisa", "belum",
            "tidak", "gak", "nggak", "ga", "tdk", "blm", "want", "wants", "wanted", "trying", "try", "cannot", "can",
            "can't", "cant", "unable", "get", "go", "going", "how", "help", "bantu", "tolong", "supaya", "agar",
            "untuk", "to");
    private static final int MAX_WORDS = 3;

    private final TextAnalysis analysis;
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, Country> byPlace = new HashMap<>();

    public Countries(TextAnalysis analysis) {
        this.analysis = analysis;
        for (Map<String, String> row : DataFiles.rows("routing/countries.tsv", "\t")) {
            Country country = new Country(row.get("code"), row.get("name_id"), row.get("name_en"));
            countries.put(country.code(), country);
            for (String place : row.get("places").split(",")) {
                byPlace.put(String.join(" ", analysis.placeTerms(place)), country);
            }
        }
    }

    public List<Country> all() {
        return countries.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    /**
     * The foreign country a complaint is written from or about, if it says so clearly: a country or
     * foreign city in the location field (which says where by definition), or in the text after "di",
     * "in", … or in a text about living or working abroad.
     */
    public Optional<AbroadFinding> find(String location, String text) {
        boolean aboutLifeAbroad = aboutLifeAbroad(location) || aboutLifeAbroad(text);
        String[] texts = { location, text };
        for (int t = 0; t < texts.length; t++) {
            String current = texts[t];
            if (current == null || current.isBlank()) {
                continue;
            }
            boolean isLocation = t == 0;
            List<Token> tokens = analysis.places(current);
            for (int i = 0; i < tokens.size(); i++) {
                for (int n = Math.min(MAX_WORDS, tokens.size() - i); n >= 1; n--) {
                    String key = String.join(" ", tokens.subList(i, i + n).stream().map(Token::term).toList());
                    Country country = byPlace.get(key);
                    if (country == null) {
                        continue;
                    }
                    if (returnedFrom(tokens, i)) {
                        continue;
                    }
                    boolean located = isLocation || (i > 0 && LOCATIVE.contains(tokens.get(i - 1).term()))
                            || (i > 1 && LOCATIVE.contains(tokens.get(i - 2).term()));
                    if (located || aboutLifeAbroad) {
                        String surface = current.substring(tokens.get(i).start(), tokens.get(i + n - 1).end());
                        return Optional.of(new AbroadFinding(country.code(), country.nameId(),
                                "\"" + surface + "\" is in " + country.nameEn()
                                        + (located ? "" : " (the text is about living or working abroad)")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "… pulang dari <country>", "… back from <country>": up to two words between the return and "from". */
    private static boolean returnedFrom(List<Token> tokens, int i) {
        if (i < 2 || !FROM.contains(tokens.get(i - 1).term())) {
            return false;
        }
        for (int k = i - 2; k >= Math.max(0, i - 4); k--) {
            if (RETURNED.contains(tokens.get(k).term())) {
                for (int w = k - 1; w >= Math.max(0, k - 3); w--) {
                    if (NOT_YET.contains(tokens.get(w).term())) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private boolean aboutLifeAbroad(String text) {
        return text != null && (analysis.places(text).stream().anyMatch(t -> ABROAD_TERMS.contains(t.term()))
                || text.toLowerCase(java.util.Locale.ROOT).contains("luar negeri"));
    }
}
