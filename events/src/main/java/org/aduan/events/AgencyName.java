package org.aduan.events;

import java.util.Objects;

/**
 * An agency's name as citizens read it, in Indonesian ({@code id}) and English ({@code en}), e.g.
 * {@code Pemerintah Kota Bandung} / {@code Bandung City Government}. Carried on the events that name an
 * agency, so that every service can tell a citizen who acts without a directory of its own; the
 * directory (routing-service) is where operators change it.
 *
 * @param id the Indonesian name (the key is the ISO 639-1 language code)
 * @param en the English name
 */
public record AgencyName(String id, String en) {

    public AgencyName {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
        if (id.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("an agency name needs both languages");
        }
    }

    /** The name in {@code language} ({@code id} or {@code en}); Indonesian for anything else. */
    public String in(String language) {
        return "en".equals(language) ? en : id;
    }
}
