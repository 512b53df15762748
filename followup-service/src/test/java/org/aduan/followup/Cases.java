package org.aduan.followup;

import static org.aduan.followup.KafkaTestSupport.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.aduan.followup.lifecycle.ComplaintCase;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Complaints brought to a status the way the other services would, and what followup published about them. */
final class Cases {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestSupport.TopicReader lifecycle;

    private Cases() {
    }

    /** A submitted complaint: its id and tracking code (PIN {@link TestComplaints#PIN}). */
    record Complaint(String id, String trackingCode) {
    }

    /** Submitted and routed to {@code agencyId}, waited for until the case is ROUTED. */
    static Complaint routedTo(String agencyId) {
        return routedTo(agencyId, false);
    }

    static Complaint routedTo(String agencyId, boolean confidential) {
        Complaint complaint = new Complaint(TestComplaints.newId(), TestComplaints.newTrackingCode());
        publish(Topics.SUBMITTED, TestComplaints.submitted(complaint.id(), complaint.trackingCode(), confidential));
        publish(Topics.ROUTED, TestComplaints.routed(complaint.id(), agencyId));
        awaitStatus(complaint, "ROUTED");
        return complaint;
    }

    /**
     * Waits for the case to reach {@code status}, reading the database: polling the citizen API before
     * the case exists would count as wrong PINs (and lock the code, as it should).
     */
    static void awaitStatus(Complaint complaint, String status) {
        awaitStatus(complaint.trackingCode(), status);
    }

    static void awaitStatus(String trackingCode, String status) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ComplaintCase
                .byTrackingCode(trackingCode).map(c -> c.status.name()).orElse("none")), equalTo(status));
    }

    /** Waits until followup has opened the case of {@code trackingCode}. */
    static void awaitCase(String trackingCode) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ComplaintCase.byTrackingCode(trackingCode).isPresent()));
    }

    /** A fresh client address, so tests that get PINs wrong never lock each other out. */
    static String newAddress() {
        int[] b = UUID.randomUUID().toString().chars().limit(3).toArray();
        return "10." + (b[0] % 250) + "." + (b[1] % 250) + "." + (1 + b[2] % 250);
    }

    static synchronized KafkaTestSupport.TopicReader lifecycle() {
        if (lifecycle == null) {
            lifecycle = new KafkaTestSupport.TopicReader(Topics.LIFECYCLE);
        }
        return lifecycle;
    }

    static List<ConsumerRecord<String, String>> lifecycleRecords(String complaintId) {
        return lifecycle().records().stream().filter(r -> complaintId.equals(r.key())).toList();
    }

    static List<ComplaintStatusChanged> statusChanges(String complaintId) {
        return lifecycleRecords(complaintId).stream()
                .filter(r -> ComplaintStatusChanged.TYPE.equals(EventEnvelope.fromHeaders(r.headers()).type()))
                .map(r -> EventJson.read(r.value(), ComplaintStatusChanged.class))
                .toList();
    }

    static List<ComplaintEscalated> escalations(String complaintId) {
        return lifecycleRecords(complaintId).stream()
                .filter(r -> ComplaintEscalated.TYPE.equals(EventEnvelope.fromHeaders(r.headers()).type()))
                .map(r -> EventJson.read(r.value(), ComplaintEscalated.class))
                .toList();
    }
}
