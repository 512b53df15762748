package org.aduan.intake.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.aduan.events.Attachment;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;
import org.aduan.events.identity.Reporter;
import org.aduan.events.identity.SealedIdentity;
import org.aduan.intake.attachment.AttachmentStore;
import org.aduan.intake.attachment.ImageSanitizer;
import org.aduan.intake.attachment.PhotoRejectedException;
import org.aduan.intake.attachment.PhotoSource;
import org.aduan.intake.attachment.SanitizedImage;
import org.aduan.intake.outbox.OutboxEvent;
import org.aduan.intake.outbox.OutboxRelay;
import org.aduan.intake.ratelimit.RateLimiter;
import org.aduan.intake.submission.ComplaintEntity;
import org.aduan.intake.submission.TrackingCodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Turns one inbound SMS or chat message into exactly one outcome, in one transaction with its outbox
 * rows: a retried delivery (same provider message id) changes nothing; a sender over the rate limit is
 * told so once an hour, then ignored; {@code INFO}/{@code BANTUAN}/{@code HELP} and
 * {@code STATUS}/{@code CEK <code>} are answered; a message within the conversation window after the
 * sender's last complaint message adds to that complaint; anything else is a new complaint.
 * Messages of one sender are handled one at a time (a transaction-scoped advisory lock), so two quick
 * messages never open two complaints.
 */
@ApplicationScoped
public class ConversationService {

    private static final Logger LOG = Logger.getLogger(ConversationService.class);
    static final String SOURCE = "/aduan/intake-service";
    static final int MAX_TEXT = 10_000;
    /** Inbound message ids are kept long enough to outlive any provider's retries (WhatsApp: 7 days). */
    private static final Duration KEEP_INBOUND = Duration.ofDays(30);

    /** What became of a message (for logs and tests; every outcome answers the webhook with 200). */
    public enum Outcome {
        DUPLICATE, RATE_LIMITED, HELP, STATUS, NOT_FOUND, SUPPLEMENTED, CREATED, REJECTED
    }

    private final EntityManager em;
    private final OutboxRelay relay;
    private final IdentitySeal seal;
    private final PinHash pins;
    private final SenderKeys senderKeys;
    private final RateLimiter limiter;
    private final ImageSanitizer images;
    private final AttachmentStore attachments;
    private final Clock clock;
    private final Duration window;
    private final List<RateLimiter.Limit> limits;
    private final Duration noticeEvery;
    private final Duration publishTimeout;

    ConversationService(EntityManager em, OutboxRelay relay, IdentitySeal seal, PinHash pins, SenderKeys senderKeys,
            RateLimiter limiter, ImageSanitizer images, AttachmentStore attachments, Clock clock,
            @ConfigProperty(name = "aduan.channels.conversation-window") Duration window,
            @ConfigProperty(name = "aduan.channels.rate-limit.per-minute") int perMinute,
            @ConfigProperty(name = "aduan.channels.rate-limit.per-day") int perDay,
            @ConfigProperty(name = "aduan.channels.rate-limit.notice-every") Duration noticeEvery,
            @ConfigProperty(name = "aduan.intake.publish-timeout") Duration publishTimeout) {
        this.em = em;
        this.relay = relay;
        this.seal = seal;
        this.pins = pins;
        this.senderKeys = senderKeys;
        this.limiter = limiter;
        this.images = images;
        this.attachments = attachments;
        this.clock = clock;
        this.window = window;
        this.limits = List.of(new RateLimiter.Limit(Duration.ofMinutes(1), perMinute),
                new RateLimiter.Limit(Duration.ofDays(1), perDay));
        this.noticeEvery = noticeEvery;
        this.publishTimeout = publishTimeout;
    }

    /**
     * Handles one message. Photos are downloaded and cleaned before the transaction, and only when the
     * message is new and not a command.
     *
     * @throws org.aduan.intake.attachment.MediaUnavailableException when a photo cannot be fetched right
     *         now; nothing is recorded, so the provider's retry is handled as new
     */
    public Outcome handle(InboundMessage message) {
        String senderKey = senderKeys.of(message.channel(), message.senderAddress());
        if (seen(message)) {
            return Outcome.DUPLICATE;
        }
        Command command = Command.parse(message.text());
        List<SanitizedImage> photos = new ArrayList<>();
        Set<String> rejections = new LinkedHashSet<>();
        if (command instanceof Command.None) {
            for (PhotoSource source : message.photos()) {
                try {
                    photos.add(images.sanitize(source.fetch(images.maxBytes())));
                } catch (PhotoRejectedException e) {
                    rejections.add(e.reason());
                }
            }
        }
        // Cryptography before the transaction, so that no connection waits on it.
        SealedIdentity reporter = seal.seal(new Reporter(message.senderName(),
                message.senderIsPhone() ? Optional.of(message.senderAddress()) : Optional.empty(), Optional.empty(),
                Optional.of(message.senderAddress())));
        String pinHash = pins.hash(ComplaintEntity.unusedPin());
        Handled handled = TrackingCodes.retryingOnCollision(() -> QuarkusTransaction.requiringNew()
                .call(() -> new Turn(message, senderKey, reporter, pinHash).decide(command, photos, rejections)));
        for (OutboxEvent row : handled.rows()) {
            try {
                relay.publish(row, publishTimeout);
            } catch (RuntimeException e) {
                // Committed with the message: the outbox sweep publishes it shortly.
                LOG.warnf("complaintId=%s %s left to the outbox sweep: %s", handled.complaintId().orElse("-"),
                        row.eventType, e.getMessage());
            }
        }
        LOG.infof("complaintId=%s %s message on %s: %s", handled.complaintId().orElse("-"), message.provider(),
                message.channel(), handled.outcome());
        return handled.outcome();
    }

