package org.aduan.routing.decision;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.aduan.events.ComplaintSubmitted;

/** What routing read of a complaint, kept so that a transfer can route it again. */
@Entity
@Table(name = "routing_input")
public class RoutingInput extends PanacheEntityBase {

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(nullable = false)
    public String text;

    public String location;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "entry_agency")
    public String entryAgency;

    @Column(name = "chosen_category")
    public String chosenCategory;

    @Column(nullable = false)
    public String language;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    public static RoutingInput of(ComplaintSubmitted complaint) {
        RoutingInput input = new RoutingInput();
        input.complaintId = complaint.complaintId();
        input.text = complaint.title().map(t -> t + "\n").orElse("") + complaint.text();
        input.location = complaint.location().description().orElse(null);
        input.regionCode = complaint.location().regionCode().orElse(null);
        input.entryAgency = complaint.entryAgency().orElse(null);
        input.chosenCategory = complaint.category().orElse(null);
        input.language = complaint.language();
        input.submittedAt = complaint.submittedAt();
        return input;
    }

    public RoutingRequest request() {
        return new RoutingRequest(text, Optional.ofNullable(location), Optional.ofNullable(regionCode),
                Optional.ofNullable(entryAgency), Optional.ofNullable(chosenCategory), language);
    }
}
