package org.aduan.notification.delivery;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.Channel;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.Reporter;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.notification.message.OutboundMessage;

/**
 * Opens a message's sealed recipient, at the moment of sending and nowhere else. The address lives
 * in memory for one send; it is never logged, stored or returned by the API.
 */
@ApplicationScoped
class Recipients {

    @Inject
    IdentitySeal seal;

    /** Why a message has nobody to go to. */
    static final class NoRecipient extends Exception {
        final String reason;

        NoRecipient(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    String open(OutboundMessage message) throws NoRecipient {
        if (message.recipientSealed == null || message.recipientKeyId == null) {
            throw new NoRecipient("no-recipient");
        }
        SealedIdentity sealed = new SealedIdentity(message.recipientKeyId, message.recipientSealed);
        if (!seal.keyId().equals(sealed.keyId())) {
            // sealed with a key this service does not hold (rotated away, or shredded)
            throw new NoRecipient("recipient-unreadable");
        }
        Optional<String> address;
        try {
            Reporter reporter = seal.open(sealed);
            address = reporter.channelAddress()
                    .or(() -> message.channel == Channel.SMS || message.channel == Channel.WHATSAPP
                            ? reporter.phone() : Optional.empty());
        } catch (IllegalStateException notAReporter) {
            // a bare channel address sealed as text rather than a Reporter: accepted as well
            try {
                address = Optional.of(seal.openText(sealed));
            } catch (RuntimeException unreadable) {
                throw new NoRecipient("recipient-unreadable");
            }
        } catch (RuntimeException corrupt) {
            throw new NoRecipient("recipient-unreadable"); // not even base64
        }
        return address.map(String::strip).filter(a -> !a.isEmpty())
                .orElseThrow(() -> new NoRecipient("no-recipient"));
    }
}
