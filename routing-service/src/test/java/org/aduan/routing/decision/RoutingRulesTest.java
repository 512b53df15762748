package org.aduan.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.aduan.events.Location;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private final RoutingRules rules = new RoutingRules();

    private RoutingVerdict decide(String regionCode) {
        return rules.decide(new Location(Optional.ofNullable(regionCode), Optional.of("dekat pasar")));
    }

    @Test
    void regencyCodeGoesToThatRegencysGovernment() {
        RoutingVerdict verdict = decide("32.73");

        assertThat(verdict.outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(verdict.agencyId()).contains("pemda-32.73");
        assertThat(verdict.ruleId()).isEqualTo("region-regency");
        assertThat(verdict.confidence()).isEqualTo(1.0);
        assertThat(verdict.reasons()).containsExactly("region code 32.73 names a regency/city");
    }

    @Test
    void districtAndVillageGoToTheirRegencysGovernment() {
        for (String code : List.of("32.73.01", "32.73.01.1001")) {
            RoutingVerdict verdict = decide(code);
            assertThat(verdict.agencyId()).as(code).contains("pemda-32.73");
            assertThat(verdict.ruleId()).as(code).isEqualTo("region-regency");
            assertThat(verdict.reasons()).as(code).singleElement().asString().contains(code, "32.73");
        }
    }

    @Test
    void provinceOnlyCodeGoesToTheProvince() {
        RoutingVerdict verdict = decide("32");

        assertThat(verdict.agencyId()).contains("pemda-32");
        assertThat(verdict.ruleId()).isEqualTo("region-province");
        assertThat(verdict.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void missingOrBlankRegionCodeGoesToTriage() {
        for (String code : new String[] {null, "", "  "}) {
            RoutingVerdict verdict = decide(code);
            assertThat(verdict.outcome()).isEqualTo(Outcome.TRIAGE);
            assertThat(verdict.agencyId()).isEmpty();
            assertThat(verdict.reasons()).containsExactly("no region code given");
        }
    }

    @Test
    void unreadableRegionCodeGoesToTriageWithoutEchoingIt() {
        RoutingVerdict verdict = decide("Jl. Merdeka 5, rumah Pak Budi");

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRIAGE);
        assertThat(verdict.ruleId()).isEqualTo("unknown-region");
        assertThat(String.join(" ", verdict.reasons())).doesNotContain("Budi");
    }

    @Test
    void regionCodeWithoutARuleGoesToTriage() {
        RoutingRules provincesOnly = new RoutingRules(List.of(new RoutingRules.RegionRule("region-province",
                RegionLevel.PROVINCE, RegionLevel.PROVINCE, 0.7, "region code %s names only a province")));

        assertThat(provincesOnly.decide(new Location(Optional.of("32.73"), Optional.empty())).outcome())
                .isEqualTo(Outcome.TRIAGE);
    }
}
