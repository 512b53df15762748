package org.aduan.notification.reply;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.EventJson;
import org.aduan.notification.channel.ChannelSenders;
import org.aduan.notification.contact.ComplaintContact;
import org.aduan.notification.contact.ComplaintLocks;
import org.aduan.notification.message.MessageKind;
import org.aduan.notification.message.Messages;
import org.aduan.notification.message.NewMessage;
import org.aduan.notification.statusupdate.ComplaintState;
import org.aduan.notification.statusupdate.StatusTexts;
import org.aduan.notification.statusupdate.StatusUpdates;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;

/**
 * Answers what a citizen sent on SMS or chat when intake asks for it: usage help, the status of their
 * complaint, "not found", "added to your complaint", a rate limit or a rejected message. The answer
 * goes in the request's language, back through the provider and number the message came in on.
 * One request, one answer: the reply id is the message's dedup key.
 */
@ApplicationScoped
public class ChannelReplies {

    @Inject
    ComplaintLocks locks;

    @Inject
    Messages messages;

    @Inject
    MessageTemplates templates;

    @Inject
    StatusTexts statusTexts;

    @Inject
    StatusUpdates statusUpdates;

    @Inject
    ChannelSenders senders;

    @Inject
    Clock clock;

    public String onReplyRequested(ChannelReplyRequested request) {
        ComplaintContact contact = null;
        if (request.complaintId().isPresent()) {
            locks.lock(request.complaintId().get());
            contact = ComplaintContact.findById(request.complaintId().get());
            if (contact != null) {
                contact.touch(request.requestedAt()); // the citizen just wrote: the conversation is fresh
            }
        }
        if (request.kind() == Kind.STATUS && contact == null) {
            PendingReply pending = new PendingReply();
            pending.replyId = request.replyId();
            pending.complaintId = request.complaintId().orElseThrow();
            pending.event = EventJson.write(request);
            pending.createdAt = clock.instant();
            if (PendingReply.findById(request.replyId()) == null) {
                pending.persist();
            }
            return "STATUS enquiry kept until the complaint arrives";
        }
        return answer(request) ? "reply " + request.kind() + " recorded" : "reply already recorded";
    }

    /** Answers the STATUS enquiries that came before their complaint; the caller holds the complaint's lock. */
    public int releasePending(ComplaintContact contact) {
        List<PendingReply> pending = PendingReply.forComplaint(contact.complaintId);
        for (PendingReply reply : pending) {
            ChannelReplyRequested request = EventJson.read(reply.event, ChannelReplyRequested.class);
            contact.touch(request.requestedAt());
            answer(request);
            reply.delete();
        }
        return pending.size();
    }

    private boolean answer(ChannelReplyRequested request) {
        String language = MessageTemplates.supported(request.language());
        String body = switch (request.kind()) {
            case HELP -> templates.render(Template.REPLY_HELP, language, Map.of());
            case STATUS -> status(request, language);
            case NOT_FOUND -> templates.render(Template.REPLY_NOT_FOUND, language, Map.of());
            case SUPPLEMENTED -> templates.render(Template.REPLY_SUPPLEMENTED, language,
                    Map.of("trackingCode", request.trackingCode().orElseThrow()));
            case RATE_LIMITED -> templates.render(Template.REPLY_RATE_LIMITED, language, Map.of());
            case REJECTED -> templates.render(Template.rejected(request.reason().orElse(null)), language, Map.of());
        };
        return messages.record(new NewMessage("reply:" + request.replyId(), request.complaintId(),
                Optional.of(request.replyId()), MessageKind.reply(request.kind()), request.channel(), language,
                Optional.of(request.recipient()), senders.route(request.channel(), request.origin()), body,
                Optional.of(request.requestedAt())));
    }

    /** The complaint's latest status as notification knows it; only the complaint itself: received. */
    private String status(ChannelReplyRequested request, String language) {
        Optional<ComplaintState> state = statusUpdates.latest(request.complaintId().orElseThrow());
        return statusTexts.render(state.map(s -> s.status).orElse("RECEIVED"), state.map(s -> s.agencyId).orElse(null),
                state.flatMap(ComplaintState::agencyName), request.trackingCode().orElseThrow(), language);
    }
}
