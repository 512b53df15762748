package org.aduan.stats.summary;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaint counts, overall and by one dimension at a time. Counts only; no complaint's text, place
 * description or reporter is ever part of it.
 *
 * @param total       complaints submitted
 * @param byStatus    by current status, e.g. {@code RECEIVED}, {@code ROUTED}
 * @param byCategory  by category code; {@code unknown} when the citizen chose none
 * @param byProvince  by province code (first two digits of the region code); {@code unknown} when none
 * @param byChannel   by the door the citizen used, e.g. {@code WEB}, {@code SMS}
 * @param generatedAt when these counts were taken
 */
public record StatsSummary(
        long total,
        Map<String, Long> byStatus,
        Map<String, Long> byCategory,
        Map<String, Long> byProvince,
        Map<String, Long> byChannel,
        Instant generatedAt) {

    public StatsSummary {
        byStatus = sorted(byStatus);
        byCategory = sorted(byCategory);
        byProvince = sorted(byProvince);
        byChannel = sorted(byChannel);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