    private boolean seen(InboundMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM inbound_message WHERE provider = :p AND message_key = :k")
                .setParameter("p", message.provider()).setParameter("k", message.deliveryKey())
                .getSingleResult()).longValue() > 0);
    }

    private record Handled(Outcome outcome, List<OutboxEvent> rows, Optional<String> complaintId) {
    }

    /** One message's decision, inside its transaction. */
    private final class Turn {
        private final InboundMessage message;
        private final String senderKey;
        private final SealedIdentity recipient;
        private final String pinHash;
        private final Instant now = clock.instant();
        private final List<OutboxEvent> rows = new ArrayList<>();

        Turn(InboundMessage message, String senderKey, SealedIdentity recipient, String pinHash) {
            this.message = message;
            this.senderKey = senderKey;
            this.recipient = recipient;
            this.pinHash = pinHash;
        }

        Handled decide(Command command, List<SanitizedImage> photos, Set<String> rejections) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))) l")
                    .setParameter("k", senderKey).getSingleResult();
            int inserted = em.createNativeQuery("""
                    INSERT INTO inbound_message (provider, message_key, channel, sender_key, received_at, outcome)
                    VALUES (:p, :k, :c, :s, :at, 'PENDING') ON CONFLICT DO NOTHING""")
                    .setParameter("p", message.provider()).setParameter("k", message.deliveryKey())
                    .setParameter("c", message.channel().name()).setParameter("s", senderKey)
                    .setParameter("at", now).executeUpdate();
            if (inserted == 0) {
                return new Handled(Outcome.DUPLICATE, List.of(), Optional.empty());
            }
            if (!limiter.hit("sender:" + senderKey, limits).allowed()) {
                if (noticeDue()) {
                    reply(Kind.RATE_LIMITED, hintOr(LanguageGuess.detect(message.text())), null, Optional.empty());
                }
                return done(Outcome.RATE_LIMITED, null);
            }
            if (command instanceof Command.Help help) {
                reply(Kind.HELP, help.language(), null, Optional.empty());
                return done(Outcome.HELP, null);
            }
            if (command instanceof Command.Status status) {
                Optional<ComplaintEntity> own = ComplaintEntity.<ComplaintEntity>find(
                        "trackingCode = ?1 and senderKey = ?2", status.trackingCode(), senderKey).firstResultOptional();
                String language = LanguageGuess.fromHint(message.languageHint()).or(status::language)
                        .orElse(own.map(c -> c.language).orElse("id"));
                if (own.isPresent()) {
                    reply(Kind.STATUS, language, own.get(), Optional.empty());
                    return done(Outcome.STATUS, own.get());
                }
                reply(Kind.NOT_FOUND, language, null, Optional.empty());
                return done(Outcome.NOT_FOUND, null);
            }
            String text = message.text().strip();
            if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                reply(Kind.REJECTED, hintOr(LanguageGuess.detect(text)), null, Optional.of("too-long"));
                return done(Outcome.REJECTED, null);
            }
            if (text.isEmpty() && photos.isEmpty() && message.point().isEmpty()) {
                String language = hintOr("id");
                if (rejections.isEmpty()) {
                    reply(Kind.HELP, language, null, Optional.empty());
                    return done(Outcome.HELP, null);
                }
                rejections.forEach(reason -> reply(Kind.REJECTED, language, null, Optional.of(reason)));
                return done(Outcome.REJECTED, null);
            }
            Optional<ComplaintEntity> open = ComplaintEntity.<ComplaintEntity>find(
                    "senderKey = ?1 and lastMessageAt >= ?2 order by lastMessageAt desc", senderKey, now.minus(window))
                    .firstResultOptional();
            if (open.isPresent()) {
                return supplement(open.get(), text, photos, rejections);
            }
            return create(text, photos, rejections);
        }

        private Handled supplement(ComplaintEntity complaint, String text, List<SanitizedImage> photos,
                Set<String> rejections) {
            complaint.lastMessageAt = now;
            List<Attachment> stored = photos.stream().map(p -> attachments.store(complaint.id, p, now)).toList();
            rows.add(OutboxEvent.record(Topics.SUBMITTED, new ComplaintSupplemented(complaint.id.toString(),
                    complaint.trackingCode, now, message.channel(), text, stored, message.point(),
                    Optional.of(origin())), SOURCE, now));
            String language = hintOr(complaint.language);
            reply(Kind.SUPPLEMENTED, language, complaint, Optional.empty());
            rejections.forEach(reason -> reply(Kind.REJECTED, language, complaint, Optional.of(reason)));
            return done(Outcome.SUPPLEMENTED, complaint);
        }

        private Handled create(String text, List<SanitizedImage> photos, Set<String> rejections) {
            String language = LanguageGuess.of(message.languageHint(), text);
            ComplaintEntity c = new ComplaintEntity();
            c.id = UUID.randomUUID();
            c.trackingCode = ComplaintEntity.newTrackingCode();
            c.channel = message.channel().name();
            c.language = language;
            c.text = text.isEmpty() ? placeholder(language, photos.isEmpty()) : text;
            c.anonymous = false;
            c.confidential = false;
            c.reporterSealed = recipient.ciphertext();
            c.submittedAt = now;
            c.senderKey = senderKey;
            c.originProvider = message.provider();
            c.lastMessageAt = now;
            message.point().ifPresent(p -> {
                c.pointLatitude = p.latitude();
                c.pointLongitude = p.longitude();
            });
            c.persist();
            c.flush(); // a taken tracking code fails here (the caller retries with a new one)
            List<Attachment> stored = photos.stream().map(p -> attachments.store(c.id, p, now)).toList();
            rows.add(OutboxEvent.record(Topics.SUBMITTED, new ComplaintSubmitted(c.id.toString(), c.trackingCode,
                    pinHash, now, message.channel(), Optional.empty(), language, Optional.empty(), c.text,
                    Optional.empty(), new Location(Optional.empty(), Optional.empty(), message.point()), false, false,
                    Optional.of(recipient), stored, Optional.of(origin())), SOURCE, now));
            // The acknowledgement with the tracking code is notification's answer to ComplaintSubmitted.
            rejections.forEach(reason -> reply(Kind.REJECTED, language, c, Optional.of(reason)));
            return done(Outcome.CREATED, c);
        }

        /** A photo or a point without words still makes a complaint; routing then sends it to triage. */
        private static String placeholder(String language, boolean pointOnly) {
            if (pointOnly) {
                return "en".equals(language) ? "(location shared without a description)"
                        : "(lokasi dikirim tanpa keterangan)";
            }
            return "en".equals(language) ? "(photo sent without a description)" : "(foto dikirim tanpa keterangan)";
        }

        /** True at most once per {@code noticeEvery} for this sender. */
        private boolean noticeDue() {
            return em.createNativeQuery("""
                    INSERT INTO sender_notice (sender_key, rate_limited_reply_at) VALUES (:k, :now)
                    ON CONFLICT (sender_key) DO UPDATE SET rate_limited_reply_at = :now
                    WHERE sender_notice.rate_limited_reply_at <= :due""")
                    .setParameter("k", senderKey).setParameter("now", now)
                    .setParameter("due", now.minus(noticeEvery)).executeUpdate() == 1;
        }

        private String hintOr(String fallback) {
            return LanguageGuess.fromHint(message.languageHint()).orElse(fallback);
        }

        private void reply(Kind kind, String language, ComplaintEntity about, Optional<String> reason) {
            ChannelReplyRequested reply = new ChannelReplyRequested(UUID.randomUUID().toString(), now,
                    message.channel(), language, kind, recipient, Optional.of(origin()),
                    Optional.ofNullable(about).map(c -> c.trackingCode),
                    Optional.ofNullable(about).map(c -> c.id.toString()), reason);
            rows.add(OutboxEvent.record(Topics.CHANNEL_REPLIES, reply, SOURCE, now));
        }

        private ChannelOrigin origin() {
            return new ChannelOrigin(message.provider(), message.serviceAddress(), message.gateway(),
                    Optional.of(message.messageId()));
        }

        private Handled done(Outcome outcome, ComplaintEntity complaint) {
            em.createNativeQuery("UPDATE inbound_message SET outcome = :o, complaint_id = CAST(:c AS uuid) "
                    + "WHERE provider = :p AND message_key = :k")
                    .setParameter("o", outcome.name())
                    .setParameter("c", complaint == null ? null : complaint.id.toString())
                    .setParameter("p", message.provider()).setParameter("k", message.deliveryKey())
                    .executeUpdate();
            return new Handled(outcome, List.copyOf(rows),
                    Optional.ofNullable(complaint).map(c -> c.id.toString()));
        }
    }

    @Scheduled(every = "6h", delayed = "10m")
    void forgetOldDeliveries() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM inbound_message WHERE received_at < :cutoff")
                .setParameter("cutoff", clock.instant().minus(KEEP_INBOUND)).executeUpdate());
    }
}
