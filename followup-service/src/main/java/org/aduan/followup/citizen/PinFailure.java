package org.aduan.followup.citizen;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One wrong (or missing) PIN: for which tracking code, from which address, when. */
@Entity
@Table(name = "pin_failure")
public class PinFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(name = "client_ip")
    public String clientIp;

    @Column(name = "failed_at")
    public Instant failedAt;
}
