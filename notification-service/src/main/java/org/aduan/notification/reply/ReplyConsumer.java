package org.aduan.notification.reply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.notification.delivery.DeliveryWorker;
import org.aduan.notification.ledger.EventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes channel.replies: intake asks for an answer on the citizen's channel. */
@ApplicationScoped
public class ReplyConsumer {

    private static final String CONSUMER = "notification-channel-reply";

    @Inject
    EventHandler handler;

    @Inject
    ChannelReplies replies;

    @Inject
    DeliveryWorker worker;

    @Incoming("replies")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        handler.handle(record, CONSUMER, ChannelReplyRequested.TYPE, ChannelReplyRequested.class,
                ReplyConsumer::validate, replies::onReplyRequested);
        worker.wake();
    }

    private static void validate(ChannelReplyRequested request) {
        EventHandler.requireFields(request.replyId(), request.requestedAt(), request.channel(), request.kind(),
                request.recipient());
        if (request.kind() == Kind.STATUS && (request.complaintId().isEmpty() || request.trackingCode().isEmpty())) {
            throw new MalformedEventException("a STATUS reply names no complaint or tracking code", null);
        }
        if (request.kind() == Kind.SUPPLEMENTED && request.trackingCode().isEmpty()) {
            throw new MalformedEventException("a SUPPLEMENTED reply names no tracking code", null);
        }
    }
}
