package org.aduan.intake.channel;

import java.util.Optional;
import java.util.regex.Pattern;

/** Sender numbers as E.164 with {@code +}, the form every reply and every sender key uses. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,14}");

    private PhoneNumbers() {
    }

    /**
     * {@code +6281234567890}, {@code 6281234567890}, {@code 006281234567890} and the national
     * {@code 081234567890} (with {@code countryCode} 62) are the same number; anything else (an
     * alphanumeric sender id, a short code) is not a number a citizen can be answered on.
     */
    public static Optional<String> e164(String raw, String countryCode) {
        String s = raw.strip().replaceAll("[\\s().-]", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (s.startsWith("0")) {
            s = "+" + countryCode + s.substring(1);
        } else if (!s.startsWith("+")) {
            s = "+" + s;
        }
        return E164.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
