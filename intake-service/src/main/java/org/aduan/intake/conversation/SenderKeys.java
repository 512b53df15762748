package org.aduan.intake.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.aduan.events.Channel;
import org.aduan.intake.channel.Signatures;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A keyed hash of channel + address: lets intake recognise the same sender again (conversation window,
 * STATUS of one's own complaint, rate limits) without keeping the phone number or chat id in the clear.
 */
@ApplicationScoped
public class SenderKeys {

    private final byte[] key;

    SenderKeys(@ConfigProperty(name = "aduan.channels.sender-key") String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalArgumentException("aduan.channels.sender-key must be at least 32 bytes, got " + raw.length);
        }
        this.key = raw;
    }

    public String of(Channel channel, String address) {
        return java.util.HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", key, (channel.name() + ":" + address).getBytes(StandardCharsets.UTF_8)));
    }
}
