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
        String standard = informal.get(term.toString());
        if (standard != null) {
            term.setEmpty().append(standard);
        }
        return true;
    }
}
