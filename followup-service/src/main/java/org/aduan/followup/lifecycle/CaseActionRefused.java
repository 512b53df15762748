package org.aduan.followup.lifecycle;

/**
 * An action the lifecycle table or a lifecycle rule does not allow. Carries its text in both languages
 * because citizens see these too; the REST layer picks one (see {@code ProblemMapper}).
 *
 * @see CaseAction
 */
public class CaseActionRefused extends RuntimeException {

    /** Why, as a stable problem kind. */
    public enum Reason {
        /** The actor's role may not take this action at all (HTTP 403). */
        ROLE("forbidden", 403),
        /** The action is not possible in the case's current status (HTTP 409). */
        STATUS("action-not-allowed", 409),
        /** An appeal needs a rating of 2 or less first (HTTP 409). */
        APPEAL_NEEDS_POOR_RATING("appeal-not-allowed", 409),
        /** Reopening is possible only within 10 working days of the answer (HTTP 409). */
        REOPEN_WINDOW_CLOSED("reopen-window-closed", 409);

        public final String problemKind;
        public final int httpStatus;

        Reason(String problemKind, int httpStatus) {
            this.problemKind = problemKind;
            this.httpStatus = httpStatus;
        }
    }

    private final Reason reason;
    private final String detailEn;
    private final String detailId;

    public CaseActionRefused(Reason reason, String detailEn, String detailId) {
        super(detailEn, null, false, false);
        this.reason = reason;
        this.detailEn = detailEn;
        this.detailId = detailId;
    }

    public Reason reason() {
        return reason;
    }

    public String detail(String language) {
        return "en".equals(language) ? detailEn : detailId;
    }

    static CaseActionRefused role(CaseAction action, Actor.Kind kind) {
        return new CaseActionRefused(Reason.ROLE,
                "The role " + kind.name().toLowerCase() + " may not " + verb(action) + ".",
                "Peran " + kind.name().toLowerCase() + " tidak berwenang untuk tindakan ini (" + verb(action) + ").");
    }

    static CaseActionRefused status(CaseAction action, CaseStatus status) {
        return new CaseActionRefused(Reason.STATUS,
                "The complaint is " + status.name() + " (" + status.label("en") + "); it is not possible to "
                        + verb(action) + " now.",
                "Pengaduan berstatus " + status.name() + " (" + status.label("id") + "); tindakan ini ("
                        + verb(action) + ") tidak dapat dilakukan sekarang.");
    }

    private static String verb(CaseAction action) {
        return action.name().toLowerCase().replace('_', ' ');
    }
}
