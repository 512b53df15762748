package org.aduan.followup.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A resolution document the agency keeps in its own storage, referenced from the case; the citizen sees it. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id")
    public String complaintId;

    public String name;

    /** Where the document is: an https URL or a storage URI of the agency's system. */
    public String reference;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public static List<CaseDocument> of(String complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
