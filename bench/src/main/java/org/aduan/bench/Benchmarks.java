package org.aduan.bench;

import java.io.IOException;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.devstack.AduanHome;
import org.aduan.devstack.AduanService;
import org.aduan.devstack.Infrastructure;
import org.aduan.devstack.Ports;
import org.aduan.devstack.ServiceLauncher;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * First figures of the walking skeleton, on this machine, in one run:
 * <ol>
 * <li>start time of each service started alone (spawn to {@code /q/health/ready}) and Quarkus' own
 * "started in";</li>
 * <li>idle RSS of each service;</li>
 * <li>submit → {@code ROUTED} latency over N complaints sent open-loop at a fixed rate: from the
 * intended send time (so a stalled system is not flattered) to the moment the {@code ROUTED} lifecycle
 * event reaches a consumer; and the 202 latency of the submission itself.</li>
 * </ol>
 * {@code --quick}: 200 complaints per rate instead of 1,000; {@code --rates 10,50}: the fixed rates to
 * measure. Writes {@code BENCHMARKS.md} at the checkout root.
 */
public final class Benchmarks {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    public static void main(String[] args) throws Exception {
        org.aduan.devstack.Devstack.quietLibraryLogs();
        boolean quick = Arrays.asList(args).contains("--quick");
        int complaints = quick ? 200 : 1_000;
        List<Integer> rates = Arrays.stream(stringArg(args, "--rates", "10,50").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        Path root = AduanHome.root();
        Path work = root.resolve("bench/target/run");
        System.out.println("Benchmark: fresh Kafka + PostgreSQL on free ports (data in " + work + ")");
        try (Infrastructure infra = Infrastructure.forTests(work.resolve("infra"))) {
            Map<AduanService, ServiceLauncher> launchers = new EnumMap<>(AduanService.class);
            Map<AduanService, Long> wallStartMs = new EnumMap<>(AduanService.class);
            Map<AduanService, String> quarkusStart = new EnumMap<>(AduanService.class);
            try {
                for (AduanService service : AduanService.all()) {
                    long t0 = System.nanoTime();
                    ServiceLauncher launcher = ServiceLauncher.start(infra, Map.of(service, Ports.free()),
                            work.resolve("logs"), Map.of());
                    wallStartMs.put(service, (System.nanoTime() - t0) / 1_000_000);
                    launchers.put(service, launcher);
                    quarkusStart.put(service, quarkusStartedIn(work.resolve("logs").resolve(service.module + ".log")));
                    System.out.printf("  %-21s ready in %d ms%n", service.module, wallStartMs.get(service));
                }
                System.out.println("Idling 15 s before reading RSS ...");
                TimeUnit.SECONDS.sleep(15);
                Map<AduanService, Long> idleRssKb = new EnumMap<>(AduanService.class);
                launchers.forEach((s, l) -> idleRssKb.put(s, rssKb(l.pid(s))));

                String intake = launchers.get(AduanService.INTAKE).baseUrl(AduanService.INTAKE);
                System.out.printf("Warming up: %d complaints at 10/s, not measured ...%n", WARM_UP);
                submitToRouted(infra, intake, WARM_UP, 10);
                Map<Integer, Latencies> latencies = new java.util.LinkedHashMap<>();
                for (int rate : rates) {
                    System.out.printf("Submitting %d complaints at %d/s, open loop ...%n", complaints, rate);
                    latencies.put(rate, submitToRouted(infra, intake, complaints, rate));
                }

                Map<AduanService, Long> loadedRssKb = new EnumMap<>(AduanService.class);
                launchers.forEach((s, l) -> loadedRssKb.put(s, rssKb(l.pid(s))));
                int previews = quick ? 2_000 : 10_000;
                System.out.printf("Routing preview: %d requests, one at a time ...%n", previews);
                PreviewBenchmark.Result preview = PreviewBenchmark.run(
                        launchers.get(AduanService.ROUTING).baseUrl(AduanService.ROUTING), 2_000, previews);
                String report = report(args, complaints, wallStartMs, quarkusStart, idleRssKb, loadedRssKb,
                        latencies) + "\n" + PreviewBenchmark.report(preview, 2_000);
                Path out = root.resolve("BENCHMARKS.md");
                Files.writeString(out, report + keptAnalysis(out));
                System.out.println(report);
            } finally {
                launchers.values().forEach(ServiceLauncher::close);
            }
        }
        System.exit(0);
    }

    private static final int WARM_UP = 300;
    /** What follows this line in BENCHMARKS.md is written by people and survives a new run. */
    static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept by ./aduan bench -->";

