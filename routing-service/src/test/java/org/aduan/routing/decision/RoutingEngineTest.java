package org.aduan.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {

    static RoutingKnowledge knowledge;
    static RoutingEngine engine;

    @BeforeAll
    static void load() {
        knowledge = new RoutingKnowledge();
        engine = knowledge.seedEngine();
    }

    static RoutingProposal route(String text) {
        return engine.decide(new RoutingRequest(text, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "id"));
    }

    @Test
    void potholeInCicendoGoesToTheCityOfBandungWithReasonsNamingBoth() {
        RoutingProposal p = route("Jalan berlubang di depan SDN 3 Cicendo, Kota Bandung");
        System.out.println(p);
        assertThat(p.agencyId()).contains("pemda-32.73");
        assertThat(p.category()).isEqualTo("infrastruktur");
        assertThat(String.join("\n", p.reasons())).contains("Cicendo").contains("Kota Bandung");
    }

    @Test
    void latePassportGoesToImmigration() {
        RoutingProposal p = route("paspor saya belum jadi sudah 2 bulan");
        System.out.println(p);
        assertThat(p.agencyId()).contains("imigrasi");
    }

    @Test
    void migrantWorkerInJohorGoesToTheMissionInMalaysia() {
        RoutingProposal p = route("saya TKI di Johor majikan tidak bayar gaji");
        System.out.println(p);
        assertThat(p.agencyId()).contains("perwakilan-my");
        assertThat(p.category()).isEqualTo("perlindungan-wni");
    }

    @Test
    void declinedAgencyIsNeverChosenAgain() {
        RoutingRequest request = new RoutingRequest("Jalan berlubang di Kec. Cicendo, Kota Bandung", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "id");
        RoutingProposal p = engine.decide(request, Set.of("pemda-32.73"));
        System.out.println(p);
        assertThat(p.agencyId()).isPresent().get().isNotEqualTo("pemda-32.73");
    }
}
