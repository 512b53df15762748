package org.aduan.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codesAreShortAndFreeOfLookAlikeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TrackingCodes.newCode();
            assertThat(code).matches("ADN-[2-9A-Z]{4}-[2-9A-Z]{4}");
            assertThat(code.substring(4)).doesNotContainPattern("[01OILU]");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void pinsAreSixDigits() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(TrackingCodes.newPin()).matches("\\d{6}");
        }
    }
}
