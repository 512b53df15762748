package org.aduan.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.AgencyName;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.Location;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.Reporter;

/** Events as intake and routing would publish them, each with fresh ids. */
final class TestComplaints {

    static final String PIN = "123456";
    /** The development PIN key of application.properties, as intake would hash with it. */
    static final PinHash PINS = new PinHash("dev-1", "cGluLWtleS1mb3ItZGV2ZWxvcG1lbnQtb25seS0wMDE=");
    static final String PIN_HASH = PINS.hash(PIN);
    static final IdentitySeal SEAL = new IdentitySeal("dev-1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    private TestComplaints() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String newTrackingCode() {
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return "ADN-" + random.substring(0, 4) + "-" + random.substring(4, 8) + random.substring(8, 12);
    }

    static String newAgency() {
        return "pemda-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ComplaintSubmitted submitted(String complaintId, String trackingCode) {
        return submitted(complaintId, trackingCode, false,
                new Reporter(Optional.of("Siti Rahayu"), Optional.of("+6281234567890"),
                        Optional.of("siti@example.org"), Optional.empty()));
    }

    static ComplaintSubmitted submitted(String complaintId, String trackingCode, boolean anonymous, Reporter reporter) {
        return new ComplaintSubmitted(complaintId, trackingCode, PIN_HASH, Instant.now(), Channel.WEB,
                Optional.empty(), "id", Optional.of("Jalan berlubang"),
                "Jalan di depan pasar berlubang besar sejak dua minggu.", Optional.of("infrastruktur"),
                new Location(Optional.of("32.73"), Optional.of("depan pasar")), anonymous, false,
                Optional.of(SEAL.seal(reporter)));
    }

    static ComplaintRouted routed(String complaintId, String agencyId) {
        return new ComplaintRouted(complaintId, agencyId, Instant.now(), "region-category",
                List.of("region 32.73", "category infrastruktur"), 0.9, Optional.empty());
    }

    static ComplaintRouted routed(String complaintId, String agencyId, AgencyName name) {
        return new ComplaintRouted(complaintId, agencyId, Instant.now(), "local-region",
                List.of("region 32.73", "category infrastruktur"), 0.9, Optional.empty(), Optional.of("infrastruktur"),
                Optional.of("32.73"), Optional.empty(), 0, Optional.of(name));
    }

    /** routing-service's answer to a "bukan wewenang": the same complaint, a new agency. */
    static ComplaintRouted transferred(String complaintId, String from, String to, int transferCount, Instant at) {
        return new ComplaintRouted(complaintId, to, at, "transfer-suggested", List.of(from + " declined"), 0.8,
                Optional.empty(), Optional.of("infrastruktur"), Optional.of("32.73"), Optional.of(from), transferCount);
    }

    /** An operator resolved the triage item in routing-service. */
    static ComplaintRouted byOperator(String complaintId, String to, int transferCount) {
        return new ComplaintRouted(complaintId, to, Instant.now(), "operator", List.of("an operator chose " + to),
                1.0, Optional.empty(), Optional.of("infrastruktur"), Optional.of("32.73"), Optional.empty(),
                transferCount);
    }

    /** After too many transfers routing hands the complaint to the operators. */
    static ComplaintNeedsTriage triageAfterTransfers(String complaintId, String lastAgency, int transferCount) {
        return new ComplaintNeedsTriage(complaintId, Instant.now(), List.of(lastAgency + " declined",
                "declined by " + transferCount + " agencies: an operator decides"), Optional.of("infrastruktur"),
                Optional.of("32.73"), Optional.of(lastAgency), transferCount);
    }

    /** A named, non-confidential complaint with its own tracking code (and {@link #PIN}). */
    static ComplaintSubmitted submitted(String complaintId, String trackingCode, boolean confidential) {
        return new ComplaintSubmitted(complaintId, trackingCode, PIN_HASH, Instant.now(), Channel.WEB,
                Optional.empty(), "id", Optional.of("Lampu jalan mati"),
                "Lampu penerangan jalan di Jl. Dago mati sejak seminggu.", Optional.of("infrastruktur"),
                new Location(Optional.of("32.73"), Optional.of("Jl. Dago")), false, confidential,
                Optional.of(SEAL.seal(new Reporter(Optional.of("Siti Rahayu"), Optional.of("+6281234567890"),
                        Optional.of("siti@example.org"), Optional.empty()))));
    }

    static ComplaintNeedsTriage triage(String complaintId) {
        return new ComplaintNeedsTriage(complaintId, Instant.now(), List.of("no region given"));
    }
}
