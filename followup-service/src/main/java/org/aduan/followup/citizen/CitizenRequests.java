package org.aduan.followup.citizen;

/** Bodies of the citizen's actions. */
public final class CitizenRequests {

    private CitizenRequests() {
    }

    /** @param text more information about the complaint, for the agency */
    public record Information(String text) {
    }

    /**
     * @param rating  1 (poor) to 5 (good)
     * @param comment optional words about the answer
     */
    public record Rating(Integer rating, String comment) {
    }

    /** @param reason why the answer did not resolve it */
    public record Reason(String reason) {
    }
}
