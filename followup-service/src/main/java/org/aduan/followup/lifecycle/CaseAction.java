package org.aduan.followup.lifecycle;

import static org.aduan.followup.lifecycle.Actor.Kind.ADMIN;
import static org.aduan.followup.lifecycle.Actor.Kind.CITIZEN;
import static org.aduan.followup.lifecycle.Actor.Kind.OFFICER;
import static org.aduan.followup.lifecycle.Actor.Kind.SUPERVISOR;
import static org.aduan.followup.lifecycle.Actor.Kind.SYSTEM;
import static org.aduan.followup.lifecycle.CaseStatus.APPEALED;
import static org.aduan.followup.lifecycle.CaseStatus.ARCHIVED;
import static org.aduan.followup.lifecycle.CaseStatus.CLOSED;
import static org.aduan.followup.lifecycle.CaseStatus.IN_PROGRESS;
import static org.aduan.followup.lifecycle.CaseStatus.RATED;
import static org.aduan.followup.lifecycle.CaseStatus.RECEIVED;
import static org.aduan.followup.lifecycle.CaseStatus.REJECTED;
import static org.aduan.followup.lifecycle.CaseStatus.REOPENED;
import static org.aduan.followup.lifecycle.CaseStatus.RESPONDED;
import static org.aduan.followup.lifecycle.CaseStatus.ROUTED;
import static org.aduan.followup.lifecycle.CaseStatus.TRANSFER_REQUESTED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The other half of the lifecycle table: each action, the statuses it may be taken in, the status it
 * leads to (none: the case keeps its status, e.g. an internal note), who may take it, and who sees it
 * in the case history. {@link CaseLifecycle} applies rows of this table and nothing else.
 */
