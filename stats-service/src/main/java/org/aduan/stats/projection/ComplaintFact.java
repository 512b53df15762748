package org.aduan.stats.projection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The anonymised facts of one complaint that statistics are counted from. There is deliberately no
 * field for free text or the reporter: what is not stored cannot leak.
 */
@Entity
@Table(name = "complaint_fact")
public class ComplaintFact extends PanacheEntityBase {

    /** Counted when the category, province or channel is not known. */
    public static final String UNKNOWN = "unknown";

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    public String category;

    @Column(name = "province_code")
    public String provinceCode;

    public String channel;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public String status;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "routing_outcome")
    public String routingOutcome;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
