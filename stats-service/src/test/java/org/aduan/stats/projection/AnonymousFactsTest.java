package org.aduan.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Channel;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.events.Location;
import org.aduan.stats.projection.AnonymousFacts.Escalation;
import org.aduan.stats.projection.AnonymousFacts.RoutingDecision;
import org.aduan.stats.projection.AnonymousFacts.StatusChange;
import org.aduan.stats.projection.AnonymousFacts.Submission;
import org.junit.jupiter.api.Test;

class AnonymousFactsTest {

    private static ComplaintSubmitted submitted(Optional<String> category, Optional<String> regionCode) {
        return new ComplaintSubmitted(UUID.randomUUID().toString(), "ADN-AAAA-BBBB", "hash", Instant.now(),
                Channel.SMS, Optional.empty(), "id", Optional.of("Siti Aminah melapor"), "Nama saya Siti Aminah",
                category, new Location(regionCode, Optional.of("rumah Siti")), false, false, Optional.empty());
    }

    @Test
    void submissionKeepsOnlyCodesAndCutsTheRegionToTheRegency() {
        Submission submission = Submission.of(submitted(Optional.of("kesehatan"), Optional.of("32.73.01.1001")));

        assertThat(submission.category()).contains("kesehatan");
        assertThat(submission.region()).contains("32.73");
        assertThat(submission.channel()).isEqualTo("SMS");
        assertThat(submission.toString()).doesNotContain("Siti");
    }

    @Test
    void missingCategoryAndRegionAreNone() {
        Submission submission = Submission.of(submitted(Optional.empty(), Optional.empty()));

        assertThat(submission.category()).isEmpty();
        assertThat(submission.region()).isEmpty();
    }

    @Test
    void freeTextWhereACodeBelongsIsNeverKept() {
        Submission submission = Submission.of(
                submitted(Optional.of("Pak Budi 0812345678"), Optional.of("rumah Pak Budi")));

        assertThat(submission.category()).isEmpty();
        assertThat(submission.region()).isEmpty();
    }

    @Test
    void aNameShapedLikeACategoryCodeIsNotACategory() {
        Submission submission = Submission.of(submitted(Optional.of("budi-santoso"), Optional.of("32")));

        assertThat(submission.category()).isEmpty();
        assertThat(submission.region()).contains("32");
    }

    @Test
    void statusChangeDropsTheReasonAndKeepsTheRating() {
        StatusChange change = StatusChange.of(new ComplaintStatusChanged(UUID.randomUUID().toString(), "CLOSED",
                Optional.of("RESPONDED"), Optional.of("pemda-32.73"), Instant.now(), "citizen",
                Optional.of("Pak Budi sudah puas"), Optional.empty(), Optional.of(4)));

        assertThat(change.status()).isEqualTo("CLOSED");
        assertThat(change.agencyId()).contains("pemda-32.73");
        assertThat(change.rating()).contains(4);
        assertThat(change.stage()).isEqualTo(Stage.CLOSED.rank);
        assertThat(change.toString()).doesNotContain("Budi");
    }

    @Test
    void statusNobodyKnowsYetReachesNoStage() {
        StatusChange change = StatusChange.of(new ComplaintStatusChanged(UUID.randomUUID().toString(),
                "MEDIATION", Optional.empty(), Optional.empty(), Instant.now(), "system", Optional.empty()));

        assertThat(change.stage()).isEqualTo(Stage.RECEIVED.rank);
    }

    @Test
    void statusThatIsNotACodeIsMalformed() {
        assertThatThrownBy(() -> StatusChange.of(new ComplaintStatusChanged(UUID.randomUUID().toString(),
                "closed by Pak Budi", Optional.empty(), Optional.empty(), Instant.now(), "system", Optional.empty())))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void reRoutingAfterATransferKeepsTheChainButNotTheReasons() {
        RoutingDecision decision = RoutingDecision.of(new ComplaintRouted(UUID.randomUUID().toString(), "pln",
                Instant.now(), "category", List.of("Budi says the power is off"), 0.9, Optional.empty(),
                Optional.of("listrik"), Optional.of("32.73.01"), Optional.of("pemda-32.73"), 1));

        assertThat(decision.completesTransfer()).isTrue();
        assertThat(decision.previousAgencyId()).contains("pemda-32.73");
        assertThat(decision.category()).contains("listrik");
        assertThat(decision.region()).contains("32.73");
        assertThat(decision.toString()).doesNotContain("Budi");
    }

    @Test
    void triageAfterATransferGoesToNoAgency() {
        RoutingDecision decision = RoutingDecision.of(new ComplaintNeedsTriage(UUID.randomUUID().toString(),
                Instant.now(), List.of("unclear"), Optional.empty(), Optional.empty(), Optional.of("pln"), 2));

        assertThat(decision.outcome()).isEqualTo(RoutingDecision.TRIAGE);
        assertThat(decision.agencyId()).isEmpty();
        assertThat(decision.completesTransfer()).isTrue();
    }

    @Test
    void escalationNamesTheAgencyThatMissedTheDeadline() {
        Instant at = Instant.now();
        Escalation escalation = Escalation.of(new ComplaintEscalated(UUID.randomUUID().toString(), at, "pemda-32.73",
                Optional.of("pemda-32"), "ROUTED", at.minusSeconds(60), 1));

        assertThat(escalation.agencyId()).isEqualTo("pemda-32.73");
        assertThat(escalation.escalatedAt()).isEqualTo(at);
    }
}
