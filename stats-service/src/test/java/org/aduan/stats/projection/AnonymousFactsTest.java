package org.aduan.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Channel;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.events.Location;
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
    void submissionKeepsOnlyCodes() {
        Submission submission = Submission.of(submitted(Optional.of("kesehatan"), Optional.of("32.73.01.1001")));

        assertThat(submission.category()).isEqualTo("kesehatan");
        assertThat(submission.provinceCode()).isEqualTo("32");
        assertThat(submission.channel()).isEqualTo("SMS");
        assertThat(submission.toString()).doesNotContain("Siti");
    }

    @Test
    void missingCategoryAndRegionAreUnknown() {
        Submission submission = Submission.of(submitted(Optional.empty(), Optional.empty()));

        assertThat(submission.category()).isEqualTo("unknown");
        assertThat(submission.provinceCode()).isEqualTo("unknown");
    }

    @Test
    void freeTextWhereACodeBelongsIsNeverKept() {
        Submission submission = Submission.of(
                submitted(Optional.of("Pak Budi 0812345678"), Optional.of("rumah Pak Budi")));

        assertThat(submission.category()).isEqualTo("unknown");
        assertThat(submission.provinceCode()).isEqualTo("unknown");
    }

    @Test
    void statusChangeDropsTheReason() {
        StatusChange change = StatusChange.of(new ComplaintStatusChanged(UUID.randomUUID().toString(), "CLOSED",
                Optional.of("RESOLVED"), Optional.of("pemda-32.73"), Instant.now(), "citizen",
                Optional.of("Pak Budi sudah puas")));

        assertThat(change.status()).isEqualTo("CLOSED");
        assertThat(change.agencyId()).contains("pemda-32.73");
        assertThat(change.toString()).doesNotContain("Budi");
    }

    @Test
    void statusThatIsNotACodeIsMalformed() {
        assertThatThrownBy(() -> StatusChange.of(new ComplaintStatusChanged(UUID.randomUUID().toString(),
                "closed by Pak Budi", Optional.empty(), Optional.empty(), Instant.now(), "system", Optional.empty())))
                .isInstanceOf(MalformedEventException.class);
    }
}
