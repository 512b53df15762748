package org.aduan.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.aduan.devstack.AduanHome;
import org.aduan.devstack.AduanService;
import org.aduan.devstack.Infrastructure;
import org.aduan.devstack.Ports;
import org.aduan.devstack.PostgresServer;
import org.aduan.devstack.ServiceLauncher;
import org.aduan.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./aduan bench}: issue 9's benchmarks side by side, in one run on this machine, written to
 * {@code BENCHMARKS.md} (the hand-written analysis after the marker is kept).
 * <ol>
 * <li>Start time and idle RSS of each service started alone.</li>
 * <li>A warm-up through the whole chain; the size of intake's ComplaintSubmitted records.</li>
 * <li>Intake against its limits, with routing, followup, stats and notification stopped: the bare Quarkus
 * endpoint ({@code bench-baseline-http}) and intake, each open-loop at rising fixed rates until it cannot keep
 * up; Kafka's {@code kafka-producer-perf-test} with the same record size, {@code acks=all} and idempotence.
 * Intake is profiled (JFR) meanwhile.</li>
 * <li>The four services restarted after the end of the log; submit → agency inbox at fixed rates, the
 * consumers profiled during the highest; then the burst and the time its backlog takes to drain.</li>
 * <li>Routing preview latency; memory and CPU of every process sampled during every load phase.</li>
 * <li>The stats rebuild by replay, on a fresh Kafka and PostgreSQL.</li>
 * </ol>
 * Options: see {@link BenchmarkPlan}.
 */
public final class Benchmarks {

    /** What follows this line in BENCHMARKS.md is written by people and survives a new run. */
    static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept by ./aduan bench -->";
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final List<AduanService> CONSUMERS = List.of(AduanService.ROUTING, AduanService.FOLLOWUP,
            AduanService.STATS, AduanService.NOTIFICATION);

    private final BenchmarkPlan plan;
    private final Findings findings;
    /** The checkout: BENCHMARKS.md and the run's data ({@code bench/target/run}). */
    private final Path root;
    private final Path work;
    private final Map<AduanService, ServiceLauncher> launchers = new ConcurrentHashMap<>();
    private final AtomicLong complaintIndex = new AtomicLong();
    private Infrastructure infra;
    private PlatformSampler sampler;
    private ConsumerLag lag;
    private LagMonitor lagMonitor;
    private InboxWatcher inbox;
    private OpenLoopLoad load;
    private volatile BareHttpBaseline baseline;

    private Benchmarks(BenchmarkPlan plan, Path checkout) {
        this.plan = plan;
        this.findings = new Findings(plan);
        this.root = checkout;
        this.work = checkout.resolve("bench/target/run");
    }

    public static void main(String[] args) throws Exception {
        org.aduan.devstack.Devstack.quietLibraryLogs();
        BenchmarkPlan plan = BenchmarkPlan.from(args);
        Path checkout = AduanHome.root();
        long t0 = System.nanoTime();
        step("Copying the packaged services, the baseline and the broker's jars to bench/target/run-apps");
        Path apps = AppSnapshot.take(checkout, checkout.resolve("bench/target/run-apps"));
        System.setProperty("aduan.home", apps.toString()); // devstack starts everything from the copy
        Benchmarks run = new Benchmarks(plan, checkout);
        try {
            run.platformPhases();
        } catch (Exception e) {
            run.findings.problems.put("run", firstLine(e));
            e.printStackTrace();
        } finally {
            run.closePlatform();
        }
        if (plan.replayEvents() > 0) {
            step("Stats replay: %,d events on a fresh Kafka and PostgreSQL", plan.replayEvents());
            try {
                run.findings.replay = StatsReplayBenchmark.run(plan.replayEvents(),
                        checkout.resolve("bench/target/stats-replay"));
            } catch (Exception e) {
                run.findings.problems.put("replay", firstLine(e));
                e.printStackTrace();
            }
        }
        run.findings.runSeconds = (System.nanoTime() - t0) / 1e9;
        String report = new BenchmarkReport(run.findings).render();
        Path out = run.root.resolve("BENCHMARKS.md");
        Files.writeString(out, report + keptAnalysis(out));
        System.out.println(report);
        System.out.printf("Written to %s in %.0f s%n", out, run.findings.runSeconds);
        System.exit(run.findings.problems.isEmpty() ? 0 : 1);
    }

