package org.aduan.routing.decision;

/** Where a routing decision sends a complaint. */
public enum Outcome {
    /** To an agency that must act. */
    ROUTED,
    /** To an operator's triage queue: no agency could be chosen confidently. */
    TRIAGE
}
