package org.aduan.events.identity;

import java.util.Optional;

/**
 * Who complained and how to answer them. Travels only sealed ({@link SealedIdentity}).
 *
 * @param name           as given
 * @param phone          E.164 or local number
 * @param email          e-mail address
 * @param channelAddress the address on the channel the complaint came in on (phone for SMS/WhatsApp,
 *                       chat id for Telegram, user id for X)
 */
public record Reporter(Optional<String> name, Optional<String> phone, Optional<String> email,
        Optional<String> channelAddress) {
    public Reporter {
        name = name == null ? Optional.empty() : name;
        phone = phone == null ? Optional.empty() : phone;
        email = email == null ? Optional.empty() : email;
        channelAddress = channelAddress == null ? Optional.empty() : channelAddress;
    }

    public boolean isEmpty() {
        return name.isEmpty() && phone.isEmpty() && email.isEmpty() && channelAddress.isEmpty();
    }
}
