package org.aduan.notification.channel;

import java.util.regex.Pattern;

/**
 * Provider error texts, made safe to store: providers echo the recipient ("The 'To' number +62... is
 * not a valid phone number"), so the address and every long run of digits are masked, and the text
 * is cut short.
 */
public final class ErrorText {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d ]{5,}\\d");
    private static final int MAX = 300;

    private ErrorText() {
    }

    public static String clean(String text, String recipient) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String cleaned = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (recipient != null && !recipient.isBlank()) {
            cleaned = cleaned.replace(recipient, "[recipient]");
            String digits = recipient.replaceAll("\\D", "");
            if (digits.length() >= 4) {
                cleaned = cleaned.replace(digits, "[recipient]");
            }
        }
        cleaned = LONG_NUMBER.matcher(cleaned).replaceAll("[number]");
        return cleaned.length() > MAX ? cleaned.substring(0, MAX) + "…" : cleaned;
    }
}
