package org.aduan.routing.text;

/**
 * One word of a complaint as the analyzers see it.
 *
 * @param term        the normalised term (lower case, accents folded; stemmed for the classifier)
 * @param surface     the word as the citizen wrote it
 * @param start       character offset in the text
 * @param end         character offset after the word
 * @param capitalised the citizen wrote it with a capital letter (a hint of a proper name)
 * @param breakBefore a comma, full stop or other separator stands between this word and the previous one
 * @param dotBefore   the only separator before it is a full stop, as after an abbreviation ("Kab. Bogor")
 */
public record Token(String term, String surface, int start, int end, boolean capitalised, boolean breakBefore,
        boolean dotBefore) {
}
