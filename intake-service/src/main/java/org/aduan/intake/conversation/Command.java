package org.aduan.intake.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * What an inbound message asks for: usage help, the status of a tracking code, or nothing (it is a
 * complaint or adds to one). Commands are read case-insensitively and tolerate spaces and punctuation:
 * {@code status adn-7kq2-m9xd}, {@code CEK: ADN 7KQ2 M9XD}, {@code cek 7KQ2M9XD}, {@code Bantuan?}.
 */
sealed interface Command {

    /** INFO / BANTUAN (Indonesian) or HELP (English). */
    record Help(String language) implements Command {
    }

    /**
     * STATUS / CEK with a code; {@code language} is Indonesian for CEK, unknown for STATUS (the same
     * word in both languages).
     */
    record Status(String trackingCode, Optional<String> language) implements Command {
    }

    /** Not a command. */
    record None() implements Command {
    }

    /** More words than a code could have after STATUS/CEK: it is a complaint that starts with "cek". */
    int MAX_CODE_WORDS = 3;
    int MAX_CODE_CHARS = 16;

    static Command parse(String text) {
        String normalized = text == null ? ""
                : text.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        switch (normalized) {
            case "INFO", "BANTUAN" -> {
                return new Help("id");
            }
            case "HELP" -> {
                return new Help("en");
            }
            case "CEK" -> {
                return new Help("id");
            }
            default -> {
            }
        }
        int space = normalized.indexOf(' ');
        String first = space < 0 ? normalized : normalized.substring(0, space);
        if (!first.equals("STATUS") && !first.equals("CEK")) {
            return new None();
        }
        if (space < 0) { // STATUS alone: how to use it
            return new Help("en");
        }
        String rest = normalized.substring(space + 1);
        String code = rest.replace(" ", "");
        if (rest.split(" ").length > MAX_CODE_WORDS || code.length() > MAX_CODE_CHARS) {
            return new None();
        }
        return new Status(trackingCode(code), first.equals("CEK") ? Optional.of("id") : Optional.empty());
    }

    /** {@code ADN7KQ2M9XD} or {@code 7KQ2M9XD} as {@code ADN-7KQ2-M9XD}; anything else as it is. */
    private static String trackingCode(String compact) {
        String body = compact.startsWith("ADN") && compact.length() == 11 ? compact.substring(3) : compact;
        return body.length() == 8 ? "ADN-" + body.substring(0, 4) + "-" + body.substring(4) : compact;
    }
}
