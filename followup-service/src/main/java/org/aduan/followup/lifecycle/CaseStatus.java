package org.aduan.followup.lifecycle;

import static org.aduan.followup.sla.Sla.Anchor.ANSWERED;
import static org.aduan.followup.sla.Sla.Anchor.ASSIGNED_TO_AGENCY;
import static org.aduan.followup.sla.Sla.Anchor.ENTERED_STATUS;
import static org.aduan.followup.sla.Sla.Breach.AUTO_CLOSE;
import static org.aduan.followup.sla.Sla.Breach.ESCALATE;
import static org.aduan.followup.sla.Sla.Owner.AGENCY;
import static org.aduan.followup.sla.Sla.Owner.CITIZEN;
import static org.aduan.followup.sla.Sla.Owner.PLATFORM;

import java.util.Optional;

import org.aduan.followup.sla.Sla;

/**
 * Where a case stands, and the service level of each status: half of the lifecycle table (the other
 * half, the actions between statuses and who may take them, is {@link CaseAction}). The names are the
 * {@code status} strings of {@code ComplaintStatusChanged}, which other services read.
 * <p>
 * LAPOR!'s promise: verified and forwarded within 3 working days, followed up by the agency within 5,
 * and closed when the citizen has not answered 10 working days after the answer.
 */
public enum CaseStatus {
    /** Accepted by intake, not yet routed. The platform verifies and forwards it. */
    RECEIVED("Diterima", "Received", new Sla("forward", 3, ENTERED_STATUS, PLATFORM, ESCALATE)),
    /** Verified and forwarded to the agency that must act; the agency's follow-up clock runs. */
    ROUTED("Diteruskan ke instansi", "Forwarded to the agency", new Sla("follow-up", 5, ASSIGNED_TO_AGENCY, AGENCY, ESCALATE)),
    /** No agency could be chosen confidently: waiting in the operators' triage queue. */
    TRIAGE("Menunggu verifikasi petugas", "Waiting for an operator", new Sla("triage", 3, ENTERED_STATUS, PLATFORM, ESCALATE)),
    /** The agency acknowledged it and is working on it; the same follow-up clock as {@link #ROUTED}. */
    IN_PROGRESS("Sedang ditindaklanjuti", "In progress", new Sla("follow-up", 5, ASSIGNED_TO_AGENCY, AGENCY, ESCALATE)),
    /** The agency answered the citizen publicly; the citizen may rate, confirm, reopen or appeal. */
    RESPONDED("Sudah dijawab", "Answered", new Sla("citizen-reply", 10, ANSWERED, CITIZEN, AUTO_CLOSE)),
    /** The citizen rated the answer without closing the case yet. */
    RATED("Sudah dinilai", "Rated", new Sla("citizen-reply", 10, ANSWERED, CITIZEN, AUTO_CLOSE)),
    /** The agency said "bukan wewenang" (not ours); routing-service finds the right one. */
    TRANSFER_REQUESTED("Sedang dialihkan", "Being transferred", new Sla("transfer", 3, ENTERED_STATUS, PLATFORM, ESCALATE)),
    /** The citizen reopened the case after the answer; the agency must follow up again. */
    REOPENED("Dibuka kembali", "Reopened", new Sla("reopened-follow-up", 5, ENTERED_STATUS, AGENCY, ESCALATE)),
    /** The citizen appealed a poor answer to the agency's supervisor. */
    APPEALED("Banding ke atasan", "Appealed to the supervisor", new Sla("appeal", 5, ENTERED_STATUS, AGENCY, ESCALATE)),
    /** Finished: confirmed by the citizen or closed after 10 working days without an answer. */
    CLOSED("Selesai", "Closed", null),
    /** Not a complaint the platform handles (spam, abuse, duplicate), with a reason. */
    REJECTED("Ditolak", "Rejected", null),
    /** Closed long ago and put away. */
    ARCHIVED("Diarsipkan", "Archived", null);

    private final String labelId;
    private final String labelEn;
    private final Optional<Sla> sla;

    CaseStatus(String labelId, String labelEn, Sla sla) {
        this.labelId = labelId;
        this.labelEn = labelEn;
        this.sla = Optional.ofNullable(sla);
    }

    /** The service level while the case is in this status; none once it is finished. */
    public Optional<Sla> sla() {
        return sla;
    }

    /** The status as the citizen reads it, in {@code id} or {@code en}. */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelId;
    }

    /** Finished: no action but archiving (and reopening a closed case) changes it again. */
    public boolean isFinished() {
        return this == CLOSED || this == REJECTED || this == ARCHIVED;
    }
}