    private static void step(String format, Object... args) {
        System.out.printf("%tT  %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    // --- the phases with the platform running ----------------------------------------------------------------

    private void platformPhases() throws Exception {
        for (String dir : List.of("logs", "profiles")) {
            deleteTree(work.resolve(dir));
        }
        step("Fresh Kafka + PostgreSQL on free ports (data in %s)", work);
        infra = Infrastructure.forTests(work.resolve("infra"));
        String bootstrap = infra.kafka().bootstrapServers();
        findings.versions = versions();
        sampler = new PlatformSampler();
        registerProcessGroups();
        lag = new ConsumerLag(bootstrap);
        load = new OpenLoopLoad(plan.connections());

        startServicesOneByOne();
        inbox = new InboxWatcher(bootstrap);
        step("Warm-up through the whole chain: %d/s for %d s (not measured)", plan.warmUpRate(), plan.warmUp().toSeconds());
        load.run("warm-up", intake(), plan.warmUpRate(), plan.warmUp(), Duration.ofSeconds(30), ComplaintBodies::body,
                complaintIndex.getAndAdd(plan.warmUpRate() * plan.warmUp().toSeconds()), null);
        findings.recordSize = recordSize(bootstrap);
        step("ComplaintSubmitted records: %.0f bytes of value on average (+%.0f bytes of headers)",
                findings.recordSize.meanValueBytes(), findings.recordSize.meanHeaderBytes());

        awaitSettled(settleTimeout());
        // The preview is measured while routing has nothing else to do: one complaint, one answer.
        guarded("routing preview", this::preview);

        step("Stopping routing, followup, stats and notification: intake alone against its limits");
        Map<AduanService, java.util.Set<TopicPartition>> assigned = new HashMap<>();
        for (AduanService s : CONSUMERS) {
            assigned.put(s, lag.assigned(s.module));
        }
        stop(CONSUMERS);
        guarded("bare HTTP", this::bareHttpLimit);
        guarded("Kafka producer perf test", () -> kafkaPerf(bootstrap));
        guarded("intake limit", this::intakeLimit);
        guarded("Kafka producer perf test at intake's rate", () -> kafkaPerfAtIntakeRate(bootstrap));

        step("Restarting the four consumers after the end of the log");
        for (AduanService s : CONSUMERS) {
            lag.skipToEnd(s.module, assigned.get(s));
        }
        for (AduanService s : CONSUMERS) { // one at a time, as at the start: together they fight for the cores
            launchers.put(s, ServiceLauncher.start(infra, Map.of(s, Ports.free()), work.resolve("logs"), properties(s)));
        }
        lagMonitor = new LagMonitor(lag);
        step("Warm-up through the whole chain again: %d/s for %d s (not measured)", plan.warmUpRate(),
                plan.warmUp().toSeconds());
        load.run("warm-up", intake(), plan.warmUpRate(), plan.warmUp(), Duration.ofSeconds(30), ComplaintBodies::body,
                complaintIndex.getAndAdd(plan.warmUpRate() * plan.warmUp().toSeconds()), null);
        awaitSettled(settleTimeout());

        // Rising rates; once a rate leaves a backlog the chain cannot drain in the phase's wait, a higher one
        // would only measure that backlog, so the higher rates are recorded as not run, with the reason. The
        // phase that did not drain is profiled (the four consumers), else the top rate.
        List<Integer> rates = plan.inboxRates().stream().sorted().toList();
        for (int k = 0; k < rates.size(); k++) {
            int rate = rates.get(k);
            if (k > 0) {
                awaitSettled(settleTimeout());
            }
            boolean profile = k == rates.size() - 1 || !plan.quick() && rate >= 50;
            guarded("submit → inbox at " + rate + "/s", () -> findings.inboxRuns.add(inboxPhase("inbox " + rate + "/s",
                    rate, plan.inboxDuration(), plan.inboxDrainCap(), profile)));
            Findings.InboxRun last = findings.inboxRuns.isEmpty() ? null : findings.inboxRuns.get(findings.inboxRuns.size() - 1);
            if (last != null && last.rate == rate && last.drainSeconds.isEmpty() && k + 1 < rates.size()) {
                for (int r : rates.subList(k + 1, rates.size())) {
                    findings.inboxNotRun.put(r, String.format("%d/s already left a backlog the chain did not drain "
                            + "within %d s (it drained at %.0f complaints/s)", rate, Math.round(last.waitedSeconds),
                            last.drainRate));
                }
                step("  higher rates not run: %s", findings.inboxNotRun.values().iterator().next());
                break;
            }
        }
        guarded("burst", () -> findings.burst = inboxPhase("burst " + plan.burstRate() + "/s", plan.burstRate(),
                plan.burstDuration(), plan.burstDrainCap(), false));
        guarded("final reconciliation", this::reconcile);
    }

    private interface Section {
        void run() throws Exception;
    }

    private void guarded(String name, Section section) {
        try {
            section.run();
        } catch (Exception e) {
            findings.problems.put(name, firstLine(e));
            System.err.println(name + " failed: " + e);
            e.printStackTrace();
        }
    }

    private static String firstLine(Exception e) {
        String text = String.valueOf(e);
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip() + " (details in the console output)";
    }

    private URI intake() {
        return URI.create(launchers.get(AduanService.INTAKE).baseUrl(AduanService.INTAKE) + "/api/v1/complaints");
    }

    private void registerProcessGroups() {
        for (AduanService s : AduanService.all()) {
            sampler.add(new PlatformSampler.Group(s.module, true, () -> Optional.ofNullable(launchers.get(s))
                    .map(l -> List.of(l.pid(s))).orElse(List.of()), false));
        }
        String data = work.resolve("infra").toAbsolutePath().toString();
        List<Long> kafka = PlatformSampler.pidsWithCommandLine("kafka.Kafka", data);
        sampler.add(new PlatformSampler.Group("Kafka", true, () -> kafka, false));
        Optional<Long> postmaster = PlatformSampler.pidsWithCommandLine("postgres", data + "/postgres").stream()
                .min(Comparator.naturalOrder());
        sampler.add(new PlatformSampler.Group("PostgreSQL", true, () -> PlatformSampler.withDescendants(postmaster), true));
        sampler.add(new PlatformSampler.Group("bench-baseline-http", false,
                () -> baseline == null ? List.of() : List.of(baseline.pid()), false));
        sampler.add(new PlatformSampler.Group("load generator (bench JVM)", false,
                () -> List.of(ProcessHandle.current().pid()), false));
        if (kafka.isEmpty() || postmaster.isEmpty()) {
            findings.problems.put("footprint", "Kafka or PostgreSQL process not found under " + data);
        }
    }

    /**
     * System properties for a service. Intake limits web submissions per client address (429). Real citizens
     * come from many addresses through an ingress, so intake trusts X-Forwarded-For from this machine, as it
     * would behind a Kubernetes ingress, and the generator spreads requests over {@value ComplaintBodies#ADDRESSES}
     * client addresses: the per-address limits apply as configured and none is reached.
     */
    static Map<String, String> properties(AduanService service) {
        return service == AduanService.INTAKE ? Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true", "quarkus.http.proxy.trusted-proxies", "127.0.0.1")
                : Map.of();
    }

    private void startServicesOneByOne() throws Exception {
        for (AduanService service : AduanService.all()) {
            long t0 = System.nanoTime();
            ServiceLauncher launcher = ServiceLauncher.start(infra, Map.of(service, Ports.free()), work.resolve("logs"),
                    properties(service));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            launchers.put(service, launcher);
            findings.footprints.put(service, new Findings.Footprint(ms,
                    quarkusStartedIn(work.resolve("logs").resolve(service.module + ".log")), 0));
            step("%-21s ready in %d ms", service.module, ms);
        }
        step("Idling %d s before reading RSS", plan.idle().toSeconds());
        TimeUnit.MILLISECONDS.sleep(plan.idle().toMillis());
        for (AduanService s : AduanService.all()) {
            Findings.Footprint f = findings.footprints.get(s);
            findings.footprints.put(s, new Findings.Footprint(f.readyMs(), f.quarkusStartedIn(),
                    rssKb(launchers.get(s).pid(s)) / 1024.0));
        }
    }

    // --- 1. intake against its limits ----------------------------------------------------------------------

    private void bareHttpLimit() throws Exception {
        step("Bare HTTP: bench-baseline-http, %s", String.join(" ", BareHttpBaseline.JVM_FLAGS));
        baseline = BareHttpBaseline.start(AduanHome.root(), work.resolve("logs"));
        try {
            TimeUnit.SECONDS.sleep(Math.min(5, plan.idle().toSeconds()));
            findings.baselineFootprint = new Findings.Footprint(baseline.readyMillis, quarkusStartedIn(baseline.log),
                    rssKb(baseline.pid()) / 1024.0);
            findings.baselineSteps.addAll(limit("bare HTTP", baseline.endpoint(), plan.baselineFirstRate()));
        } finally {
            baseline.close();
            baseline = null;
        }
    }

    private void kafkaPerf(String bootstrap) throws Exception {
        KafkaProducerPerf.createTopic(bootstrap, org.aduan.devstack.KafkaBroker.PARTITIONS);
        int size = (int) Math.round(findings.recordSize.meanValueBytes());
        step("kafka-producer-perf-test: %,d records of %d bytes, acks=all, idempotent, as fast as it goes",
                plan.producerPerfRecords(), size);
        sampler.begin("Kafka producer perf test");
        try {
            findings.perfMax = KafkaProducerPerf.run("max", bootstrap, plan.producerPerfRecords(), size, -1,
                    work.resolve("logs"));
        } finally {
            sampler.end("Kafka producer perf test");
        }
        step("  %s", findings.perfMax.summaryLine());
    }

    private void kafkaPerfAtIntakeRate(String bootstrap) throws Exception {
        // intake's sustained rate; else the highest it kept up with; else the most it accepted
        double rate = sustained(findings.intakeSteps).map(OpenLoopLoad.Step::offeredRate)
                .or(() -> findings.intakeSteps.stream().filter(OpenLoopLoad.Step::keptUp)
                        .map(OpenLoopLoad.Step::offeredRate).max(Double::compare))
                .or(() -> findings.intakeSteps.stream().map(s -> (double) Math.round(s.acceptedPerSecond()))
                        .max(Double::compare))
                .orElse(0.0);
        if (rate < 1) {
            return;
        }
        int size = (int) Math.round(findings.recordSize.meanValueBytes());
        long records = Math.round(rate * plan.limitStep().toSeconds());
        step("kafka-producer-perf-test at intake's rate: %,d records at %.0f/s", records, rate);
        findings.perfAtIntakeRate = KafkaProducerPerf.run("at intake rate", bootstrap, records, size, rate,
                work.resolve("logs"));
        step("  %s", findings.perfAtIntakeRate.summaryLine());
    }

    private void intakeLimit() throws Exception {
        long pid = launchers.get(AduanService.INTAKE).pid(AduanService.INTAKE);
        Path jfr = work.resolve("profiles/intake-limit.jfr");
        boolean recording = true;
        try {
            JfrProfile.start(pid);
        } catch (IOException e) { // the limit is measured all the same
            findings.problems.put("intake profile", firstLine(e));
            recording = false;
        }
        try {
            findings.intakeSteps.addAll(limit("intake", intake(), plan.intakeFirstRate()));
        } finally {
            if (recording) {
                JfrProfile.stop(pid, jfr);
            }
        }
        if (!recording) {
            return;
        }
        findings.profiles.add(new Findings.Profile("intake-service",
                "during the intake limit run (every step, routing/followup/stats/notification stopped)",
                JfrProfile.summarise(jfr, "intake-service during the limit run", 12)));
    }

    /** Rising fixed rates, each {@code plan.limitStep()} long, until one is not kept up. */
    private List<OpenLoopLoad.Step> limit(String name, URI endpoint, double firstRate) throws Exception {
        List<OpenLoopLoad.Step> steps = new ArrayList<>();
        step("%s: warm-up %d s at %.0f/s (not measured)", name, plan.limitStep().toSeconds(), firstRate);
        load.run(name + " warm-up", endpoint, firstRate, plan.limitStep(), Duration.ofSeconds(5), ComplaintBodies::body,
                complaintIndex.getAndAdd((long) (firstRate * plan.limitStep().toSeconds())), null);
        String phase = name + " limit";
        sampler.begin(phase);
        try {
            double rate = firstRate;
            for (int i = 0; i < plan.maxSteps(); i++) {
                TimeUnit.SECONDS.sleep(2);
                OpenLoopLoad.Step s = load.run(name, endpoint, rate, plan.limitStep(), Duration.ofSeconds(5),
                        ComplaintBodies::body, complaintIndex.getAndAdd((long) (rate * plan.limitStep().toSeconds())),
                        null);
                steps.add(s);
                step("  %-9s %6.0f/s offered: %7.0f/s accepted, p50 %.1f ms, p99 %.1f ms, failed %d, not sent %d, "
                        + "generator %.2f cores", name, rate, s.acceptedPerSecond(), s.p(50), s.p(99), s.failed(),
                        s.notSent(), s.generatorCores());
                if (!s.keptUp()) {
                    break;
                }
                rate = Math.round(rate * plan.stepFactor());
            }
        } finally {
            sampler.end(phase);
        }
        return steps;
    }

    /** The highest step kept up with p99 below the target. */
    static Optional<OpenLoopLoad.Step> sustained(List<OpenLoopLoad.Step> steps) {
        return steps.stream().filter(OpenLoopLoad.Step::keptUp)
                .filter(s -> s.p(99) < BenchmarkPlan.TARGET_INTAKE_P99_MS)
                .max(Comparator.comparingDouble(OpenLoopLoad.Step::offeredRate));
    }

    // --- 2, 3. submit → inbox, burst --------------------------------------------------------------------------

    private Findings.InboxRun inboxPhase(String label, int rate, Duration duration, Duration drainCap, boolean profile)
            throws Exception {
        long backlog = lag.lagByGroup().values().stream().mapToLong(Long::longValue).sum();
        step("%s for %d s, open loop (consumers %d records behind at the start)%s", label, duration.toSeconds(),
                backlog, profile ? "; JFR on the four consumers" : "");
        if (profile) {
            try {
                for (AduanService s : CONSUMERS) {
                    JfrProfile.start(launchers.get(s).pid(s));
                }
            } catch (IOException e) { // the phase is measured all the same
                findings.problems.put("consumer profiles", firstLine(e));
                profile = false;
            }
        }
        Map<String, Long> intended = new ConcurrentHashMap<>();
        sampler.begin(label);
        long from = System.nanoTime();
        OpenLoopLoad.Step submit;
        Findings.InboxRun run;
        try {
            submit = load.run(label, intake(), rate, duration, Duration.ofSeconds(30), ComplaintBodies::body,
                    complaintIndex.getAndAdd((long) rate * duration.toSeconds()), intended::put);
            // the backlog drains from the moment the last request was due
            long lastDue = submit.lastDueNanos();
            run = new Findings.InboxRun(label, rate, submit, intended);
            long deadline = System.nanoTime() + drainCap.toNanos();
            while (System.nanoTime() < deadline && !allArrived(intended)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            run.waitedSeconds = (System.nanoTime() - lastDue) / 1e9;
            if (allArrived(intended)) {
                run.drainSeconds = Optional.of(Math.max(0, (lastArrival(intended) - lastDue) / 1e9));
            }
            // how fast the chain worked off the backlog once the load stopped: inbox arrivals per second
            long drained = intended.keySet().stream().map(inbox::arrival)
                    .filter(a -> a != null && a.nanos() > lastDue).count();
            double window = run.drainSeconds.orElse(run.waitedSeconds);
            run.drainRate = window <= 0.5 ? Double.NaN : drained / window;
        } finally {
            sampler.end(label);
        }
        run.backlogAtStart = backlog;
        run.maxLag = lagMonitor.maxSince(from);
        for (var e : intended.entrySet()) {
            InboxWatcher.Arrival a = inbox.arrival(e.getKey());
            if (a != null) {
                run.arrivedInWait++;
                run.inboxMicros.recordValue(Math.min(run.inboxMicros.getHighestTrackableValue(),
                        Math.max(0, (a.nanos() - e.getValue()) / 1_000)));
                if ("TRIAGE".equals(a.status())) {
                    run.triaged++;
                }
            }
        }
        step("  accepted %d (%.0f/s), failed %d, not sent %d; in inbox %d: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %s "
                + "(after the load: %.0f complaints/s into the inbox)",
                submit.accepted(), submit.acceptedPerSecond(), submit.failed(), submit.notSent(), run.arrivedInWait,
                run.p(50), run.p(99), run.maxMs(), run.drainSeconds.map(d -> String.format("drained %.1f s after the end", d))
                        .orElse("NOT drained after " + Math.round(run.waitedSeconds) + " s"), run.drainRate);
        if (profile) {
            try {
                profileSlowestConsumer(label, run);
            } catch (IOException e) {
                findings.problems.put("consumer profiles", firstLine(e));
            }
        }
        return run;
    }

    private boolean allArrived(Map<String, Long> intended) {
        for (String id : intended.keySet()) {
            if (inbox.arrival(id) == null) {
                return false;
            }
        }
        return true;
    }

    private long lastArrival(Map<String, Long> intended) {
        return intended.keySet().stream().map(inbox::arrival).filter(a -> a != null).mapToLong(InboxWatcher.Arrival::nanos)
                .max().orElse(0);
    }

    /**
     * Stops the recordings and summarises the slowest consumer's: the service whose consumer group fell
     * furthest behind during the phase (the most CPU when none fell behind).
     */
    private void profileSlowestConsumer(String label, Findings.InboxRun run) throws Exception {
        Map<AduanService, Path> files = new HashMap<>();
        for (AduanService s : CONSUMERS) {
            Path file = work.resolve("profiles/" + s.module + "-" + label.replaceAll("[^a-z0-9]+", "-") + ".jfr");
            JfrProfile.stop(launchers.get(s).pid(s), file);
            files.put(s, file);
        }
        Map<String, Double> cpu = new HashMap<>();
        sampler.usage(label).forEach(u -> cpu.put(u.group(), u.meanCores()));
        AduanService slowest = CONSUMERS.stream().max(Comparator
                .comparingLong((AduanService s) -> run.maxLag.getOrDefault(s.module, 0L))
                .thenComparingDouble(s -> cpu.getOrDefault(s.module, 0.0))).orElseThrow();
        String why = String.format("the slowest consumer during %s: its consumer group was up to %,d records behind "
                + "(routing %,d, followup %,d, stats %,d, notification %,d); mean CPU %.2f cores", label,
                run.maxLag.getOrDefault(slowest.module, 0L), run.maxLag.getOrDefault("routing-service", 0L),
                run.maxLag.getOrDefault("followup-service", 0L), run.maxLag.getOrDefault("stats-service", 0L),
                run.maxLag.getOrDefault("notification-service", 0L), cpu.getOrDefault(slowest.module, 0.0));
        findings.profiles.add(new Findings.Profile(slowest.module, why,
                JfrProfile.summarise(files.get(slowest), slowest.module + " during " + label, 12)));
        step("  slowest consumer: %s (%s)", slowest.module, why);
    }

    /** At the end: what arrived late, what never did, and whether the consumers had caught up (else: unresolved). */
    private void reconcile() throws Exception {
        awaitSettled(settleTimeout());
        findings.finalLag = lag.lagByGroup();
        List<Findings.InboxRun> all = new ArrayList<>(findings.inboxRuns);
        if (findings.burst != null) {
            all.add(findings.burst);
        }
        for (Findings.InboxRun run : all) {
            long arrived = run.intendedById.keySet().stream().filter(id -> inbox.arrival(id) != null).count();
            run.arrivedLater = arrived - run.arrivedInWait;
            run.neverArrived = run.intendedById.size() - arrived;
        }
    }

    private Duration settleTimeout() {
        return Duration.ofSeconds(plan.quick() ? 10 : 90);
    }

    /** Stops services (SIGTERM, in parallel); a launcher shared by several stops them all. */
    private void stop(List<AduanService> services) {
        List<Thread> stoppers = new ArrayList<>();
        java.util.Set<ServiceLauncher> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        services.stream().map(launchers::remove).filter(l -> l != null).forEach(distinct::add);
        distinct.forEach(l -> {
            Thread t = new Thread(l::close, "stop");
            t.start();
            stoppers.add(t);
        });
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until no consumer group is behind and no complaint arrived in the last 3 s, or the timeout. */
    private void awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = lag.lagByGroup().values().stream().allMatch(l -> l == 0);
            boolean quiet = inbox == null || System.nanoTime() - inbox.lastArrivalNanos() > TimeUnit.SECONDS.toNanos(3);
            if (caughtUp && quiet) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        step("  not settled after %d s: consumer lag %s, last arrival %.1f s ago", timeout.toSeconds(),
                lag.lagByGroup(), inbox == null ? 0 : (System.nanoTime() - inbox.lastArrivalNanos()) / 1e9);
    }

    // --- 6. routing preview -----------------------------------------------------------------------------------

    private void preview() throws Exception {
        int warmUp = 2_000;
        step("Routing preview: %d requests one at a time after %d warm-up requests", plan.previews(), warmUp);
        findings.previewWarmUp = warmUp;
        findings.preview = PreviewBenchmark.run(launchers.get(AduanService.ROUTING).baseUrl(AduanService.ROUTING),
                warmUp, plan.previews());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** The last records intake published to complaints.submitted: value and header sizes. */
    private Findings.RecordSize recordSize(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-size-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Integer> values = new ArrayList<>();
        long headers = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMITTED, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach((p, end) -> consumer.seek(p, Math.max(0, end - 100)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (values.size() < 100 * partitions.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.serializedValueSize());
                    for (Header h : r.headers()) {
                        headers += h.key().length() + (h.value() == null ? 0 : h.value().length);
                    }
                }
                if (partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    break;
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("no ComplaintSubmitted record found to measure");
        }
        return new Findings.RecordSize(values.size(), values.stream().mapToInt(Integer::intValue).average().orElse(0),
                headers / (double) values.size(), values.stream().mapToInt(Integer::intValue).min().orElse(0),
                values.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private Findings.Versions versions() {
        String quarkus = jarVersion(AduanHome.root().resolve("intake-service/target/quarkus-app/lib/main"),
                "io.quarkus.quarkus-core-");
        String broker = jarVersion(AduanHome.kafkaLib(), "kafka_2.13-");
        String postgres = "?";
        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl("postgres"), PostgresServer.USER,
                PostgresServer.PASSWORD); ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            if (rs.next()) {
                postgres = rs.getString(1);
            }
        } catch (Exception e) {
            // left as "?"
        }
        return new Findings.Versions(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                quarkus, broker, KafkaProducerPerf.clientVersion(), postgres);
    }

    private static String jarVersion(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".jar"))
                    .map(n -> n.substring(prefix.length(), n.length() - 4)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String quarkusStartedIn(Path log) {
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

    static long rssKb(long pid) {
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String keptAnalysis(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String old = Files.readString(file);
        int at = old.indexOf(ANALYSIS_MARKER);
        return at < 0 ? "\n" + ANALYSIS_MARKER + "\n" : "\n" + old.substring(at);
    }

    private void closePlatform() {
        if (sampler != null) { // whatever was measured, even if a later phase failed
            sampler.phases().forEach(p -> findings.usageByPhase.put(p, sampler.usage(p)));
        }
        for (AutoCloseable c : new AutoCloseable[] {lagMonitor, inbox, load, sampler, lag}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
        if (baseline != null) {
            baseline.close();
        }
        stop(new ArrayList<>(launchers.keySet()));
        if (infra != null) {
            infra.close();
        }
    }

    /** Samples every consumer group's lag every 2 s, so a phase can tell which service fell furthest behind. */
    private static final class LagMonitor implements AutoCloseable {
        private record Sample(long nanos, Map<String, Long> lag) {
        }

        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        LagMonitor(ConsumerLag lag) {
            thread = new Thread(() -> {
                while (running) {
                    samples.add(new Sample(System.nanoTime(), lag.lagByGroup()));
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lag-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        Map<String, Long> maxSince(long nanos) {
            Map<String, Long> max = new java.util.TreeMap<>();
            samples.stream().filter(s -> s.nanos() >= nanos).forEach(s -> s.lag().forEach((g, l) -> max.merge(g, l, Math::max)));
            return max;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
