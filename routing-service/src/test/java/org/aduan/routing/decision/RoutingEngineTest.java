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

    static RoutingProposal route(String text, String location, String entryAgency, String language) {
        return engine.decide(new RoutingRequest(text, Optional.ofNullable(location), Optional.empty(),
                Optional.ofNullable(entryAgency), Optional.empty(), language));
    }

    static String reasons(RoutingProposal p) {
        return String.join("\n", p.reasons());
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

    // --- calibration: structurally thin evidence goes to an operator, and the reasons say why ---

    @Test
    void aNationalAgencyChosenOnAWeakTermAloneGoesToTriageSayingSo() {
        RoutingProposal p = route("voltase di rumah kami naik turun terus tiap malam, Kota Bandung");
        assertThat(p.triage()).isTrue();
        assertThat(p.wouldRouteTo()).contains("pln");
        assertThat(reasons(p)).contains("caution: only weak terms point at pln (\"voltase\" (listrik +2))");
        // a term that names the category on its own still decides
        assertThat(route("listrik di rumah kami naik turun terus, Kota Bandung").agencyId()).contains("pln");
    }

    @Test
    void asMuchEvidenceForAnotherAgencyIsACoinTossNotADecision() {
        RoutingProposal p = route("Katanya KITAS saya baru bisa keluar kalau sudah daftar BPJS, benar begitu?", null, null, "id");
        assertThat(p.triage()).as(reasons(p)).isTrue();
        assertThat(reasons(p)).contains("category evidence points at");
    }

    @Test
    void corruptionWithNoOfficeHolderNamedIsNotSentToTheKpk() {
        RoutingProposal p = route("mohon info kapan pendaftaran PPPK pemkab dibuka, yg beredar di grup wa malah hoaks minta"
                + " uang. Kab. Nabire");
        assertThat(p.agencyId()).isNotEqualTo(Optional.of("kpk"));
        assertThat(reasons(p)).contains("korupsi ×0.5: no one who holds an office is named");
        // the same words with an office holder are corruption
        assertThat(route("Petugas kelurahan minta uang pelicin 200rb buat surat pindah, Kab. Nabire").agencyId()).contains("kpk");
    }

    @Test
    void aNameTheProvinceSharesWithItsCapitalIsNotGuessedButTheCitizensDoorDecides() {
        String text = "Anak jalanan dan pengamen makin banyak di lampu merah Gorontalo, mohon ditertibkan";
        RoutingProposal guessed = route(text);
        assertThat(guessed.triage()).isTrue();
        assertThat(reasons(guessed)).contains("\"Gorontalo\" names the province and Kabupaten Gorontalo and Kota Gorontalo");
        RoutingProposal throughTheCitysApp = route(text, null, "pemda-75.71", "id");
        assertThat(throughTheCitysApp.agencyId()).contains("pemda-75.71");
        assertThat(reasons(throughTheCitysApp)).contains("the door the citizen used, pemda-75.71, lies in Gorontalo");
    }

    @Test
    void anAmbiguousPlaceLeavesTheChoiceToTheDoorTheCitizenUsed() {
        RoutingProposal p = route("Desa Sukamaju jalannya rusak parah", null, "pemda-32.02", "id");
        assertThat(p.agencyId()).contains("pemda-32.02");
        assertThat(p.ruleId()).isEqualTo("local-entry-door");
    }

    // --- reading the text: phrases, languages, places ---

    @Test
    void aPhraseWhoseMeaningIsInAStopWordNeverCountsForTheWordLeftOver() {
        // "bayar sendiri" (paying oneself, not covered by BPJS) must not turn every "dibayar" into health insurance
        RoutingProposal p = route("Siltap perangkat desa kami di Kab. Pandeglang belum dibayar 5 bulan");
        assertThat(p.category()).isNotEqualTo("jaminan-kesehatan");
        assertThat(p.agencyId()).contains("pemda-36.01");
        assertThat(route("Obat dari RS tidak ditanggung, kami harus bayar sendiri padahal peserta BPJS").agencyId())
                .contains("bpjs-kesehatan");
    }

    @Test
    void aShortIndonesianWordInEnglishTextIsReadAsEnglish() {
        // "got" is a gutter in Indonesian and a verb in English
        RoutingProposal p = route("I bought a prepaid electricity token, the money was deducted but I never got the"
                + " token number.", null, null, "en");
        assertThat(p.agencyId()).contains("pln");
        assertThat(reasons(p)).doesNotContain("\"got\"");
    }

    @Test
    void theLocationFieldSaysWhereUnlessItNamesAPlaceInIndonesia() {
        assertThat(route("paspor mau habis, antrian di KJRI penuh, majikan butuh paspor baru", "Hong Kong", null, "id")
                .agencyId()).contains("perwakilan-hk");
        RoutingProposal medan = route("Kartu KIS saya tiba2 nonaktif pas mau berobat, katanya dicoret dari PBI",
                "Kec. Medan Johor", null, "id");
        assertThat(reasons(medan)).doesNotContain("Malaysia");
        assertThat(medan.agencyId()).contains("bpjs-kesehatan");
        assertThat(medan.regionCode()).contains("12.71.11");
    }

    @Test
    void aStreetNameEndsAtTheCityThatFollowsIt() {
        RoutingProposal p = route("jukir liar di depan minimarket jl. perintis kemerdekaan makassar maksa minta 5rb");
        assertThat(p.agencyId()).contains("pemda-73.71");
    }

    @Test
    void wordsOfTheLexiconAreNotReadAsVillages() {
        RoutingProposal p = route("Kenapa iuran BPJS Kesehatan saya naik padahal kelas 3", null, null, "id");
        assertThat(p.regionCode()).isEmpty();
        assertThat(p.agencyId()).contains("bpjs-kesehatan");
    }

    @Test
    void commonRegencyShortFormsAreRead() {
        assertThat(route("Jalan rusak parah di Cisarua, KBB, sudah setahun").agencyId()).contains("pemda-32.17");
        assertThat(route("Sampah menumpuk di pasar Timika, tidak diangkut seminggu").agencyId()).contains("pemda-94.04");
    }
    @Test
    void twoPlacesUnderDifferentGovernmentsNamedAlikeGoToAnOperatorNamingBoth() {
        RoutingProposal p = route("My father was admitted to a hospital in Kendari and waited 9 hours before a doctor"
                + " saw him. I'm in Jakarta and can only follow on the phone.", null, null, "en");
        assertThat(p.triage()).as(reasons(p)).isTrue();
        assertThat(reasons(p)).contains("caution: the text also names").containsAnyOf("Kendari", "Jakarta");
        // one of them named with its Kab./Kota: that one
        RoutingProposal qualified = route("RSUD di Kab. Mamuju cuma punya 1 dokter kandungan, pasien harus dirujuk ke"
                + " Makassar 10 jam perjalanan");
        assertThat(qualified.agencyId()).as(reasons(qualified)).contains("pemda-76.02");
    }

    @Test
    void aCitizenWhoCameBackFromAbroadIsHelpedAtHomeOneWhoWantsToComeBackAbroad() {
        RoutingProposal back = route("We moved back from Malaysia and the public primary school near our home in"
                + " South Tangerang refuses to enrol my son because he has no NISN yet.", null, null, "en");
        assertThat(back.agencyId()).as(reasons(back)).contains("pemda-36.74");
        RoutingProposal deported = route("Saya PMI yang baru dideportasi dari Sabah, sekarang tinggal di Kab. Nunukan."
                + " Mau buat paspor baru di kantor imigrasi tapi ditolak.");
        assertThat(deported.agencyId()).as(reasons(deported)).contains("imigrasi");
        RoutingProposal stillThere = route("saya TKI mau pulang dari Malaysia tapi paspor ditahan majikan");
        assertThat(stillThere.agencyId()).as(reasons(stillThere)).contains("perwakilan-my");
    }

    @Test
    void anAmountWrittenInTwoWordsIsMoneyDemanded() {
        RoutingProposal p = route("Mau makamkan bapak di TPU, kami dimintai 1,5 juta oleh petugas TPU biar cepat."
                + " Kota Administrasi Jakarta Selatan.");
        assertThat(p.category()).as(reasons(p)).isEqualTo("korupsi");
        assertThat(reasons(p)).contains("\"dimintai 1,5 juta\"");
    }
}
