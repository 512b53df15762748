package org.aduan.followup.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgencyHierarchyTest {

    @Test
    void aCityEscalatesToItsProvinceThenToTheNationalCoordinator() {
        assertThat(AgencyHierarchy.ancestors("pemda-32.73")).containsExactly("pemda-32", "kemenpanrb");
        assertThat(AgencyHierarchy.ancestors("pemda-31.74")).containsExactly("pemda-31", "kemenpanrb");
        assertThat(AgencyHierarchy.ancestors("pemda-32.73.01")).containsExactly("pemda-32.73", "pemda-32", "kemenpanrb");
    }

    @Test
    void nationalAgenciesAndEnterprisesEscalateToTheCoordinatorAndEmbassiesViaTheForeignMinistry() {
        assertThat(AgencyHierarchy.ancestors("pln")).containsExactly("kemenpanrb");
        assertThat(AgencyHierarchy.ancestors("bpjs-kesehatan")).containsExactly("kemenpanrb");
        assertThat(AgencyHierarchy.ancestors("perwakilan-my")).containsExactly("kemlu", "kemenpanrb");
        assertThat(AgencyHierarchy.parent("kemenpanrb")).isEmpty();
    }
}
