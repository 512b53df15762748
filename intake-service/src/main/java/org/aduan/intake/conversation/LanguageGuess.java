package org.aduan.intake.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Indonesian or English, for answering a citizen who did not say: the provider's hint (Telegram's
 * {@code language_code}) when there is one, else a count of common function words, else Indonesian.
 */
final class LanguageGuess {

    private static final Set<String> INDONESIAN = Set.copyOf(java.util.List.of("yang", "di", "dan", "ini", "itu", "tidak", "ada", "ke",
            "dari", "untuk", "dengan", "sudah", "belum", "saya", "kami", "kita", "tolong", "mohon", "jalan", "sangat",
            "sejak", "karena", "tapi", "juga", "banyak", "rusak", "depan", "rumah", "sampai", "bisa", "akan", "lagi",
            "pak", "bu", "gak", "tidak", "belum", "minggu", "hari", "bulan", "air", "mati", "listrik", "sampah", "warga",
            "kami", "kenapa", "bagaimana", "apa", "atau", "pada", "oleh", "masih", "sering", "terima", "kasih"));
    private static final Set<String> ENGLISH = Set.copyOf(java.util.List.of("the", "is", "are", "and", "of", "to", "in", "on", "at", "for",
            "with", "not", "there", "this", "that", "my", "our", "we", "i", "please", "has", "have", "been", "was",
            "were", "since", "because", "but", "also", "street", "road", "broken", "near", "house", "can", "will",
            "again", "week", "weeks", "days", "no", "water", "power", "garbage", "it", "from", "a", "an", "still"));

    private LanguageGuess() {
    }

    static String of(Optional<String> hint, String text) {
        return fromHint(hint).orElseGet(() -> detect(text));
    }

    /** {@code id}/{@code in} (and Javanese, Sundanese: answered in Indonesian) or {@code en*}. */
    static Optional<String> fromHint(Optional<String> hint) {
        return hint.map(h -> h.toLowerCase(Locale.ROOT)).flatMap(h -> {
            if (h.startsWith("id") || h.startsWith("in") || h.startsWith("jv") || h.startsWith("su")) {
                return Optional.of("id");
            }
            return h.startsWith("en") ? Optional.of("en") : Optional.empty();
        });
    }

    static String detect(String text) {
        int id = 0;
        int en = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (INDONESIAN.contains(word)) {
                id++;
            }
            if (ENGLISH.contains(word)) {
                en++;
            }
        }
        return en > id ? "en" : "id";
    }
}
