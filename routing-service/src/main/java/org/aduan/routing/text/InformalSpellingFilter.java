package org.aduan.routing.text;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces an informal or abbreviated word ("gak", "udah", "blm", "jln") by its standard form, one
 * word for one word, so that stop words and the stemmer see what they know. The map is data
 * ({@code routing/informal-spellings.tsv}).
 */
final class InformalSpellingFilter extends TokenFilter {

    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile(
            "(rp\\.?\\s?)?[0-9][0-9.,]*\\s?(rb|ribu|rebu|k|jt|juta|rp)|rp[0-9][0-9.,]*");

    private final Map<String, String> informal;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    InformalSpellingFilter(TokenStream input, Map<String, String> informal) {
        super(input);
        this.informal = informal;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        String standard = informal.get(word);
        if (standard != null) {
            term.setEmpty().append(standard);
        } else if (MONEY.matcher(word).matches()) {
            term.setEmpty().append("uang"); // "300rb", "50jt", "500k", "rp200.000": an amount of money
        }
        return true;
    }
}
