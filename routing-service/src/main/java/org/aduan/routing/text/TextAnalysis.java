package org.aduan.routing.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The three ways routing reads text, all built from Lucene's analysis chain:
 * <ul>
 * <li>{@link #places}: words, lower case, accents folded, nothing removed (place names are matched
 * word by word, "Kab." and "Kec." kept as qualifiers);</li>
 * <li>{@link #indonesian}: Lucene's Indonesian chain (stop words, {@link IndonesianStemFilter} with
 * derivational stemming: "diperbaiki" and "perbaikan" meet at "baik") after the informal spellings
 * citizens use ("gak", "udah", "blm") are mapped to the standard word;</li>
 * <li>{@link #english}: Lucene's English chain (possessives, stop words, Porter stemmer).</li>
 * <li>{@link #literal}: either chain without its stop words filter, for phrases whose meaning lives in a
 * stop word ("tidak ditanggung", "tanpa karcis", "no water"): without it they would shrink to one
 * ordinary word ("tanggung", "karcis", "water").</li>
 * </ul>
 * Analyzers are thread-safe and reused; every call returns a fresh token list.
 */
public final class TextAnalysis {

    private final Map<String, String> informal;
    private final Analyzer places;
    private final Analyzer indonesian;
    private final Analyzer english;
    private final Analyzer indonesianLiteral;
    private final Analyzer englishLiteral;

    /** @param informal informal or abbreviated spellings mapped to the standard word (one word each) */
    public TextAnalysis(Map<String, String> informal) {
        this.informal = Map.copyOf(informal);
        this.places = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                return new TokenStreamComponents(source, stream);
            }
        };
        CharArraySet idStop = IndonesianAnalyzer.getDefaultStopSet();
        this.indonesian = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new InformalSpellingFilter(stream, TextAnalysis.this.informal);
                stream = new StopFilter(stream, idStop);
                stream = new IndonesianStemFilter(stream, true);
                return new TokenStreamComponents(source, stream);
            }
        };
        this.indonesianLiteral = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new InformalSpellingFilter(stream, TextAnalysis.this.informal);
                stream = new IndonesianStemFilter(stream, true);
                return new TokenStreamComponents(source, stream);
            }
        };
        this.englishLiteral = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
        CharArraySet enStop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        this.english = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
                stream = new StopFilter(stream, enStop);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    public List<Token> places(String text) {
        return run(places, text);
    }

    public List<Token> indonesian(String text) {
        return run(indonesian, text);
    }

    public List<Token> english(String text) {
        return run(english, text);
    }

    /** The {@code id} or {@code en} chain with every word kept: stop words too, stemmed like the rest. */
    public List<Token> literal(String language, String text) {
        return run("en".equals(language) ? englishLiteral : indonesianLiteral, text);
    }

    /** The normalised form of a place name or term, word by word ("Kab. Bandung Barat" → kab bandung barat). */
    public List<String> placeTerms(String text) {
        return places(text).stream().map(Token::term).toList();
    }

    private static List<Token> run(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int previousEnd = 0;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String surface = text.substring(start, end);
                boolean separated = tokens.isEmpty() || hasSeparator(text, previousEnd, start);
                boolean dotOnly = !tokens.isEmpty() && text.substring(previousEnd, start).strip().equals(".");
                tokens.add(new Token(term.toString(), surface, start, end,
                        !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0)), separated, dotOnly));
                previousEnd = end;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static boolean hasSeparator(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '.' || c == ';' || c == ':' || c == '\n' || c == '(' || c == ')' || c == '!'
                    || c == '?' || c == '/') {
                return true;
            }
        }
        return false;
    }
}
