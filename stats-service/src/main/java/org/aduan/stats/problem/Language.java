package org.aduan.stats.problem;

import java.util.Locale;

/** The language of an answer: English when the client asks for it first, Indonesian otherwise. */
public final class Language {

    private Language() {
    }

    /** {@code en} or {@code id} from an {@code Accept-Language} header (or a {@code lang} parameter). */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null) {
            return "id";
        }
        String first = acceptLanguage.split(",")[0].strip().toLowerCase(Locale.ROOT);
        return first.startsWith("en") ? "en" : "id";
    }
}
