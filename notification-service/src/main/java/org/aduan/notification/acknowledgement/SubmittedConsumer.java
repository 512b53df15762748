package org.aduan.notification.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.notification.contact.ConversationActivity;
import org.aduan.notification.delivery.DeliveryWorker;
import org.aduan.notification.ledger.EventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes complaints.submitted: every new complaint is acknowledged to its reporter; a supplement
 * (the citizen wrote again) keeps their conversation fresh.
 */
@ApplicationScoped
public class SubmittedConsumer {

    private static final String CONSUMER = "notification-acknowledgement";
    private static final String SUPPLEMENT_CONSUMER = "notification-supplement";

    @Inject
    EventHandler handler;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    ConversationActivity activity;

    @Inject
    DeliveryWorker worker;

    @Incoming("submitted")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        handler.handle(record, CONSUMER, ComplaintSubmitted.TYPE, ComplaintSubmitted.class,
                event -> EventHandler.requireFields(event.complaintId(), event.trackingCode(), event.channel(),
                        event.language(), event.submittedAt()),
                acknowledgements::acknowledge);
        handler.handle(record, SUPPLEMENT_CONSUMER, ComplaintSupplemented.TYPE, ComplaintSupplemented.class,
                event -> EventHandler.requireFields(event.complaintId(), event.supplementedAt()),
                activity::onSupplemented);
        worker.wake(); // send what this event recorded now, on the worker's thread
    }
}
