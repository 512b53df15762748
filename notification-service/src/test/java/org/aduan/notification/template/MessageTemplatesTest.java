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
        Map<String, String> values = Map.of("trackingCode", CODE, "agencyId", "pemda-32.73");

        assertThat(templates.render(Template.STATUS_ROUTED, "id", values))
                .isEqualTo("Aduan ADN-7KQ2-M9XD telah diteruskan ke pemda-32.73.");
        assertThat(templates.render(Template.STATUS_ROUTED, "en", values))
                .isEqualTo("Your complaint ADN-7KQ2-M9XD has been forwarded to pemda-32.73.");
    }

    @Test
    void everyMessageToACitizenFitsInOneSms() {
        Map<String, String> values = Map.of("trackingCode", CODE, "agencyId", "perwakilan-my");
        for (Template template : Template.values()) {
            if (!template.toCitizen) {
                continue;
            }
            for (String language : MessageTemplates.LANGUAGES) {
                assertThat(templates.render(template, language, values)).hasSizeLessThanOrEqualTo(160);
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
                .hasMessageContaining("agencyId");
    }
}
