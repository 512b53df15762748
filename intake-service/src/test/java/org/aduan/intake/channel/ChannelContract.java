package org.aduan.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.aduan.events.Channel;
import org.aduan.events.ChannelReplyRequested;
import org.aduan.events.ChannelReplyRequested.Kind;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.identity.Reporter;
import org.aduan.intake.EventTap;
import org.aduan.intake.Rows;
import org.aduan.intake.TestClock;
import org.aduan.intake.conversation.SenderKeys;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * What every SMS and chat channel must do, whatever its provider: one complaint per message however
 * often it is delivered, nothing for a delivery that is not the provider's, commands answered on the
 * channel, and follow-ups within the conversation window added to the open complaint. Each channel's
 * test class says how its provider delivers a message.
 */
abstract class ChannelContract {

    @Inject
    TestClock clock;

    @Inject
    SenderKeys senderKeys;

    EventTap tap;

    @BeforeEach
    void openTap() {
        tap = EventTap.open();
    }

    abstract Channel channel();

    abstract String provider();

    /** A fresh sender address, as intake keeps it (E.164 with +, chat id, user id). */
    abstract String newSender();

    abstract String newMessageId();

    /** A correctly authenticated delivery of a text message. */
    abstract Response deliver(String sender, String messageId, String text);

    /** The same delivery without its signature or token. */
    abstract Response deliverUnauthenticated(String sender, String messageId, String text);

    /** The same delivery with a wrong signature or token. */
    abstract Response deliverForged(String sender, String messageId, String text);

    abstract int unauthenticatedStatus();

    abstract Optional<String> serviceAddress();

    /** The key intake deduplicates deliveries by. */
    String deliveryKey(String sender, String messageId) {
        return messageId;
    }

    static String marker() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    ComplaintSubmitted complaintFrom(String sender, String text) {
        deliver(sender, newMessageId(), text).then().statusCode(200);
        return tap.awaitSubmitted(text.substring(text.lastIndexOf(' ') + 1));
    }

    List<ChannelReplyRequested> replies(String sender, Kind kind) {
        return tap.repliesTo(sender).stream().filter(r -> r.kind() == kind).toList();
    }

    @Test
    void signedMessageCreatesOneComplaintWithItsOriginAndSealedSender() {
        String sender = newSender();
        String id = newMessageId();
        String marker = marker();
        deliver(sender, id, "Jalan di depan pasar berlubang besar dan sudah dua minggu tidak diperbaiki " + marker)
                .then().statusCode(200);

        ComplaintSubmitted event = tap.awaitSubmitted(marker);
        assertThat(event.channel()).isEqualTo(channel());
        assertThat(event.language()).isEqualTo("id");
        assertThat(event.origin()).isPresent();
        assertThat(event.origin().get().provider()).isEqualTo(provider());
        assertThat(event.origin().get().serviceAddress()).isEqualTo(serviceAddress());
        assertThat(event.origin().get().messageId()).contains(id);
        Reporter reporter = tap.open(event.reporter().orElseThrow());
        assertThat(reporter.channelAddress()).contains(sender);
        if (channel() == Channel.SMS || channel() == Channel.WHATSAPP) {
            assertThat(reporter.phone()).contains(sender);
        }
        assertThat(event.reporter().get().ciphertext()).doesNotContain(sender);
        assertThat(tap.submittedWithText(marker)).hasSize(1);
        assertThat(Rows.inbound(provider(), deliveryKey(sender, id))).isEqualTo(1);
    }

    @Test
    void englishMessageMakesAnEnglishComplaint() {
        String marker = marker();
        deliver(newSender(), newMessageId(), "The street light in front of my house has been broken for weeks " + marker)
                .then().statusCode(200);
        assertThat(tap.awaitSubmitted(marker).language()).isEqualTo("en");
    }

    @Test
    void sameDeliveryThreeTimesMakesOneComplaint() {
        String sender = newSender();
        String id = newMessageId();
        String marker = marker();
        String text = "Sampah menumpuk di pinggir jalan dekat sekolah " + marker;
        for (int i = 0; i < 3; i++) {
            deliver(sender, id, text).then().statusCode(200);
        }
        assertThat(tap.submittedWithText(marker)).hasSize(1);
        assertThat(Rows.inbound(provider(), deliveryKey(sender, id))).isEqualTo(1);
    }

    @Test
    void sameDeliveryThreeTimesAtOnceMakesOneComplaint() throws Exception {
        String sender = newSender();
        String id = newMessageId();
        String marker = marker();
        String text = "Air PAM tidak mengalir sejak tiga hari di kampung kami " + marker;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(sender, id, text).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        tap.awaitSubmitted(marker);
        assertThat(tap.submittedWithText(marker)).hasSize(1);
        assertThat(Rows.inbound(provider(), deliveryKey(sender, id))).isEqualTo(1);
        assertThat(Rows.count("SELECT count(*) FROM complaint WHERE text LIKE ?1", "%" + marker)).isEqualTo(1);
    }

