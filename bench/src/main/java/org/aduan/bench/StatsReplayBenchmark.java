package org.aduan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.aduan.devstack.AduanHome;
import org.aduan.devstack.AduanService;
import org.aduan.devstack.Infrastructure;
import org.aduan.devstack.Ports;
import org.aduan.devstack.ServiceLauncher;
import org.aduan.events.Channel;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuild by replay of stats-service, on this machine: produces N events (default 1,000,000) of realistic
 * complaints into a fresh Kafka, starts stats-service, triggers {@code POST /api/v1/stats/admin/rebuild},
 * follows its progress and reports events/s; then times the first publication of the figures (the
 * snapshot and the small-cell suppression of every table) and checks the total against the complaints
 * produced. Prints a Markdown section.
 * <p>
 * The stats-service consumer group is moved to the end of the log before the service starts, so the live
 * projection does not count the same million events at the same time: what is measured is the replay.
 * <p>
 * {@code --events 200000}: fewer events. Needs {@code ./mvnw package} of stats-service first.
 */
public final class StatsReplayBenchmark {

    private static final String TOKEN = "bench-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        org.aduan.devstack.Devstack.quietLibraryLogs();
        int events = Integer.parseInt(arg(args, "--events", "1000000"));
        Outcome outcome = run(events, AduanHome.root().resolve("bench/target/stats-replay"));
        System.out.println();
        System.out.println(outcome.markdown());
        if (!outcome.totalsMatch()) {
            System.err.println("MISMATCH: the rebuilt total differs from the complaints produced");
            System.exit(1);
        }
        System.exit(0);
    }

    /** The Markdown section, and whether the rebuilt total equals the complaints produced. */
    record Outcome(String markdown, boolean totalsMatch, double seconds, long eventsRead) {
    }

    /**
     * Produces {@code events} events into a fresh Kafka (own PostgreSQL too, on free ports; data in
     * {@code work}), rebuilds stats-service's projection by replay and reports; also writes the section to
     * {@code work/report.md}.
     */
    static Outcome run(int events, Path work) throws Exception {
        System.out.println("Stats replay benchmark: fresh Kafka + PostgreSQL on free ports (data in " + work + ")");
        try (Infrastructure infra = Infrastructure.forTests(work.resolve("infra"))) {
            String bootstrap = infra.kafka().bootstrapServers();
            long t0 = System.nanoTime();
            Produced produced = produce(bootstrap, events);
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Produced %,d events of %,d complaints in %.1f s%n", produced.events, produced.complaints,
                    produceSeconds);
            skipLiveConsumerToTheEnd(bootstrap);

            ServiceLauncher stats = ServiceLauncher.start(infra, Map.of(AduanService.STATS, Ports.free()),
                    work.resolve("logs"), Map.of("aduan.stats.rebuild.admin-token", TOKEN));
            try {
                String base = stats.baseUrl(AduanService.STATS);
                Result result = rebuild(base);
                long p0 = System.nanoTime();
                JsonNode summary = json(get(base + "/api/v1/stats/summary"));
                double publishSeconds = (System.nanoTime() - p0) / 1e9;
                long total = summary.path("total").path("count").asLong(-1);
                String report = report(events, produced, produceSeconds, result, publishSeconds, total);
                Files.writeString(work.resolve("report.md"), report);
                return new Outcome(report, total == produced.complaints, result.seconds(), result.eventsRead());
            } finally {
                stats.close();
            }
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }

    // --- the events ---------------------------------------------------------------------------------------

    record Produced(long events, long complaints) {
    }

    private static final String[] CATEGORIES = {"infrastruktur", "kebersihan", "air", "listrik", "kesehatan",
        "jaminan-kesehatan", "pendidikan", "kependudukan", "bansos", "lingkungan", "ketertiban", "transportasi",
        "perizinan", "korupsi", "lainnya"};
    private static final Channel[] CHANNELS = Channel.values();

    /**
     * Complaints like real ones: regions skewed towards the big cities (Zipf-like over 514 regencies), a
     * year of submissions, about five events each: submission, routing (a tenth to triage), the lifecycle
     * up to closure and rating for some, SLA escalations and transfers for a few.
     */
    private static Produced produce(String bootstrap, int target) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<String> regencies = regencies();
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T01:00:00Z");
        long events = 0;
        long complaints = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            while (events < target) {
                List<Map.Entry<String, ComplaintEvent>> journey = journey(random, regencies, start);
                for (var e : journey) {
                    if (events >= target) {
                        break;
                    }
                    ComplaintEvent event = e.getValue();
                    producer.send(new ProducerRecord<>(e.getKey(), null, event.complaintId(), EventJson.write(event),
                            EventEnvelope.of(event, "/aduan/bench", Instant.now()).toHeaders()), (m, ex) -> {
                                if (ex != null) {
                                    failure.compareAndSet(null, ex);
                                }
                            });
                    events++;
                    if (event instanceof ComplaintSubmitted) {
                        complaints++;
                    }
                    if (events % 100_000 == 0) {
                        System.out.printf("  %,d events produced%n", events);
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Produced(events, complaints);
    }

    private static List<String> regencies() throws Exception {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(AduanHome.root().resolve("data/wilayah/regencies.csv"))) {
            if (!line.startsWith("code")) {
                codes.add(line.substring(0, line.indexOf(',')));
            }
        }
        return codes;
    }

    private static List<Map.Entry<String, ComplaintEvent>> journey(Random random, List<String> regencies, Instant start) {
        String id = UUID.randomUUID().toString();
        String regency = regencies.get((int) (regencies.size() * Math.pow(random.nextDouble(), 3)));
        String region = random.nextInt(10) == 0 ? regency.substring(0, 2) : regency + ".01";
        String category = CATEGORIES[(int) (CATEGORIES.length * Math.pow(random.nextDouble(), 1.5))];
        Instant t = start.plusSeconds(random.nextInt(365 * 86_400));
        List<Map.Entry<String, ComplaintEvent>> out = new ArrayList<>();
        out.add(Map.entry(Topics.SUBMITTED, new ComplaintSubmitted(id, "ADN-BNCH-" + (random.nextInt(9000) + 1000),
                "hash", t, CHANNELS[random.nextInt(CHANNELS.length)], Optional.empty(), "id",
                Optional.of("Keluhan warga"), "Isi keluhan warga yang cukup panjang, seperti aslinya, tentang "
                        + category + " di wilayah " + region + ".", Optional.of(category),
                new Location(Optional.of(region), Optional.of("dekat pasar")), random.nextInt(5) == 0, false,
                Optional.empty())));
        if (random.nextInt(10) == 0) {
            out.add(Map.entry(Topics.TRIAGE, new ComplaintNeedsTriage(id, t.plusSeconds(5), List.of("unclear"),
                    Optional.of(category), Optional.empty(), Optional.empty(), 0)));
            out.add(Map.entry(Topics.LIFECYCLE, status(id, "TRIAGE", t.plusSeconds(10), null, null)));
            return out;
        }
        String agency = switch (category) {
            case "listrik" -> "pln";
            case "jaminan-kesehatan" -> "bpjs-kesehatan";
            default -> random.nextInt(3) == 0 ? "pemda-" + regency.substring(0, 2) : "pemda-" + regency;
        };
        out.add(Map.entry(Topics.ROUTED, new ComplaintRouted(id, agency, t.plusSeconds(5), "region",
                List.of("region code names a regency"), 0.9, Optional.empty(), Optional.of(category),
                Optional.of(region), Optional.empty(), 0)));
        out.add(Map.entry(Topics.LIFECYCLE, status(id, "ROUTED", t.plusSeconds(10), agency, null)));
        if (random.nextInt(12) == 0) {
            String next = "pemda-" + regency.substring(0, 2);
            out.add(Map.entry(Topics.LIFECYCLE, status(id, "TRANSFER_REQUESTED", t.plusSeconds(3600), agency, null)));
            out.add(Map.entry(Topics.ROUTED, new ComplaintRouted(id, next, t.plusSeconds(3700), "transfer",
                    List.of("transferred"), 1.0, Optional.empty(), Optional.of(category), Optional.of(region),
                    Optional.of(agency), 1)));
            agency = next;
        }
        int progress = random.nextInt(10);
        long hours = 4 + random.nextInt(200);
        if (random.nextInt(7) == 0) {
            Instant at = t.plusSeconds(3600L * (24 + random.nextInt(72)));
            out.add(Map.entry(Topics.LIFECYCLE, new ComplaintEscalated(id, at, agency, Optional.empty(), "ROUTED",
                    at.minusSeconds(60), 1)));
        }
        if (progress < 8) {
            out.add(Map.entry(Topics.LIFECYCLE, status(id, "IN_PROGRESS", t.plusSeconds(7200), agency, null)));
        }
        if (progress < 6) {
            out.add(Map.entry(Topics.LIFECYCLE, status(id, "RESPONDED", t.plusSeconds(3600 * hours), agency, null)));
        }
        if (progress < 4) {
            Integer rating = random.nextBoolean() ? 1 + random.nextInt(5) : null;
            out.add(Map.entry(Topics.LIFECYCLE, status(id, "CLOSED", t.plusSeconds(3600 * (hours + 48)), agency,
                    rating)));
        }
        return out;
    }

    private static ComplaintStatusChanged status(String id, String status, Instant at, String agency, Integer rating) {
        return new ComplaintStatusChanged(id, status, Optional.empty(), Optional.ofNullable(agency), at, "system",
                Optional.empty(), Optional.empty(), Optional.ofNullable(rating));
    }

    /** Commits the end of every partition for group stats-service: the live projection starts after the log. */
    private static void skipLiveConsumerToTheEnd(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var description : admin.describeTopics(Topics.EVENT_TOPICS).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values()) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((p, info) -> ends.put(p, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets("stats-service", ends).all().get(30, TimeUnit.SECONDS);
        }
    }

    // --- the rebuild ----------------------------------------------------------------------------------------

    record Result(long id, double seconds, long eventsRead, long eventsApplied, long eventsSkipped, String state,
            String failure) {
    }

    private static Result rebuild(String base) throws Exception {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/stats/admin/rebuild"))
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long t0 = System.nanoTime();
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        long id = json(started.body()).path("id").asLong();
        System.out.println("Rebuild " + id + " started; progress every 5 s:");
        JsonNode progress;
        long lastPrint = 0;
        while (true) {
            progress = json(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/stats/admin/rebuild/" + id))
                    .header("X-Admin-Token", TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
            String state = progress.path("state").asText();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (!"REPLAYING".equals(state)) {
                break;
            }
            if (elapsed - lastPrint >= 5) {
                lastPrint = (long) elapsed;
                System.out.printf("  %5.1f s  %5.1f %%  %,d of %,d events read  (%,.0f events/s)%n", elapsed,
                        progress.path("percent").asDouble(), progress.path("eventsRead").asLong(),
                        progress.path("eventsTotal").asLong(), progress.path("eventsRead").asLong() / elapsed);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(id, seconds, progress.path("eventsRead").asLong(), progress.path("eventsApplied").asLong(),
                progress.path("eventsSkipped").asLong(), progress.path("state").asText(),
                progress.path("failure").asText(""));
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonNode json(String body) throws Exception {
        return EventJson.mapper().readTree(body);
    }

    // --- the report -----------------------------------------------------------------------------------------

    private static String report(int target, Produced produced, double produceSeconds, Result r, double publishSeconds,
            long total) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## Stats: rebuild by replay\n\n");
        md.append("Measured by `StatsReplayBenchmark` (bench/src/main/java/org/aduan/bench/StatsReplayBenchmark.java) on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC, ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version"))
                .append("; Kafka, PostgreSQL and stats-service (-Xmx256m) on the same machine.\n\n");
        md.append(String.format("%,d events of %,d complaints (about five each: submission, routing or triage, the "
                + "lifecycle up to closure and rating for some, SLA escalations and transfers for a few; 514 regencies, "
                + "Zipf-like) were produced into a fresh Kafka in %.1f s. stats-service started with its live consumer "
                + "group at the end of the log, then `POST /api/v1/stats/admin/rebuild` replayed all four topics from "
                + "offset 0 into fresh tables and switched them in.%n%n", produced.events(), produced.complaints(),
                produceSeconds));
        md.append("| measure | value |\n|---|---:|\n");
        md.append(String.format("| events replayed | %,d |%n", r.eventsRead()));
        md.append(String.format("| events applied / skipped | %,d / %,d |%n", r.eventsApplied(), r.eventsSkipped()));
        md.append(String.format("| replay and switch-over (POST → SWITCHED) | %.1f s |%n", r.seconds()));
        md.append(String.format("| throughput | %,.0f events/s |%n", r.eventsRead() / r.seconds()));
        md.append(String.format("| target: 1,000,000 events in < 2 min | %s |%n", target >= 1_000_000
                ? (r.seconds() < 120 ? "met (" + String.format("%.0f", r.seconds()) + " s)" : "missed by "
                        + String.format("%.0f", r.seconds() - 120) + " s")
                : String.format("projected %.0f s for 1,000,000", 1_000_000 * r.seconds() / Math.max(1, r.eventsRead()))));
        md.append(String.format("| first publication after the switch (snapshot + suppression of every table) | %.1f s |%n",
                publishSeconds));
        md.append(String.format("| published total = complaints produced | %s (%,d) |%n",
                total == produced.complaints() ? "yes" : "NO", total));
        md.append("\nState ").append(r.state()).append(r.failure().isEmpty() ? "" : ": " + r.failure()).append(".\n");
        return md.toString();
    }

    private static String cpu() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(s -> s.startsWith("model name"))
                .findFirst().map(s -> s.substring(s.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }
}
