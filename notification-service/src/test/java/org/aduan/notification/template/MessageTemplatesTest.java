package org.aduan.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private static final String CODE = "ADN-7KQ2-M9XD";
    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void acknowledgementInIndonesianCarriesTheTrackingCode() {
        String body = templates.render(Template.ACKNOWLEDGEMENT, "id", Map.of("trackingCode", CODE));

        assertThat(body).isEqualTo("Terima kasih, aduan Anda sudah kami terima. Kode pelacakan: ADN-7KQ2-M9XD. "
                + "Simpan PIN Anda untuk memantau perkembangannya.");
    }

    @Test
    void acknowledgementInEnglishCarriesTheTrackingCode() {
        String body = templates.render(Template.ACKNOWLEDGEMENT, "en", Map.of("trackingCode", CODE));

        assertThat(body).isEqualTo("Thank you, we have received your complaint. Tracking code: ADN-7KQ2-M9XD. "
                + "Keep your PIN to follow its progress.");
    }

    @Test
    void routedUpdateNamesTheAgencyInBothLanguages() {
        Map<String, String> values = Map.of("trackingCode", CODE, "agency", "pemda-32.73");

        assertThat(templates.render(Template.STATUS_ROUTED, "id", values))
                .isEqualTo("Aduan ADN-7KQ2-M9XD telah diteruskan ke pemda-32.73.");
        assertThat(templates.render(Template.STATUS_ROUTED, "en", values))
                .isEqualTo("Your complaint ADN-7KQ2-M9XD has been forwarded to pemda-32.73.");
    }

    @Test
    void channelAcknowledgementTellsHowToAskForTheStatusAndMentionsNoPin() {
        Map<String, String> values = Map.of("trackingCode", CODE);

        assertThat(templates.render(Template.ACKNOWLEDGEMENT_CHANNEL, "id", values)).isEqualTo(
                "Terima kasih, aduan Anda sudah kami terima. Kode pelacakan: ADN-7KQ2-M9XD. Untuk cek status, balas "
                        + "CEK ADN-7KQ2-M9XD");
        assertThat(templates.render(Template.ACKNOWLEDGEMENT_CHANNEL, "en", values)).isEqualTo(
                "Thank you, we have received your complaint. Tracking code: ADN-7KQ2-M9XD. To check its status, reply "
                        + "STATUS ADN-7KQ2-M9XD");
    }

    @Test
    void everyRejectionReasonHasItsOwnExplanationAndAnUnknownOneTheGeneralText() {
        assertThat(templates.render(Template.rejected("too-large"), "id", Map.of())).contains("terlalu besar");
        assertThat(templates.render(Template.rejected("unsupported-media"), "en", Map.of())).contains("JPEG or PNG");
        assertThat(templates.render(Template.rejected("empty"), "en", Map.of())).contains("empty");
        assertThat(templates.render(Template.rejected("too-long"), "id", Map.of())).contains("terlalu panjang");
        assertThat(templates.render(Template.rejected("unreadable"), "en", Map.of())).contains("could not be read");
        assertThat(Template.rejected("something-new")).isEqualTo(Template.REPLY_REJECTED);
        assertThat(Template.rejected(null)).isEqualTo(Template.REPLY_REJECTED);
    }

    /**
     * The longest agency name in routing's directory (the national coordinator's, 98 characters in
     * Indonesian) still leaves every text in one SMS.
     */
    @Test
    void everyMessageToACitizenFitsInOneSms() {
        Map<String, String> values = Map.of("trackingCode", CODE, "agency", "Kementerian Pendayagunaan Aparatur Negara"
                + " dan Reformasi Birokrasi (Pengelola Nasional SP4N-LAPOR!)");
        for (Template template : Template.values()) {
            if (!template.toCitizen) {
                continue;
            }
            for (String language : MessageTemplates.LANGUAGES) {
                assertThat(templates.render(template, language, values)).as(template + "/" + language)
                        .hasSizeLessThanOrEqualTo(160);
            }
        }
    }

    @Test
    void unsupportedLanguageIsAnsweredInIndonesianAndRegionalVariantsInTheirLanguage() {
        assertThat(MessageTemplates.supported("jv")).isEqualTo("id");
        assertThat(MessageTemplates.supported(null)).isEqualTo("id");
        assertThat(MessageTemplates.supported("en-US")).isEqualTo("en");
        assertThat(MessageTemplates.supported("EN")).isEqualTo("en");
        assertThat(templates.render(Template.ACKNOWLEDGEMENT, "fr", Map.of("trackingCode", CODE)))
                .startsWith("Terima kasih");
    }

    @Test
    void missingPlaceholderValueIsRefused() {
        assertThatThrownBy(() -> templates.render(Template.STATUS_ROUTED, "id", Map.of("trackingCode", CODE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agency");
    }
}
