package org.aduan.followup.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands. Which status may follow which is the table below, not code spread over
 * handlers; the full lifecycle (in progress, resolved, closed, transfers) extends this table.
 */
public enum CaseStatus {
    /** Accepted by intake, not yet routed. */
    RECEIVED,
    /** Assigned to the agency that must act. */
    ROUTED,
    /** No agency could be chosen confidently; waiting in an operator's triage queue. */
    TRIAGE;

    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = new EnumMap<>(CaseStatus.class);

    static {
        ALLOWED.put(RECEIVED, EnumSet.of(ROUTED, TRIAGE));
        // an operator (or a later routing decision) takes a complaint out of the triage queue
        ALLOWED.put(TRIAGE, EnumSet.of(ROUTED));
        ALLOWED.put(ROUTED, EnumSet.noneOf(CaseStatus.class));
    }

    public boolean mayBecome(CaseStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
