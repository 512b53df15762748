package org.aduan.routing.directory;

import java.util.Optional;

/** Routing's view of the agency directory: the database in the service, the seed files in a test. */
public interface AgencyLookup {

    Optional<AgencyInfo> find(String id);

    /** Every agency, active or not. */
    java.util.Collection<AgencyInfo> all();

    /** Active national agencies and enterprises that handle a category, by id. */
    default java.util.List<AgencyInfo> nationalHandling(String category) {
        return all().stream().filter(AgencyInfo::active)
                .filter(a -> a.level() == AgencyLevel.NATIONAL || a.level() == AgencyLevel.ENTERPRISE)
                .filter(a -> a.categories().contains(category))
                .sorted(java.util.Comparator.comparing(AgencyInfo::id)).toList();
    }

    /** The agency if it exists and is active. */
    default Optional<AgencyInfo> active(String id) {
        return find(id).filter(AgencyInfo::active);
    }
}
