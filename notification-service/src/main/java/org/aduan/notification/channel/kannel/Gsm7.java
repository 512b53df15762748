package org.aduan.notification.channel.kannel;

/**
 * Whether a text fits the GSM 03.38 7-bit alphabet (basic set plus extension table). Anything else
 * must go as UCS-2 ({@code coding=2}), which halves what one SMS holds.
 */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    static boolean encodable(String text) {
        return text.codePoints().allMatch(c -> c < 0x10000
                && (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0));
    }
}
