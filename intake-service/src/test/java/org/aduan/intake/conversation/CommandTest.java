package org.aduan.intake.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommandTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "STATUS ADN-7KQ2-M9XD|ADN-7KQ2-M9XD",
            "status adn-7kq2-m9xd|ADN-7KQ2-M9XD",
            "  Status:  ADN 7KQ2 M9XD !|ADN-7KQ2-M9XD",
            "CEK ADN7KQ2M9XD|ADN-7KQ2-M9XD",
            "cek 7kq2-m9xd|ADN-7KQ2-M9XD",
            "Cek, #ADN-7KQ2-M9XD.|ADN-7KQ2-M9XD"})
    void statusCommandsAreReadWhateverTheirSpellingAndPunctuation(String text, String code) {
        assertThat(Command.parse(text)).isInstanceOfSatisfying(Command.Status.class,
                s -> assertThat(s.trackingCode()).isEqualTo(code));
    }

    @Test
    void cekIsIndonesianStatusIsEither() {
        assertThat(((Command.Status) Command.parse("CEK ADN-7KQ2-M9XD")).language()).contains("id");
        assertThat(((Command.Status) Command.parse("STATUS ADN-7KQ2-M9XD")).language()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {"HELP|en", "help!|en", "Info|id", "  bantuan ?|id", "BANTUAN|id", "cek|id",
            "status|en"})
    void helpCommands(String text, String language) {
        assertThat(Command.parse(text)).isEqualTo(new Command.Help(language));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Cek jalan di depan rumah saya sudah rusak parah",
            "Tolong bantuan untuk warga korban banjir",
            "Info: lampu jalan mati di RT 05",
            "Jalan rusak",
            "statusnya apa ya"})
    void complaintsThatStartLikeACommandAreComplaints(String text) {
        assertThat(Command.parse(text)).isEqualTo(new Command.None());
    }

    @Test
    void emptyTextIsNotACommand() {
        assertThat(Command.parse("")).isEqualTo(new Command.None());
        assertThat(Command.parse(null)).isEqualTo(new Command.None());
    }

    @Test
    void languageIsTheProvidersHintElseTheWords() {
        assertThat(LanguageGuess.of(Optional.of("en-GB"), "Jalan rusak di depan rumah")).isEqualTo("en");
        assertThat(LanguageGuess.of(Optional.of("id"), "The road is broken")).isEqualTo("id");
        assertThat(LanguageGuess.of(Optional.of("jv"), "The road is broken")).isEqualTo("id");
        assertThat(LanguageGuess.of(Optional.of("de"), "The road near my house is broken")).isEqualTo("en");
        assertThat(LanguageGuess.of(Optional.empty(), "Sampah tidak diangkut sudah seminggu di depan rumah"))
                .isEqualTo("id");
        assertThat(LanguageGuess.of(Optional.empty(), "The garbage has not been collected for a week")).isEqualTo("en");
        assertThat(LanguageGuess.of(Optional.empty(), "ok")).isEqualTo("id");
    }
}
