package org.aduan.routing.gazetteer;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The levels of a Kemendagri region code: {@code 32}, {@code 32.73}, {@code 32.73.01}, {@code 32.73.01.1001}. */
public enum RegionLevel {
    PROVINCE("\\d{2}"),
    REGENCY("\\d{2}\\.\\d{2}"),
    DISTRICT("\\d{2}\\.\\d{2}\\.\\d{2}"),
    VILLAGE("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");

    private final Pattern shape;

    RegionLevel(String shape) {
        this.shape = Pattern.compile(shape);
    }

    /** The level a code is at, or empty when it is not a Kemendagri code. */
    public static Optional<RegionLevel> of(String code) {
        return Arrays.stream(values()).filter(level -> level.shape.matcher(code).matches()).findFirst();
    }

    /** The code of the region at this level that contains {@code code}, e.g. REGENCY of 32.73.01 is 32.73. */
    public String enclosing(String code) {
        String[] parts = code.split("\\.");
        return String.join(".", Arrays.copyOf(parts, ordinal() + 1));
    }
}
