package org.aduan.notification.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintSubmitted;
import org.aduan.notification.ledger.EventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes complaints.submitted: every new complaint is acknowledged to its reporter. */
@ApplicationScoped
public class SubmittedConsumer {

    private static final String CONSUMER = "notification-acknowledgement";

    @Inject
    EventHandler handler;

    @Inject
    Acknowledgements acknowledgements;

    @Incoming("submitted")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        handler.handle(record, CONSUMER, ComplaintSubmitted.TYPE, ComplaintSubmitted.class,
                event -> EventHandler.requireFields(event.complaintId(), event.trackingCode(), event.channel(),
                        event.language()),
                acknowledgements::acknowledge);
    }
}
