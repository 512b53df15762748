package org.aduan.notification.agencyalert;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Blocking;

import org.aduan.events.ComplaintRouted;
import org.aduan.events.EventEnvelope;
import org.aduan.notification.ledger.EventHandler;
import org.aduan.notification.template.MessageTemplates;
import org.aduan.notification.template.Template;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * No wrong door, seen from the door: when a complaint that came in through an agency's own channel
 * (its app, its number) is routed to another agency, the entry agency is told where it went, so it
 * neither handles it twice nor wonders where it went.
 */
@ApplicationScoped
public class EntryAgencyAlerts {

    static final String KIND = "ENTRY_FORWARDED";
    private static final String CONSUMER = "notification-entry-agency";

    @Inject
    EventHandler handler;

    @Inject
    MessageTemplates templates;

    @Incoming("routed")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        String eventId = EventEnvelope.fromHeaders(record.headers()).id();
        handler.handle(record, CONSUMER, ComplaintRouted.TYPE, ComplaintRouted.class,
                event -> EventHandler.requireFields(event.complaintId(), event.agencyId()),
                event -> alert(event, eventId));
    }

    private String alert(ComplaintRouted event, String eventId) {
        if (event.entryAgency().isEmpty() || event.entryAgency().get().equals(event.agencyId())) {
            return "no entry agency to tell";
        }
        // staff read the name and the id they know the agency by
        java.util.function.Function<String, Map<String, String>> values = language -> Map.of("complaintId",
                event.complaintId(), "agency", event.agencyName().map(n -> n.in(language) + " (" + event.agencyId() + ")")
                        .orElse(event.agencyId()), "ruleId", event.ruleId());
        AgencyAlert alert = new AgencyAlert();
        alert.eventId = eventId;
        alert.complaintId = event.complaintId();
        alert.agencyId = event.entryAgency().get();
        alert.kind = KIND;
        alert.bodyId = templates.render(Template.ENTRY_FORWARDED, "id", values.apply("id"));
        alert.bodyEn = templates.render(Template.ENTRY_FORWARDED, "en", values.apply("en"));
        alert.createdAt = Instant.now();
        alert.persist();
        return "entry agency " + alert.agencyId + " told that " + event.agencyId() + " acts";
    }
}
