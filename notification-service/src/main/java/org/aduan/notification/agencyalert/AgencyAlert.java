package org.aduan.notification.agencyalert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message to an agency, in Indonesian and English. */
@Entity
@Table(name = "agency_alert")
public class AgencyAlert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "complaint_id", nullable = false)
    public String complaintId;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "body_id", nullable = false)
    public String bodyId;

    @Column(name = "body_en", nullable = false)
    public String bodyEn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
