package org.aduan.routing.gazetteer;

import java.util.Optional;

/**
 * One region of the Kemendagri list.
 *
 * @param code       Kemendagri code, e.g. {@code 32.73.06}
 * @param name       the official name, e.g. {@code Kota Bandung}, {@code Cicendo}
 * @param level      province, regency/city, district or village
 * @param parentCode the enclosing region, absent for a province
 * @param kind       for a regency: {@code KABUPATEN} or {@code KOTA}; otherwise the level's name
 */
public record Region(String code, String name, RegionLevel level, Optional<String> parentCode, String kind) {

    /** A short description for reasons: "Cicendo (district 32.73.06)". */
    public String describe() {
        String what = switch (level) {
            case PROVINCE -> "province";
            case REGENCY -> "KOTA".equals(kind) ? "city" : "regency";
            case DISTRICT -> "district";
            case VILLAGE -> "village";
        };
        return name + " (" + what + " " + code + ")";
    }

    /** Whether {@code other} is this region or lies inside it. */
    public boolean contains(Region other) {
        return other.code.equals(code) || other.code.startsWith(code + ".");
    }

    /** Whether one of the two contains the other. */
    public boolean related(Region other) {
        return contains(other) || other.contains(this);
    }
}