    private static String keptAnalysis(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String old = Files.readString(file);
        int at = old.indexOf(ANALYSIS_MARKER);
        return at < 0 ? "" : "\n" + old.substring(at);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    record Latencies(long[] routedMs, long[] acceptedMs, int lost, int rejected) {
    }

    private static Latencies submitToRouted(Infrastructure infra, String intake, int n, int rate) throws Exception {
        Map<String, Long> intendedNanos = new ConcurrentHashMap<>();
        Map<String, Long> routedNanos = new ConcurrentHashMap<>();
        List<Long> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] rejected = {0};

        Thread watcher = new Thread(() -> watchRouted(infra.kafka().bootstrapServers(), routedNanos, n), "routed-watch");
        watcher.setDaemon(true);
        watcher.start();
        TimeUnit.SECONDS.sleep(3); // let the watcher join its group before the first event

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(16)).build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> inflight = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long intended = start + i * intervalNanos;
            scheduler.schedule(() -> {
                String body = "{\"text\":\"Benchmark complaint " + UUID.randomUUID()
                        + ": jalan berlubang\",\"category\":\"infrastruktur\",\"location\":{\"regionCode\":\"32.73\"}}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inflight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, failure) -> {
                    if (failure == null && r.statusCode() == 202) {
                        accepted.add((System.nanoTime() - intended) / 1_000_000);
                        try {
                            intendedNanos.put(EventJson.mapper().readTree(r.body()).path("id").asText(), intended);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    } else {
                        // refused, failed or timed out: counted, never silently dropped from the figures
                        synchronized (rejected) {
                            rejected[0]++;
                        }
                    }
                    return null;
                }));
            }, intended - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        scheduler.shutdown();
        scheduler.awaitTermination(n / rate + 60, TimeUnit.SECONDS);
        CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !routedNanos.keySet().containsAll(intendedNanos.keySet())) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        List<Long> routed = new ArrayList<>();
        int lost = 0;
        for (var e : intendedNanos.entrySet()) {
            Long seen = routedNanos.get(e.getKey());
            if (seen == null) {
                lost++;
            } else {
                routed.add((seen - e.getValue()) / 1_000_000);
            }
        }
        return new Latencies(routed.stream().mapToLong(Long::longValue).sorted().toArray(),
                accepted.stream().mapToLong(Long::longValue).sorted().toArray(), lost, rejected[0]);
    }

    private static void watchRouted(String bootstrap, Map<String, Long> routedNanos, int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.LIFECYCLE));
            while (routedNanos.size() < n) {
                consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                    if (ComplaintStatusChanged.TYPE.equals(EventEnvelope.fromHeaders(r.headers()).type())) {
                        ComplaintStatusChanged e = EventJson.read(r.value(), ComplaintStatusChanged.class);
                        if ("ROUTED".equals(e.status())) {
                            routedNanos.putIfAbsent(e.complaintId(), System.nanoTime());
                        }
                    }
                });
            }
        }
    }

    private static String quarkusStartedIn(Path log) {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            String last = "?";
            while (m.find()) {
                last = m.group(1) + " s";
            }
            return last;
        } catch (IOException e) {
            return "?";
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return -1;
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String report(String[] args, int n, Map<AduanService, Long> wall,
            Map<AduanService, String> quarkus, Map<AduanService, Long> idle, Map<AduanService, Long> loaded,
            Map<Integer, Latencies> byRate) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Aduan benchmarks\n\n");
        md.append("Written by `./aduan bench").append(String.join(" ", args).isEmpty() ? "" : " " + String.join(" ", args)).append("` (bench/src/main/java/org/aduan/bench/Benchmarks.java) on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC. Figures are measurements, not test assertions.\n\n");
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores\n");
        md.append("- Memory: ").append(memTotal()).append('\n');
        md.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        md.append("- Kafka 4.4.0 (single node, KRaft) and PostgreSQL 17 (zonky binaries), started by devstack on the same machine\n");
        md.append("- Services: packaged Quarkus 3.34.2 JVM apps, `-Xms64m -Xmx256m -XX:+UseSerialGC`\n\n");
        md.append("## Start time and idle memory (each service started alone)\n\n");
        md.append("| service | spawn → ready (ms) | Quarkus \"started in\" | idle RSS (MB) | RSS after load (MB) | targets |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (AduanService s : AduanService.all()) {
            md.append(String.format("| %s | %d | %s | %.0f | %.0f | start < 3 s: %s; idle < 200 MB: %s |%n", s.module,
                    wall.get(s), quarkus.get(s), idle.get(s) / 1024.0, loaded.get(s) / 1024.0,
                    wall.get(s) < 3000 ? "met" : "missed by " + (wall.get(s) - 3000) + " ms",
                    idle.get(s) < 200 * 1024 ? "met" : String.format("missed by %.0f MB", idle.get(s) / 1024.0 - 200)));
        }
        md.append("\n\"spawn → ready\" includes JVM start and the first successful `/q/health/ready`; devstack starts the\n"
                + "services one after the other so they do not compete for the two cores.\n\n");
        md.append("## Submit → ROUTED\n\n");
        md.append(String.format("After %d warm-up complaints (not counted), %d complaints for region 32.73 sent open-loop at\n"
                + "each rate to `POST /api/v1/complaints`; latency from each request's intended send time (so queueing\n"
                + "counts: no coordinated omission) to the `ROUTED` lifecycle event arriving at a Kafka consumer\n"
                + "(intake → Kafka → routing → outbox → Kafka → followup → outbox → Kafka). \"lost\": accepted but not\n"
                + "ROUTED within 60 s of the last submission.%n%n", WARM_UP, n));
        md.append("| rate | measure | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | count | failed submissions | lost |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byRate.forEach((rate, l) -> {
            md.append(String.format("| %d/s | submit → 202 | %d | %d | %d | %d | %d | %d | |%n", rate, pct(l.acceptedMs(), 50),
                    pct(l.acceptedMs(), 90), pct(l.acceptedMs(), 99), pct(l.acceptedMs(), 100), l.acceptedMs().length,
                    l.rejected()));
            md.append(String.format("| %d/s | submit → ROUTED | %d | %d | %d | %d | %d | | %d |%n", rate,
                    pct(l.routedMs(), 50), pct(l.routedMs(), 90), pct(l.routedMs(), 99), pct(l.routedMs(), 100),
                    l.routedMs().length, l.lost()));
        });
        return md.toString();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(s -> s.startsWith("model name"))
                .findFirst().map(s -> s.substring(s.indexOf(':') + 1).strip()).orElse("unknown");
    }

    private static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(s -> s.startsWith("MemTotal"))
                .findFirst().map(s -> String.format("%.1f GiB", Long.parseLong(s.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("unknown");
    }
}
