package org.aduan.followup.problem;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every text a citizen reads exists in Indonesian and English: {@code en} when the request prefers
 * English ({@code Accept-Language}), Indonesian otherwise.
 */
public final class Language {

    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";

    private Language() {
    }

    public static String of(HttpHeaders headers) {
        if (headers == null) {
            return INDONESIAN;
        }
        List<Locale> preferred = headers.getAcceptableLanguages();
        for (Locale locale : preferred) {
            String language = locale.getLanguage();
            if (ENGLISH.equals(language)) {
                return ENGLISH;
            }
            if (INDONESIAN.equals(language) || "in".equals(language) || "*".equals(locale.toString())) {
                return INDONESIAN;
            }
        }
        return INDONESIAN;
    }

    /** {@code en} or {@code id}: a stored language code, defaulting to Indonesian. */
    public static String normalise(String language) {
        return ENGLISH.equals(language) ? ENGLISH : INDONESIAN;
    }
}
