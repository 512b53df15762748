package org.aduan.notification.delivery;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One try at handing a message to its provider. Holds no personal data: no address, no provider echo of it. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    /** How one attempt ended. */
    public enum Outcome {
        SENT, TRANSIENT_FAILURE, PERMANENT_FAILURE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id")
    public Long messageId;

    /** 1 for the first attempt. */
    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public String error;

    public static List<DeliveryAttempt> forMessage(Long messageId) {
        return list("messageId = ?1 order by attempt", messageId);
    }
}
