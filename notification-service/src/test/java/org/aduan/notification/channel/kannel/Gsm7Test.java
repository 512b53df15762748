package org.aduan.notification.channel.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;
import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void gsmAlphabetAndItsExtensionAreSevenBitButEmojiAndMacronsAreNot() {
        assertThat(Gsm7.encodable("Aduan ADN-7KQ2-M9XD: [CEK] {kode} €5 ~ ^ | \\ Ñ ü à @")).isTrue();
        assertThat(Gsm7.encodable("Terima kasih 🙏")).isFalse();
        assertThat(Gsm7.encodable("Dēsa")).isFalse();
        assertThat(Gsm7.encodable("`")).isFalse();
    }

    /** Seven-bit texts are what keeps every citizen message within one 160-character SMS. */
    @Test
    void everyMessageToACitizenIsSevenBit() {
        MessageTemplates templates = new MessageTemplates();
        Map<String, String> values = Map.of("trackingCode", "ADN-7KQ2-M9XD", "agency", "pemda-32.73");
        for (Template template : Template.values()) {
            if (template.toCitizen) {
                for (String language : MessageTemplates.LANGUAGES) {
                    assertThat(Gsm7.encodable(templates.render(template, language, values)))
                            .as(template + "/" + language).isTrue();
                }
            }
        }
    }
}
