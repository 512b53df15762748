package org.aduan.notification.statusupdate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventJson.MalformedEventException;
import org.aduan.notification.delivery.DeliveryWorker;
import org.aduan.notification.ledger.EventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes complaints.lifecycle: status changes the reporter should hear about. */
@ApplicationScoped
public class LifecycleConsumer {

    private static final String CONSUMER = "notification-status-update";

    @Inject
    EventHandler handler;

    @Inject
    StatusUpdates statusUpdates;

    @Inject
    DeliveryWorker worker;

    @Incoming("lifecycle")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        handler.handle(record, CONSUMER, ComplaintStatusChanged.TYPE, ComplaintStatusChanged.class,
                event -> {
                    EventHandler.requireFields(event.complaintId(), event.status(), event.changedAt());
                    if (StatusUpdates.ROUTED.equals(event.status()) && event.agencyId().isEmpty()) {
                        throw new MalformedEventException("a ROUTED status change names no agency", null);
                    }
                },
                statusUpdates::onStatusChanged);
        worker.wake();
    }
}
