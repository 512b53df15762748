package org.aduan.notification.contact;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.notification.channel.ChannelSenders;
import org.aduan.notification.channel.Route;
import org.aduan.notification.message.MessageKind;
import org.aduan.notification.message.Messages;
import org.aduan.notification.message.NewMessage;

/** Messages about a complaint, to its reporter, back the way the complaint came in. */
@ApplicationScoped
public class ContactMessages {

    @Inject
    ChannelSenders senders;

    @Inject
    Messages messages;

    /** How messages to this reporter leave; absent for web and API complaints (on screen only). */
    public Optional<Route> route(ComplaintContact contact) {
        return senders.route(contact.channel, contact.origin());
    }

    /** Records the message; {@code false} when one with this dedup key exists. */
    public boolean record(ComplaintContact contact, MessageKind kind, String dedupKey, String body) {
        return messages.record(new NewMessage(dedupKey, Optional.of(contact.complaintId), Optional.empty(), kind,
                contact.channel, contact.language, contact.recipient(), route(contact), body, Optional.empty()));
    }
}
