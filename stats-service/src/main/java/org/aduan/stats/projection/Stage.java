package org.aduan.stats.projection;

import java.util.Map;

/**
 * The stages of the public funnel, in order. A complaint's stage is the furthest one any of its statuses
 * reached, so a funnel counts complaints that got at least that far; statuses that do not move a
 * complaint forward (rejection, archiving, statuses added later by followup) leave it where it was.
 */
public enum Stage {
    RECEIVED(0, "Diterima", "Received"),
    ROUTED(1, "Diteruskan ke instansi", "Forwarded to an agency"),
    IN_PROGRESS(2, "Diproses", "In progress"),
    RESPONDED(3, "Ditanggapi", "Responded"),
    CLOSED(4, "Selesai", "Closed");

    public final int rank;
    public final String labelId;
    public final String labelEn;

    Stage(int rank, String labelId, String labelEn) {
        this.rank = rank;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    /** Which lifecycle status reaches which stage; any status not listed reaches only RECEIVED. */
    private static final Map<String, Stage> REACHED_BY = Map.ofEntries(
            Map.entry("RECEIVED", RECEIVED),
            Map.entry("TRIAGE", RECEIVED),
            Map.entry("ROUTED", ROUTED),
            Map.entry("TRANSFER_REQUESTED", ROUTED),
            Map.entry("IN_PROGRESS", IN_PROGRESS),
            Map.entry("RESPONDED", RESPONDED),
            Map.entry("REOPENED", RESPONDED),
            Map.entry("APPEALED", RESPONDED),
            Map.entry("RATED", RESPONDED),
            Map.entry("CLOSED", CLOSED));

    public static Stage reachedBy(String status) {
        return REACHED_BY.getOrDefault(status, RECEIVED);
    }

    public static Stage ofRank(int rank) {
        for (Stage stage : values()) {
            if (stage.rank == rank) {
                return stage;
            }
        }
        return RECEIVED;
    }
}
