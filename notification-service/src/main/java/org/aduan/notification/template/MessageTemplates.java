package org.aduan.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders message texts in the reporter's language. Texts live in
 * {@code templates/<template>_<language>.txt} so that translators edit text, not code; every
 * template exists in every supported language, checked when the service starts.
 */
@ApplicationScoped
public class MessageTemplates {

    /** Indonesian first: a complaint in an unknown language is answered in Indonesian. */
    public static final List<String> LANGUAGES = List.of("id", "en");
    public static final String DEFAULT_LANGUAGE = "id";

    private final Map<Template, Map<String, String>> texts = new EnumMap<>(Template.class);

    public MessageTemplates() {
        for (Template template : Template.values()) {
            Map<String, String> byLanguage = new HashMap<>();
            for (String language : LANGUAGES) {
                String text = load("templates/" + template.file + "_" + language + ".txt");
                for (String placeholder : template.placeholders) {
                    if (!text.contains("{" + placeholder + "}")) {
                        throw new IllegalStateException(template + "/" + language + " lacks {" + placeholder + "}");
                    }
                }
                byLanguage.put(language, text);
            }
            texts.put(template, byLanguage);
        }
    }

    /** The language a complaint is answered in: its own when supported ({@code en-US} counts as {@code en}). */
    public static String supported(String language) {
        if (language == null) {
            return DEFAULT_LANGUAGE;
        }
        String primary = language.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(primary) ? primary : DEFAULT_LANGUAGE;
    }

    /**
     * The template's text in the language, its placeholders replaced.
     *
     * @throws IllegalArgumentException when a placeholder of the template has no value
     */
    public String render(Template template, String language, Map<String, String> values) {
        String text = texts.get(template).get(supported(language));
        for (String placeholder : template.placeholders) {
            String value = values.get(placeholder);
            if (value == null) {
                throw new IllegalArgumentException(template + " needs a value for " + placeholder);
            }
            text = text.replace("{" + placeholder + "}", value);
        }
        return text;
    }

    private static String load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : MessageTemplates.class.getClassLoader())
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing message template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
