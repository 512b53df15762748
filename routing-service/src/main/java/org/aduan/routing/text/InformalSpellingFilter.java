package org.aduan.routing.text;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource.State;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces an informal or abbreviated word ("gak", "udah", "blm", "jln") by its standard form, one
 * word for one word, so that stop words and the stemmer see what they know. The map is data
 * ({@code routing/informal-spellings.tsv}).
 */
final class InformalSpellingFilter extends TokenFilter {

    private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile(
            "(rp\\.?\\s?)?[0-9][0-9.,]*\\s?(rb|ribu|rebu|k|jt|juta|rp)|rp[0-9][0-9.,]*");

    /** A number on its own ("1,5", "300", "50.000"): money only with a unit after it or "Rp" before it. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9][0-9.,]*");
    private static final java.util.Set<String> UNITS = java.util.Set.of("rb", "ribu", "rebu", "jt", "juta", "jeti",
            "miliar", "milyar", "rupiah", "perak");
    private static final java.util.Set<String> CURRENCY = java.util.Set.of("rp", "idr");

    private final Map<String, String> informal;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
            addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
    /** A word read ahead that was not part of an amount: given out next. */
    private State pending;

    InformalSpellingFilter(TokenStream input, Map<String, String> informal) {
        super(input);
        this.informal = informal;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
        } else if (!input.incrementToken()) {
            return false;
        } else if (amountOfTwoWords()) {
            return true;
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

    /**
     * "1,5 juta", "300 ribu", "Rp 50.000": two words for one amount of money become the one word
     * "uang", so that "dimintai 1,5 juta" reads as "dimintai uang". Otherwise the word after is kept for
     * the next call.
     */
    private boolean amountOfTwoWords() throws IOException {
        String first = term.toString();
        boolean number = NUMBER.matcher(first).matches();
        if (!number && !CURRENCY.contains(first)) {
            return false;
        }
        int start = offset.startOffset();
        State firstState = captureState();
        if (!input.incrementToken()) {
            restoreState(firstState);
            return false;
        }
        String second = term.toString();
        boolean amount = number ? UNITS.contains(second) : NUMBER.matcher(second).matches();
        if (amount) {
            int end = offset.endOffset();
            term.setEmpty().append("uang");
            offset.setOffset(start, end);
            return true;
        }
        pending = captureState();
        restoreState(firstState);
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