    @Test
    void unauthenticatedOrForgedDeliveryIsRefusedAndRecordsNothing() {
        String sender = newSender();
        String id = newMessageId();
        String marker = marker();
        String text = "Jembatan kayu di desa kami hampir roboh " + marker;
        deliverUnauthenticated(sender, id, text).then().statusCode(unauthenticatedStatus())
                .contentType("application/problem+json");
        deliverForged(sender, id, text).then().statusCode(403).contentType("application/problem+json");

        assertThat(Rows.inbound(provider(), deliveryKey(sender, id))).isZero();
        assertThat(Rows.count("SELECT count(*) FROM complaint WHERE text LIKE ?1", "%" + marker)).isZero();
        assertThat(tap.submittedWithText(marker)).isEmpty();
    }

    @Test
    void statusOfOwnComplaintIsAnsweredAndNobodyElsesIs() {
        String sender = newSender();
        ComplaintSubmitted complaint = complaintFrom(sender, "Lampu jalan di gang kami mati total " + marker());
        String code = complaint.trackingCode();

        deliver(sender, newMessageId(), "STATUS " + code).then().statusCode(200);
        deliver(sender, newMessageId(), "cek: " + code.toLowerCase().replace("-", " ")).then().statusCode(200);
        List<ChannelReplyRequested> status = replies(sender, Kind.STATUS);
        assertThat(status).hasSize(2);
        assertThat(status).allSatisfy(r -> {
            assertThat(r.trackingCode()).contains(code);
            assertThat(r.complaintId()).contains(complaint.complaintId());
            assertThat(r.channel()).isEqualTo(channel());
            assertThat(r.origin().orElseThrow().provider()).isEqualTo(provider());
        });
        assertThat(status.get(1).language()).isEqualTo("id");

        String stranger = newSender();
        deliver(stranger, newMessageId(), "STATUS " + code).then().statusCode(200);
        deliver(stranger, newMessageId(), "CEK ADN-2222-3333").then().statusCode(200);
        List<ChannelReplyRequested> notFound = replies(stranger, Kind.NOT_FOUND);
        assertThat(notFound).hasSize(2);
        assertThat(notFound).allSatisfy(r -> assertThat(r.trackingCode()).isEmpty());
        assertThat(replies(stranger, Kind.STATUS)).isEmpty();
        // Commands are not complaints.
        assertThat(tap.submitted(e -> e.text().contains(code))).isEmpty();
    }

    @Test
    void helpIsAnsweredInTheLanguageOfTheCommand() {
        String sender = newSender();
        deliver(sender, newMessageId(), "HELP").then().statusCode(200);
        deliver(sender, newMessageId(), "  bantuan ?").then().statusCode(200);
        deliver(sender, newMessageId(), "Info.").then().statusCode(200);
        List<ChannelReplyRequested> help = replies(sender, Kind.HELP);
        assertThat(help).extracting(ChannelReplyRequested::language).containsExactly("en", "id", "id");
        assertThat(Rows.count("SELECT count(*) FROM complaint WHERE sender_key = ?1", senderKeys.of(channel(), sender)))
                .as("commands open no complaint").isZero();
    }

    @Test
    void followUpWithinTheWindowAddsToTheComplaintAndAfterItOpensANewOne() {
        String sender = newSender();
        ComplaintSubmitted first = complaintFrom(sender, "Saluran air tersumbat dan banjir setiap hujan " + marker());

        String added = marker();
        deliver(sender, newMessageId(), "Tambahan: airnya sudah masuk ke rumah warga " + added).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !tap.supplemented(first.complaintId()).isEmpty());
        ComplaintSupplemented supplement = tap.supplemented(first.complaintId()).get(0);
        assertThat(supplement.text()).contains(added);
        assertThat(supplement.trackingCode()).isEqualTo(first.trackingCode());
        assertThat(supplement.channel()).isEqualTo(channel());
        assertThat(supplement.origin().orElseThrow().provider()).isEqualTo(provider());
        assertThat(replies(sender, Kind.SUPPLEMENTED)).singleElement()
                .satisfies(r -> assertThat(r.trackingCode()).contains(first.trackingCode()));
        assertThat(tap.submittedWithText(added)).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        ComplaintSubmitted second = complaintFrom(sender, "Pohon tumbang menutup jalan desa " + marker());
        assertThat(second.complaintId()).isNotEqualTo(first.complaintId());
    }
}
