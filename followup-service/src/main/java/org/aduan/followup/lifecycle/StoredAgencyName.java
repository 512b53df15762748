package org.aduan.followup.lifecycle;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.aduan.events.AgencyName;

/**
 * An agency's name as an event carried it, in two columns ({@code agency_name_id}, {@code agency_name_en}):
 * both or neither. Hibernate loads an embeddable whose columns are all null as null; {@link #read} takes
 * that into account.
 */
@Embeddable
public class StoredAgencyName {

    @Column(name = "agency_name_id")
    String id;

    @Column(name = "agency_name_en")
    String en;

    /** The columns for {@code name}; null (both columns null) when there is none. */
    public static StoredAgencyName of(Optional<AgencyName> name) {
        return name.map(n -> {
            StoredAgencyName stored = new StoredAgencyName();
            stored.id = n.id();
            stored.en = n.en();
            return stored;
        }).orElse(null);
    }

    public static Optional<AgencyName> read(StoredAgencyName stored) {
        return stored == null || stored.id == null || stored.en == null ? Optional.empty()
                : Optional.of(new AgencyName(stored.id, stored.en));
    }
}
