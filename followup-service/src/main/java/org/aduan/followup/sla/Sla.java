package org.aduan.followup.sla;

/**
 * The service level of one case status: who must act, within how many working days from when, and
 * what happens when they do not.
 *
 * @param clock       the name of the promise, e.g. {@code follow-up}; two statuses with the same clock
 *                    and anchor share one deadline (acknowledging a complaint does not restart it)
 * @param workingDays the deadline, in working days (see {@link WorkingDayCalendar})
 * @param from        the moment the deadline counts from
 * @param owner       who must act
 * @param onBreach    what the deadline passing does
 */
public record Sla(String clock, int workingDays, Anchor from, Owner owner, Breach onBreach) {

    /** Where a deadline starts. */
    public enum Anchor {
        /** When the case entered the status. */
        ENTERED_STATUS,
        /** When the case was assigned to its current agency (a transfer starts a new clock). */
        ASSIGNED_TO_AGENCY,
        /** When the agency last answered the citizen. */
        ANSWERED
    }

    /** Who must act before the deadline. */
    public enum Owner {
        /** Aduan's operators (verification, triage, re-routing), accountable to the national coordinator. */
        PLATFORM,
        /** The agency the complaint is assigned to. */
        AGENCY,
        /** The citizen, who may answer; silence closes the case. */
        CITIZEN
    }

    /** What a passed deadline does. */
    public enum Breach {
        /** A {@code ComplaintEscalated} to the next agency up, and again a deadline later, to the top. */
        ESCALATE,
        /** The case closes by itself. */
        AUTO_CLOSE
    }

    public Sla {
        if (workingDays < 1) {
            throw new IllegalArgumentException("an SLA is at least one working day");
        }
    }
}
