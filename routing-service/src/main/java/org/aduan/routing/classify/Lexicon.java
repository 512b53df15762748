package org.aduan.routing.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aduan.routing.text.DataFiles;
import org.aduan.routing.text.TextAnalysis;
import org.aduan.routing.text.Token;

/**
 * Terms from a data file, analysed once with the same chain as the complaints, and the search for them
 * in a text. Each term counts once per text however often it appears, and a term inside a longer term
 * that matched at the same place ("jalan" in "jalan berlubang") does not count again. A phrase that
 * stop words would shrink ("tidak ditanggung" to "tanggung", "no water" to "water") is matched as
 * written, stop words included, so that it never counts for the ordinary word left over.
 */
public final class Lexicon {

    private final TextAnalysis analysis;
    private final Map<String, List<Term>> byFirstStem = new HashMap<>();
    /** Languages with literal phrases: only those need the text read a second time. */
    private final Set<String> literalLanguages = new HashSet<>();
    private final int size;

    private Lexicon(TextAnalysis analysis, List<Term> terms) {
        this.analysis = analysis;
        for (Term term : terms) {
            byFirstStem.computeIfAbsent(key(term.language(), term.literal(), term.stems().get(0)),
                    k -> new ArrayList<>()).add(term);
            if (term.literal()) {
                literalLanguages.add(term.language());
            }
        }
        // longest first, so that a phrase wins over the word it starts with
        byFirstStem.values().forEach(list -> list.sort((a, b) -> b.stems().size() - a.stems().size()));
        this.size = terms.size();
    }

    /** The category lexicon: {@code category, lang, weight, term}. */
    public static Lexicon categories(TextAnalysis analysis, String resource) {
        List<Term> terms = new ArrayList<>();
        for (Map<String, String> row : DataFiles.rows(resource, "\t")) {
            term(analysis, row.get("category"), row.get("category"), row).ifPresent(terms::add);
        }
        return new Lexicon(analysis, terms);
    }

    /** Plain terms for one label, in both languages, weight 1 (e.g. the officials corruption needs). */
    public static Lexicon terms(TextAnalysis analysis, String label, List<String> words) {
        List<Term> terms = new ArrayList<>();
        for (String word : words) {
            for (String language : List.of("id", "en")) {
                List<String> stems = stems(analysis, language, word);
                if (!stems.isEmpty()) {
                    terms.add(new Term(label, label, language, 1.0, word, stems, false));
                }
            }
        }
        return new Lexicon(analysis, terms);
    }

    /** Enterprise terms: {@code agency, category, lang, weight, term}. */
    public static Lexicon enterprises(TextAnalysis analysis, String resource) {
        List<Term> terms = new ArrayList<>();
        for (Map<String, String> row : DataFiles.rows(resource, "\t")) {
            term(analysis, row.get("agency"), row.get("category"), row).ifPresent(terms::add);
        }
        return new Lexicon(analysis, terms);
    }

    private static java.util.Optional<Term> term(TextAnalysis analysis, String label, String category,
            Map<String, String> row) {
        String language = row.get("lang");
        List<String> stems = stems(analysis, language, row.get("term"));
        List<String> literal = analysis.literal(language, row.get("term")).stream().map(Token::term).toList();
        if (stems.isEmpty()) {
            // a term made only of stop words can never mean anything: a data error worth failing on
            throw new IllegalStateException("lexicon term \"" + row.get("term") + "\" has no words left after analysis");
        }
        boolean stopWordsMatter = stems.size() < literal.size();
        return java.util.Optional.of(new Term(label, category, language, Double.parseDouble(row.get("weight")),
                row.get("term"), stopWordsMatter ? literal : stems, stopWordsMatter));
    }

    private static List<String> stems(TextAnalysis analysis, String language, String text) {
        List<Token> tokens = "en".equals(language) ? analysis.english(text) : analysis.indonesian(text);
        return tokens.stream().map(Token::term).toList();
    }

    public int size() {
        return size;
    }

    /** Every term found in {@code text}, read both as Indonesian and as English. */
    public List<TermMatch> find(String text) {
        List<TermMatch> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // literal phrases first: "tidak ditanggung" covers the "ditanggung" an ordinary term may be;
        // then Indonesian, then English ("kartu BPJS" read as Indonesian covers "BPJS" read as English)
        List<double[]> literalSpans = new ArrayList<>();
        for (String language : List.of("id", "en")) {
            if (literalLanguages.contains(language)) {
                find(language, true, analysis.literal(language, text), text, matches, seen, literalSpans);
            }
        }
        find("id", false, analysis.indonesian(text), text, matches, seen, literalSpans);
        find("en", false, analysis.english(text), text, matches, seen, literalSpans);
        return matches;
    }

    private static String key(String language, boolean literal, String stem) {
        return language + (literal ? "!" : ":") + stem;
    }

    /**
     * @param literalSpans {start, end, weight} of the literal phrases and other multi-word terms found so
     *                     far: a term inside one of them, read in another pass, does not count again
     */
    private void find(String language, boolean literal, List<Token> tokens, String text, List<TermMatch> matches,
            Set<String> seen, List<double[]> literalSpans) {
        int coveredUntil = -1;
        double coveringWeight = 0;
        for (int i = 0; i < tokens.size(); i++) {
            List<Term> candidates = byFirstStem.get(key(language, literal, tokens.get(i).term()));
            if (candidates == null) {
                continue;
            }
            for (Term term : candidates) {
                int n = term.stems().size();
                if (i + n > tokens.size() || !matchesAt(tokens, i, term.stems())) {
                    continue;
                }
                int end = i + n - 1;
                if (end <= coveredUntil && term.weight() <= coveringWeight) {
                    continue; // inside a longer phrase matched just before, which says as much or more
                }
                int from = tokens.get(i).start();
                int to = tokens.get(end).end();
                if (literalSpans.stream().anyMatch(c -> c[0] <= from && to <= c[1] && term.weight() <= c[2]
                        && (c[0] != from || c[1] != to))) {
                    break; // inside a phrase matched in another reading that says as much or more
                }
                // the same term in both languages ("visa") counts once
                if (seen.add(term.category() + "|" + term.label() + "|" + term.text().toLowerCase(java.util.Locale.ROOT))) {
                    matches.add(new TermMatch(term, text.substring(from, to)));
                    if (literal || n > 1) {
                        literalSpans.add(new double[] { from, to, term.weight() });
                    }
                }
                if (n > 1 && end > coveredUntil) {
                    coveredUntil = end;
                    coveringWeight = term.weight();
                }
                break;
            }
        }
    }

    private static boolean matchesAt(List<Token> tokens, int i, List<String> stems) {
        for (int k = 0; k < stems.size(); k++) {
            if (!tokens.get(i + k).term().equals(stems.get(k))) {
                return false;
            }
        }
        return true;
    }
}
