package org.aduan.routing.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of the agency directory. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "name_id", nullable = false)
    public String nameId;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyLevel level;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "parent_id")
    public String parentId;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] categories;

    @Column(nullable = false)
    public boolean autonomous;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public AgencyInfo info() {
        return new AgencyInfo(id, nameId, nameEn, level, Optional.ofNullable(regionCode), Optional.ofNullable(parentId),
                List.of(categories), autonomous, active);
    }
}
