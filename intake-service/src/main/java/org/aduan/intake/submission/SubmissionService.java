package org.aduan.intake.submission;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aduan.events.Attachment;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.intake.attachment.AttachmentStore;
import org.aduan.intake.attachment.ImageSanitizer;
import org.aduan.intake.attachment.SanitizedImage;
import org.aduan.intake.outbox.OutboxEvent;
import org.aduan.intake.outbox.OutboxRelay;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

/**
 * Accepts a complaint: stores it and its {@code ComplaintSubmitted} event in one transaction (the
 * transactional outbox), then publishes the event and waits for the broker's acknowledgement. Once the
 * transaction has committed the complaint is received, whatever the broker does: if the broker is slow
 * or down, the outbox sweep publishes the event when it can, so the citizen's "received" is true and a
 * complaint is never withdrawn after a send that may still arrive.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    static final String SOURCE = "/aduan/intake-service";

    private final OutboxRelay relay;
    private final IdentitySeal seal;
    private final PinHash pins;
    private final Duration publishTimeout;
    private final String trackingUrl;
    private final AttachmentStore attachmentStore;
    private final Clock clock;

    SubmissionService(OutboxRelay relay, IdentitySeal seal, PinHash pins, AttachmentStore attachmentStore, Clock clock,
            @ConfigProperty(name = "aduan.intake.publish-timeout") Duration publishTimeout,
            @ConfigProperty(name = "aduan.intake.public-tracking-url") String trackingUrl) {
        this.attachmentStore = attachmentStore;
        this.clock = clock;
        this.relay = relay;
        this.seal = seal;
        this.pins = pins;
        this.publishTimeout = publishTimeout;
        this.trackingUrl = trackingUrl;
    }

    Receipt submit(ComplaintRequest request, Channel channel, Optional<String> idempotencyKey) {
        return submit(request, channel, idempotencyKey, List.of());
    }

    /** Accepts a complaint with photos already cleaned ({@link ImageSanitizer}); they are stored in its transaction. */
    Receipt submit(ComplaintRequest request, Channel channel, Optional<String> idempotencyKey,
            List<SanitizedImage> photos) {
        if (idempotencyKey.isPresent()) {
            Optional<Receipt> earlier = replay(idempotencyKey.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String pin = TrackingCodes.newPin();
        // Sealing and hashing happen before the transaction, so no connection waits on cryptography.
        Secrets secrets = new Secrets(pins.hash(pin),
                request.reporter().isEmpty() ? Optional.empty() : Optional.of(seal.seal(request.reporter())),
                idempotencyKey.map(k -> seal.sealText(pin).ciphertext()));
        Stored stored;
        try {
            stored = TrackingCodes.retryingOnCollision(() -> QuarkusTransaction.requiringNew()
                    .call(() -> store(request, channel, idempotencyKey, secrets, photos)));
        } catch (RuntimeException e) {
            if (!(e instanceof PersistenceException) && !(e.getCause() instanceof PersistenceException)) {
                throw e;
            }
            // A concurrent request with the same Idempotency-Key won the race: answer as it did.
            return idempotencyKey.flatMap(this::replay).orElseThrow(() -> e);
        }
        try {
            relay.publish(stored.event(), publishTimeout);
        } catch (RuntimeException e) {
            // Committed with its event: the outbox sweep publishes it shortly. Withdrawing it here would
            // be worse: a send that timed out may still reach the broker, and the citizen who was told
            // "nothing was saved" would send it again.
            LOG.warnf("complaintId=%s left to the outbox sweep: the broker did not acknowledge it in %s (%s)",
                    stored.complaint().id, publishTimeout, e.getMessage());
        }
        LOG.infof("complaintId=%s accepted on %s", stored.complaint().id, channel);
        return receipt(stored.complaint(), pin, stored.attachments());
    }

    Optional<Receipt> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ComplaintEntity.<ComplaintEntity>findByIdOptional(id)
                .map(c -> receipt(c, null, attachmentStore.of(c.id))));
    }

    private Stored store(ComplaintRequest request, Channel channel, Optional<String> idempotencyKey, Secrets secrets,
            List<SanitizedImage> photos) {
        ComplaintEntity c = new ComplaintEntity();
        c.id = UUID.randomUUID();
        c.trackingCode = ComplaintEntity.newTrackingCode();
        c.idempotencyKey = idempotencyKey.orElse(null);
        c.pinSealed = secrets.pinSealed().orElse(null);
        c.channel = channel.name();
        c.entryAgency = request.entryAgency().orElse(null);
        c.language = request.language();
        c.title = request.title().orElse(null);
        c.text = request.text();
        c.category = request.category().orElse(null);
        c.regionCode = request.location().regionCode().orElse(null);
        c.locationDescription = request.location().description().orElse(null);
        c.anonymous = request.anonymous();
        c.confidential = request.confidential();
        Optional<SealedIdentity> reporter = secrets.reporter();
        c.reporterSealed = reporter.map(SealedIdentity::ciphertext).orElse(null);
        c.submittedAt = clock.instant();
        request.location().point().ifPresent(p -> {
            c.pointLatitude = p.latitude();
            c.pointLongitude = p.longitude();
        });
        c.persist();
        c.flush(); // a taken tracking code or Idempotency-Key fails here, before the photos are written
        List<Attachment> attachments = photos.stream().map(p -> attachmentStore.store(c.id, p, c.submittedAt)).toList();
        ComplaintSubmitted event = new ComplaintSubmitted(c.id.toString(), c.trackingCode, secrets.pinHash(),
                c.submittedAt, channel, request.entryAgency(), c.language, request.title(), c.text,
                request.category(), request.location(), c.anonymous, c.confidential, reporter, attachments,
                Optional.empty());
        OutboxEvent row = OutboxEvent.record(Topics.SUBMITTED, event, SOURCE, c.submittedAt);
        return new Stored(c, row, attachments);
    }

    private Optional<Receipt> replay(String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> ComplaintEntity.byIdempotencyKey(idempotencyKey)
                .map(c -> receipt(c, c.pinSealed == null ? null : seal.openText(new SealedIdentity(seal.keyId(), c.pinSealed)),
                        attachmentStore.of(c.id))));
    }

    private Receipt receipt(ComplaintEntity c, String pin, List<Attachment> attachments) {
        return new Receipt(c.id, c.trackingCode, pin, "RECEIVED", c.submittedAt,
                Receipt.acknowledgement(c.language, c.trackingCode), URI.create(trackingUrl + "/" + c.trackingCode),
                attachments.isEmpty() ? null : attachments);
    }


    /** PINs are kept sealed only for idempotent replays of the same request; after a day they go. */
    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldPins() {
        QuarkusTransaction.requiringNew().run(() -> ComplaintEntity.update(
                "pinSealed = null where pinSealed is not null and submittedAt < ?1",
                Instant.now().minus(Duration.ofDays(1))));
    }

    private record Stored(ComplaintEntity complaint, OutboxEvent event, List<Attachment> attachments) {
    }

    private record Secrets(String pinHash, Optional<SealedIdentity> reporter, Optional<String> pinSealed) {
    }
}
