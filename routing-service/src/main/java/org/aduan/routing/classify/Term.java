package org.aduan.routing.classify;

import java.util.List;

/**
 * One entry of a lexicon: a word or phrase, the stems it matches, what it says and how strongly.
 *
 * @param label    what the term points to: a category code, or an agency id for enterprise terms
 * @param category the category it implies
 * @param language {@code id} or {@code en}: which analyzer reads it
 * @param weight   how much it counts
 * @param text     the term as written in the data file (shown in reasons)
 * @param stems    the analysed form, matched as a contiguous run of stems
 * @param literal  the phrase has stop words its meaning depends on ("tidak ditanggung", "no water"):
 *                 its stems keep them, and it is matched against the text with its stop words kept
 */
public record Term(String label, String category, String language, double weight, String text, List<String> stems,
        boolean literal) {
}