public enum CaseAction {
    SUBMIT(EnumSet.noneOf(CaseStatus.class), RECEIVED, EnumSet.of(SYSTEM), Visibility.PUBLIC,
            "Pengaduan diterima", "Complaint received"),
    ROUTE(EnumSet.of(RECEIVED, CaseStatus.TRIAGE, TRANSFER_REQUESTED), ROUTED, EnumSet.of(SYSTEM), Visibility.PUBLIC,
            "Diverifikasi dan diteruskan ke instansi", "Verified and forwarded to the agency"),
    TRIAGE(EnumSet.of(RECEIVED, TRANSFER_REQUESTED), CaseStatus.TRIAGE, EnumSet.of(SYSTEM), Visibility.PUBLIC,
            "Menunggu petugas memilih instansi", "Waiting for an operator to choose the agency"),
    ACKNOWLEDGE(EnumSet.of(ROUTED, REOPENED), IN_PROGRESS, EnumSet.of(OFFICER, SUPERVISOR), Visibility.PUBLIC,
            "Instansi mulai menindaklanjuti", "The agency is following it up"),
    ASSIGN(EnumSet.of(ROUTED, IN_PROGRESS, REOPENED, APPEALED), null, EnumSet.of(OFFICER, SUPERVISOR),
            Visibility.AGENCY, "Ditugaskan kepada petugas", "Assigned to an officer"),
    RESPOND(EnumSet.of(IN_PROGRESS, REOPENED), RESPONDED, EnumSet.of(OFFICER, SUPERVISOR), Visibility.PUBLIC,
            "Instansi memberikan jawaban", "The agency answered"),
    ANSWER_APPEAL(EnumSet.of(APPEALED), RESPONDED, EnumSet.of(SUPERVISOR), Visibility.PUBLIC,
            "Atasan instansi menjawab banding", "The agency's supervisor answered the appeal"),
    NOTE(EnumSet.complementOf(EnumSet.of(ARCHIVED)), null, EnumSet.of(OFFICER, SUPERVISOR), Visibility.AGENCY,
            "Catatan internal", "Internal note"),
    ATTACH_DOCUMENT(EnumSet.of(IN_PROGRESS, REOPENED, APPEALED, RESPONDED, RATED), null,
            EnumSet.of(OFFICER, SUPERVISOR), Visibility.CITIZEN,
            "Dokumen tindak lanjut dilampirkan", "Resolution document attached"),
    REQUEST_TRANSFER(EnumSet.of(ROUTED, IN_PROGRESS), TRANSFER_REQUESTED, EnumSet.of(OFFICER, SUPERVISOR),
            Visibility.PUBLIC, "Instansi menyatakan bukan wewenangnya", "The agency says it is not theirs"),
    REJECT(EnumSet.of(ROUTED, IN_PROGRESS), REJECTED, EnumSet.of(SUPERVISOR), Visibility.PUBLIC,
            "Pengaduan ditolak", "Complaint rejected"),
    ADD_INFORMATION(EnumSet.of(RECEIVED, ROUTED, CaseStatus.TRIAGE, IN_PROGRESS, TRANSFER_REQUESTED, REOPENED, APPEALED,
            RESPONDED, RATED), null, EnumSet.of(CITIZEN), Visibility.CITIZEN,
            "Pelapor menambahkan informasi", "The reporter added information"),
    RATE(EnumSet.of(RESPONDED), RATED, EnumSet.of(CITIZEN), Visibility.PUBLIC,
            "Pelapor menilai jawaban", "The reporter rated the answer"),
    CONFIRM(EnumSet.of(RESPONDED, RATED), CLOSED, EnumSet.of(CITIZEN), Visibility.PUBLIC,
            "Pelapor menyatakan selesai", "The reporter confirmed it is resolved"),
    REOPEN(EnumSet.of(RESPONDED, RATED, CLOSED), REOPENED, EnumSet.of(CITIZEN), Visibility.PUBLIC,
            "Pelapor membuka kembali pengaduan", "The reporter reopened the complaint"),
    APPEAL(EnumSet.of(RATED), APPEALED, EnumSet.of(CITIZEN), Visibility.PUBLIC,
            "Pelapor mengajukan banding ke atasan instansi", "The reporter appealed to the agency's supervisor"),
    AUTO_CLOSE(EnumSet.of(RESPONDED, RATED), CLOSED, EnumSet.of(SYSTEM), Visibility.PUBLIC,
            "Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja",
            "Closed: no reply from the reporter within 10 working days"),
    ARCHIVE(EnumSet.of(CLOSED, REJECTED), ARCHIVED, EnumSet.of(ADMIN), Visibility.PUBLIC,
            "Diarsipkan", "Archived");

    /** Who sees an entry of the case history. */
    public enum Visibility {
        /** Everyone: the public feed (for non-confidential complaints), the citizen, the agency. */
        PUBLIC,
        /** The citizen and the agency, never the public feed (the citizen's own words, documents). */
        CITIZEN,
        /** The agency only (internal notes, assignments). */
        AGENCY
    }

    private final Set<CaseStatus> from;
    private final Optional<CaseStatus> to;
    private final Set<Actor.Kind> who;
    private final Visibility visibility;
    private final String labelId;
    private final String labelEn;

    CaseAction(Set<CaseStatus> from, CaseStatus to, Set<Actor.Kind> who, Visibility visibility, String labelId,
            String labelEn) {
        this.from = from;
        this.to = Optional.ofNullable(to);
        this.who = who;
        this.visibility = visibility;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    public Set<CaseStatus> from() {
        return Collections.unmodifiableSet(from);
    }

    /** The status the action leads to; empty when the case keeps its status. */
    public Optional<CaseStatus> to() {
        return to;
    }

    public Set<Actor.Kind> who() {
        return Collections.unmodifiableSet(who);
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean allowedIn(CaseStatus status) {
        return from.contains(status);
    }

    public boolean allowedFor(Actor.Kind kind) {
        return who.contains(kind);
    }

    /** What happened, as the citizen reads it, in {@code id} or {@code en}. */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelId;
    }

    /** The agency's public answer: shown in full wherever the entry is shown. */
    public boolean isAnswer() {
        return this == RESPOND || this == ANSWER_APPEAL;
    }
}
