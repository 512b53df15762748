package org.aduan.events;

import java.util.Optional;

/**
 * Where the complaint is about.
 *
 * @param regionCode  a Kemendagri code: province {@code 32}, regency/city {@code 32.73}, district
 *                    {@code 32.73.01} or village {@code 32.73.01.1001}
 * @param description free-text place description given by the citizen
 * @param point       a point the citizen chose to share, if any
 */
public record Location(Optional<String> regionCode, Optional<String> description, Optional<GeoPoint> point) {
    public Location {
        regionCode = regionCode == null ? Optional.empty() : regionCode;
        description = description == null ? Optional.empty() : description;
        point = point == null ? Optional.empty() : point;
    }

    /** A location without a shared point (the walking skeleton's shape). */
    public Location(Optional<String> regionCode, Optional<String> description) {
        this(regionCode, description, Optional.empty());
    }

    public static Location none() {
        return new Location(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
