package org.aduan.intake.sms.kannel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kannel smsbox's {@code sms-service} calls intake with this secret in the path (Kannel signs nothing). */
@ConfigMapping(prefix = "aduan.channels.kannel")
public interface KannelConfig {

    /** The secret path segment ({@code ADUAN_KANNEL_TOKEN}). */
    String token();

    /** Country code for national numbers ({@code 0812...} is {@code +62812...}). */
    @WithDefault("62")
    String countryCode();

    /** Query string or form body: a 1,600-character UCS-2 SMS percent-encoded is about 10 KB. */
    @WithDefault("32768")
    int maxBodyBytes();
}
