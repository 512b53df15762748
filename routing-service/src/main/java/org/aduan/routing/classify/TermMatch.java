package org.aduan.routing.classify;

/**
 * A term found in a complaint, with the words that matched it.
 *
 * @param term    the lexicon entry
 * @param surface the citizen's words
 */
public record TermMatch(Term term, String surface) {

    /** For reasons: {@code "sampah" (kebersihan +3)}. */
    public String describe() {
        String what = term.label().equals(term.category()) ? term.category() : term.label();
        return "\"" + surface + "\" (" + what + " +" + (int) term.weight() + ")";
    }
}
