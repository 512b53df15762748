package org.aduan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.devstack.AduanService;
import org.aduan.devstack.KannelGateway;
import org.aduan.devstack.KannelGateway.Sms;
import org.aduan.events.Channel;
import org.aduan.events.ChannelOrigin;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.ComplaintSupplemented;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS to 1708 through a real gateway: Debian's Kannel with its fake SMSC as the mobile network, the five
 * services behind it. The citizen's phone is the fake SMSC; what they read is what Kannel delivered to it.
 * smsbox calls intake through {@link SmsboxCalls}, which passes every call on unchanged and loses an
 * answer only where a test asks it to.
 */
class KannelSmsJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String SHORT_CODE = "1708";
    private static final Pattern TRACKING_CODE = Pattern.compile("ADN-[0-9A-Z]{4}-[0-9A-Z]{4}");

    private static Platform platform;
    private static SmsboxCalls smsbox;
    private static KannelGateway kannel;

    @BeforeAll
    static void startGateway() {
        // never a pass on a machine without Kannel: every test of this class is reported skipped, with why
        Assumptions.assumeTrue(KannelGateway.available(), () -> KannelGateway.unavailableReason().orElseThrow());
        platform = Platform.get();
        smsbox = SmsboxCalls.start(Optional.of(platform.services.baseUrl(AduanService.INTAKE)));
        kannel = KannelGateway.start(platform.kannel, smsbox.url(), Path.of("target/kannel-e2e").toAbsolutePath());
    }

    @AfterAll
    static void stopGateway() {
        if (kannel != null) {
            kannel.close();
        }
        if (smsbox != null) {
            smsbox.close();
        }
    }

    @Test
    void smsComplaintIsAcknowledgedInIndonesianAndStatusSmsTellsWhereItWent() {
        String citizen = "+6281234567890";
        kannel.sendSms(citizen, SHORT_CODE,
                "Jalan berlubang di Jl. Pasirkaliki, Kecamatan Cicendo, Kota Bandung, sudah 2 bulan");

        Sms ack = awaitSms(citizen, 0, sms -> TRACKING_CODE.matcher(sms.text()).find());
        String code = trackingCode(ack);
        assertThat(ack.from()).isEqualTo(SHORT_CODE);
        assertThat(ack.text()).containsIgnoringCase("Terima kasih")
                .containsAnyOf("STATUS " + code, "CEK " + code)
                .doesNotContainPattern("\\bPIN\\b"); // SMS has no PIN: the phone number is the key

        // intake took it as an SMS through Kannel, from the number the citizen wrote to, under Kannel's id
        SmsboxCalls.Call call = smsbox.callsFrom(citizen).get(0);
        assertThat(call.intakeStatus()).isEqualTo(200);
        ComplaintSubmitted submitted = submittedWithCode(code);
        ChannelOrigin origin = submitted.origin().orElseThrow();
        assertThat(submitted.channel()).isEqualTo(Channel.SMS);
        assertThat(submitted.language()).isEqualTo("id");
        assertThat(origin.provider()).isEqualTo("kannel");
        assertThat(origin.serviceAddress()).contains(SHORT_CODE);
        assertThat(origin.gateway()).contains(KannelGateway.SMSC_ID);
        assertThat(origin.messageId()).contains(call.param("id"));

        // routing sends it to the city; the citizen is told on their phone
        int afterAck = kannel.deliveredTo(citizen).indexOf(ack) + 1;
        Sms routed = awaitSms(citizen, afterAck, sms -> sms.text().contains(code) && mentionsBandung(sms));
        assertThat(routed.from()).isEqualTo(SHORT_CODE);

        // and asking by SMS gives the same answer: the status as notification knows it now
        int beforeStatus = kannel.deliveredTo(citizen).size();
        kannel.sendSms(citizen, SHORT_CODE, "STATUS " + code);
        Sms status = awaitSms(citizen, beforeStatus, KannelSmsJourneyTest::mentionsBandung);
        assertThat(status.from()).isEqualTo(SHORT_CODE);
        assertThat(status.text()).contains(code).doesNotContainIgnoringCase("Thank you");
        // a STATUS question is not a complaint, nor more text for this one
        assertThat(eventsFor(citizenMessageId(citizen, 1))).isEmpty();
    }

    @Test
    void englishSmsIsAnsweredInEnglish() {
        String citizen = KannelGatewayTest.newPhone();
        kannel.sendSms(citizen, SHORT_CODE,
                "The drain on Jl. Dago in Bandung city has been blocked for three weeks and the street floods"
                        + " every time it rains");

        Sms ack = awaitSms(citizen, 0, sms -> TRACKING_CODE.matcher(sms.text()).find());
        String code = trackingCode(ack);
        assertThat(ack.from()).isEqualTo(SHORT_CODE);
        assertThat(ack.text()).containsIgnoringCase("Thank you")
                .containsAnyOf("STATUS " + code, "CEK " + code)
                .doesNotContainIgnoringCase("Terima kasih");
        assertThat(submittedWithCode(code).language()).isEqualTo("en");
    }

    @Test
    void sameSmsDeliveredTwiceByKannelMakesOneComplaint() {
        String citizen = KannelGatewayTest.newPhone();
        smsbox.loseFirstAnswerFor(citizen);

        kannel.sendSms(citizen, SHORT_CODE, "Sampah menumpuk di Pasar Kosambi, Kota Bandung, sudah seminggu tidak"
                + " diangkut");

        // intake took the message, its answer was lost, and Kannel delivered the same message again
        Awaitility.await().atMost(PATIENCE).until(() -> smsbox.callsFrom(citizen).size() >= 2);
        List<SmsboxCalls.Call> calls = smsbox.callsFrom(citizen);
        assertThat(calls).extracting(SmsboxCalls.Call::intakeStatus).containsExactly(200, 200);
        assertThat(calls).extracting(SmsboxCalls.Call::answeredStatus).containsExactly(503, 200);
        String messageId = calls.get(0).param("id");
        assertThat(calls.get(1).param("id")).isEqualTo(messageId);

        // intake published before answering 200 twice: everything that message made is on the topic now
        List<Object> made = eventsFor(messageId);
        assertThat(made).hasSize(1).first().isInstanceOf(ComplaintSubmitted.class);
        String code = ((ComplaintSubmitted) made.get(0)).trackingCode();
        Sms ack = awaitSms(citizen, 0, sms -> sms.text().contains(code));
        assertThat(ack.text()).containsIgnoringCase("Terima kasih");
    }

    // --- helpers ---

    private static boolean mentionsBandung(Sms sms) {
        // by the name the directory gives it, never by its id
        return sms.text().contains("Pemerintah Kota Bandung") || sms.text().contains("City Government of Bandung");
    }

    private static String trackingCode(Sms sms) {
        Matcher m = TRACKING_CODE.matcher(sms.text());
        assertThat(m.find()).as(sms.text()).isTrue();
        return m.group();
    }

    /** The first SMS to {@code number}, from the {@code from}-th on, that matches. */
    private static Sms awaitSms(String number, int from, Predicate<Sms> matching) {
        Sms[] found = new Sms[1];
        try {
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                List<Sms> delivered = kannel.deliveredTo(number);
                for (Sms sms : delivered.subList(Math.min(from, delivered.size()), delivered.size())) {
                    if (matching.test(sms)) {
                        found[0] = sms;
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching SMS to " + number + " after message " + from + " in "
                    + PATIENCE.toSeconds() + " s; delivered to it: " + kannel.deliveredTo(number)
                    + "; smsbox's calls to intake: " + smsbox.callsFrom(number), e);
        }
        return found[0];
    }

    /** Kannel's id of the {@code index}-th message smsbox delivered from {@code citizen}. */
    private static String citizenMessageId(String citizen, int index) {
        Awaitility.await().atMost(PATIENCE).until(() -> smsbox.callsFrom(citizen).size() > index);
        return smsbox.callsFrom(citizen).get(index).param("id");
    }

    private static ComplaintSubmitted submittedWithCode(String code) {
        return submittedEvents().stream()
                .filter(o -> o instanceof ComplaintSubmitted s && code.equals(s.trackingCode()))
                .map(ComplaintSubmitted.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ComplaintSubmitted with tracking code " + code));
    }

    /** Complaints and supplements whose channel origin carries the provider's {@code messageId}. */
    private static List<Object> eventsFor(String messageId) {
        return submittedEvents().stream().filter(o -> {
            Optional<ChannelOrigin> origin = o instanceof ComplaintSubmitted s ? s.origin()
                    : ((ComplaintSupplemented) o).origin();
            return origin.flatMap(ChannelOrigin::messageId).filter(messageId::equals).isPresent();
        }).toList();
    }

    /** Every ComplaintSubmitted and ComplaintSupplemented on complaints.submitted up to now. */
    private static List<Object> submittedEvents() {
        List<Object> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = platform.consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMITTED, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.SUBMITTED, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = EventEnvelope.fromHeaders(record.headers()).type();
                    if (ComplaintSubmitted.TYPE.equals(type)) {
                        events.add(EventJson.read(record.value(), ComplaintSubmitted.class));
                    } else if (ComplaintSupplemented.TYPE.equals(type)) {
                        events.add(EventJson.read(record.value(), ComplaintSupplemented.class));
                    }
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return events;
    }
}
