package org.aduan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aduan.devstack.AduanService;

/** Renders {@link Findings} as the generated part of BENCHMARKS.md: every number next to its target. */
final class BenchmarkReport {

    private final Findings f;
    private final BenchmarkPlan plan;
    private final StringBuilder md = new StringBuilder();

    BenchmarkReport(Findings findings) {
        this.f = findings;
        this.plan = findings.plan;
    }

    String render() {
        header();
        targets();
        intakeLimits();
        inbox();
        burst();
        replay();
        footprint();
        preview();
        profiles();
        problems();
        return md.toString();
    }

    // --- header ---------------------------------------------------------------------------------------------

    private void header() {
        md.append("# Aduan benchmarks\n\n");
        md.append("Written by `").append(plan.command()).append("` (bench/src/main/java/org/aduan/bench/Benchmarks.java) on ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(f.startedAt.atOffset(ZoneOffset.UTC).withNano(0)))
                .append(" UTC; the run took ").append(String.format("%.1f", f.runSeconds / 60)).append(" min. ")
                .append("Figures are measurements, not test assertions.");
        if (plan.quick()) {
            md.append(" **Quick run**: every phase shorter and at lower rates than issue 9 asks, to check the harness;"
                    + " targets that need the full rates are marked \"not measured\".");
        }
        md.append("\n\n## Machine and versions\n\n");
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; memory ").append(memTotal()).append('\n');
        if (f.versions != null) {
            md.append("- Java: ").append(f.versions.java()).append("; Quarkus ").append(f.versions.quarkus()).append('\n');
            md.append("- Kafka broker ").append(f.versions.kafkaBroker()).append(" (single node, KRaft, 3 partitions per topic)"
                    + "; Kafka client ").append(f.versions.kafkaClient())
                    .append(" (the services' and the producer perf test's, from the Quarkus BOM)\n");
            md.append("- PostgreSQL ").append(f.versions.postgres()).append(" (zonky binaries, fsync on)\n");
        }
        md.append("- Services: packaged Quarkus JVM apps started by devstack's ServiceLauncher, `"
                + String.join(" ", org.aduan.devstack.ServiceLauncher.JVM_FLAGS) + "`; Kafka `-Xmx512m -XX:+UseG1GC`. Everything, the load generator included, shares "
                + "the same cores.\n");
        md.append(String.format("- Load generator (bench/src/main/java/org/aduan/bench/OpenLoopLoad.java): open loop at "
                + "fixed rates, each request due at `start + i/rate` and its latency measured from that intended time "
                + "(no coordinated omission); Vert.x HTTP/1.1 client, at most %d requests in flight (keep-alive "
                + "connections), a step stops when its schedule falls 5 s (30 s for the inbox phases) behind; "
                + "HdrHistogram. It runs in the benchmark's own JVM, on the same cores as what it measures: its CPU is "
                + "reported with every step.%n", plan.connections()));
        md.append("- Request bodies (ComplaintBodies.java): a title, two sentences of Indonesian, a category and one of "
                + "ten regencies, a place description; three in five name a reporter (name and phone, sealed by intake). They come "
                + "from " + String.format("%,d", ComplaintBodies.ADDRESSES) + " client addresses (`X-Forwarded-For`, "
                + "which intake is told to trust from 127.0.0.1 as behind an ingress), so intake's per-address limits "
                + "apply as configured without one address taking all the load.");
        if (f.recordSize != null) {
            md.append(String.format(" The resulting ComplaintSubmitted records: %.0f bytes of JSON on average (%d–%d, "
                    + "%d records read back from complaints.submitted), plus %.0f bytes of CloudEvents headers.",
                    f.recordSize.meanValueBytes(), f.recordSize.minValue(), f.recordSize.maxValue(),
                    f.recordSize.records(), f.recordSize.meanHeaderBytes()));
        }
        md.append("\n\n");
    }

    // --- targets --------------------------------------------------------------------------------------------

    private void targets() {
        md.append("## Targets (issue 9)\n\n| target | measured | verdict |\n|---|---|---|\n");
        Optional<OpenLoopLoad.Step> intake = Benchmarks.sustained(f.intakeSteps);
        Optional<Double> floor = floor(true);
        if (intake.isPresent() && floor.isPresent()) {
            double share = intake.get().acceptedPerSecond() / floor.get();
            md.append(String.format("| intake ≥ 50 %% of min(bare HTTP, bare Kafka), p99 < 50 ms | %.0f/s = %.1f %% of %.0f/s "
                    + "(p99 %.1f ms) | %s |%n", intake.get().acceptedPerSecond(), 100 * share, floor.get(),
                    intake.get().p(99), share >= BenchmarkPlan.TARGET_INTAKE_SHARE ? "met"
                            : String.format("**missed** by %.1f points", 100 * (BenchmarkPlan.TARGET_INTAKE_SHARE - share))));
        } else if (!f.intakeSteps.isEmpty()) {
            md.append("| intake ≥ 50 % of min(bare HTTP, bare Kafka), p99 < 50 ms | no step kept up with p99 < 50 ms | "
                    + "**missed** |\n");
        } else {
            md.append("| intake ≥ 50 % of min(bare HTTP, bare Kafka), p99 < 50 ms | not measured | — |\n");
        }
        Optional<Findings.InboxRun> atTarget = f.inboxRuns.stream()
                .filter(r -> r.rate >= BenchmarkPlan.TARGET_INBOX_RATE).findFirst();
        Optional<Findings.InboxRun> topRun = f.inboxRuns.stream().max((a, b) -> Double.compare(a.rate, b.rate));
        if (atTarget.isPresent()) {
            Findings.InboxRun r = atTarget.get();
            double p99 = r.p(99);
            md.append(String.format("| submit → inbox p99 < 1 s at 1,000/s | p99 %s (%d of %d accepted in the inbox) | %s |%n",
                    ms(p99), r.arrivedInWait, r.submit.accepted(), r.arrivedInWait < r.submit.accepted()
                            ? "**missed**: not all arrived within " + Math.round(r.waitedSeconds) + " s"
                            : p99 < BenchmarkPlan.TARGET_INBOX_P99_MS ? "met"
                                    : String.format("**missed** by %s", ms(p99 - BenchmarkPlan.TARGET_INBOX_P99_MS))));
            md.append(String.format("| 0 lost at 1,000/s | %s | %s |%n", lostText(r), lostVerdict(r)));
        } else {
            String why = Optional.ofNullable(f.inboxNotRun.get(BenchmarkPlan.TARGET_INBOX_RATE))
                    .map(reason -> "not run: " + reason).orElse("not measured");
            boolean missed = f.inboxNotRun.containsKey(BenchmarkPlan.TARGET_INBOX_RATE);
            md.append(String.format("| submit → inbox p99 < 1 s at 1,000/s | %s (top rate run %s) | %s |%n", why,
                    topRun.map(r -> String.format("%.0f/s: p99 %s", r.rate, ms(r.p(99)))).orElse("none"),
                    missed ? "**missed**" : "—"));
            md.append(String.format("| 0 lost at 1,000/s | %s (top rate run %s) | %s |%n", why,
                    topRun.map(r -> String.format("%.0f/s: %s", r.rate, lostText(r))).orElse("none"),
                    "not measured at 1,000/s"));
        }
        if (f.burst != null) {
            Findings.InboxRun b = f.burst;
            md.append(String.format("| burst 2,000/s for 60 s: nothing lost | %.0f/s for %d s: %s; drained %s after the burst "
                    + "| %s |%n", b.rate, plan.burstDuration().toSeconds(), lostText(b), b.drainSeconds
                            .map(d -> String.format("%.1f s", d)).orElse("not within " + Math.round(b.waitedSeconds) + " s"),
                    b.rate < BenchmarkPlan.TARGET_BURST_RATE || plan.burstDuration().toSeconds() < 60
                            ? "not measured at full size" : lostVerdict(b)));
        }
        if (f.replay != null) {
            double projected = f.replay.seconds() * 1_000_000 / Math.max(1, f.replay.eventsRead());
            boolean full = f.replay.eventsRead() >= 1_000_000;
            md.append(String.format("| 1M-event replay < 2 min | %,d events in %.1f s%s | %s |%n", f.replay.eventsRead(),
                    f.replay.seconds(), full ? "" : String.format(" (%.0f s projected for 1M)", projected),
                    !full ? "not measured at full size"
                            : f.replay.seconds() < BenchmarkPlan.TARGET_REPLAY_SECONDS ? "met"
                                    : String.format("**missed** by %.0f s",
                                            f.replay.seconds() - BenchmarkPlan.TARGET_REPLAY_SECONDS)));
        }
        if (!f.footprints.isEmpty()) {
            long startMet = f.footprints.values().stream().filter(x -> x.readyMs() < BenchmarkPlan.TARGET_START_MS).count();
            long idleMet = f.footprints.values().stream().filter(x -> x.idleRssMb() < BenchmarkPlan.TARGET_IDLE_MB).count();
            long worstStart = f.footprints.values().stream().mapToLong(Findings.Footprint::readyMs).max().orElse(0);
            double worstIdle = f.footprints.values().stream().mapToDouble(Findings.Footprint::idleRssMb).max().orElse(0);
            md.append(String.format("| each service starts < 3 s | %d of %d; slowest %,d ms | %s |%n", startMet,
                    f.footprints.size(), worstStart, startMet == f.footprints.size() ? "met"
                            : String.format("**missed** by up to %,d ms", worstStart - BenchmarkPlan.TARGET_START_MS)));
            md.append(String.format("| each service idles < 200 MB RSS | %d of %d; largest %.0f MB | %s |%n", idleMet,
                    f.footprints.size(), worstIdle, idleMet == f.footprints.size() ? "met"
                            : String.format("**missed** by up to %.0f MB", worstIdle - BenchmarkPlan.TARGET_IDLE_MB)));
        }
        if (f.preview != null) {
            double p99 = PreviewBenchmark.pct(f.preview.micros(), 99) / 1000.0;
            md.append(String.format("| routing preview p99 < 20 ms | %.2f ms | %s |%n", p99,
                    p99 < BenchmarkPlan.TARGET_PREVIEW_P99_MS ? "met"
                            : String.format("**missed** by %.1f ms", p99 - BenchmarkPlan.TARGET_PREVIEW_P99_MS)));
        }
        md.append('\n');
    }

    /**
     * min(bare HTTP, bare Kafka): HTTP's highest rate with p99 < 50 ms (its maximum if no step had that, or when
     * {@code sustainedHttp} is false), Kafka's maximum.
     */
    private Optional<Double> floor(boolean sustainedHttp) {
        Optional<Double> httpMax = f.baselineSteps.stream().map(OpenLoopLoad.Step::acceptedPerSecond).max(Double::compare);
        Optional<Double> http = sustainedHttp
                ? Benchmarks.sustained(f.baselineSteps).map(OpenLoopLoad.Step::acceptedPerSecond).or(() -> httpMax)
                : httpMax;
        Optional<Double> kafka = Optional.ofNullable(f.perfMax).map(KafkaProducerPerf.Result::recordsPerSecond);
        if (http.isEmpty() && kafka.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.min(http.orElse(Double.MAX_VALUE), kafka.orElse(Double.MAX_VALUE)));
    }

    private boolean settled() {
        return !f.finalLag.isEmpty() && f.finalLag.values().stream().allMatch(l -> l == 0);
    }

    private String lostText(Findings.InboxRun r) {
        long missing = r.submit.accepted() - r.arrivedInWait - r.arrivedLater;
        if (missing <= 0) {
            return String.format("%,d accepted, all in the inbox", r.submit.accepted());
        }
        return settled() ? String.format("%,d of %,d accepted never reached the inbox", missing, r.submit.accepted())
                : String.format("%,d of %,d accepted not in the inbox at the end, consumers still %,d records behind "
                        + "(queued, not known lost)", missing, r.submit.accepted(), totalLag());
    }

    private String lostVerdict(Findings.InboxRun r) {
        long missing = r.submit.accepted() - r.arrivedInWait - r.arrivedLater;
        if (missing <= 0) {
            return "met";
        }
        return settled() ? String.format("**missed**: %,d lost", missing) : "**unresolved** (still queued)";
    }

    private long totalLag() {
        return f.finalLag.values().stream().mapToLong(Long::longValue).sum();
    }

    // --- 1. intake against its limits ------------------------------------------------------------------------

    private void intakeLimits() {
        md.append("## 1. Intake against its limits\n\n");
        md.append(String.format("Each system is sent complaints open-loop at rising fixed rates (×%.1f, %d s per step, "
                + "after a %d s warm-up at the first rate) until a step is not kept up (a request failed, the schedule "
                + "fell 5 s behind, or less than 95 %% of the offered rate was accepted). **Sustained** = the highest "
                + "step kept up with p99 < 50 ms; **max** = the most accepted per second in any step. Intake is measured "
                + "with routing, followup, stats and notification stopped, as the bare systems are measured alone; "
                + "Kafka and PostgreSQL run, and intake answers 202 after its transaction committed and the broker "
                + "acknowledged the event (`acks=all`; only a broker slower than 10 s leaves the event to the outbox "
                + "sweep).%n%n", plan.stepFactor(), plan.limitStep().toSeconds(),
                plan.limitStep().toSeconds()));
        if (!f.baselineSteps.isEmpty() || !f.intakeSteps.isEmpty()) {
            md.append("| system | offered (/s) | accepted (/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | failed | not sent "
                    + "| generator CPU (cores) | kept up |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (var s : f.baselineSteps) {
                limitRow("bare HTTP (no-op endpoint)", s);
            }
            for (var s : f.intakeSteps) {
                limitRow("intake `POST /api/v1/complaints`", s);
            }
            md.append('\n');
        }
        if (f.perfMax != null) {
            md.append(String.format("Kafka's own `kafka-producer-perf-test` (`org.apache.kafka.tools.ProducerPerformance`, "
                    + "kafka-tools %s, own JVM `-Xmx512m`) on topic `%s` (3 partitions like complaints.submitted), records of "
                    + "%d bytes (intake's mean ComplaintSubmitted value; the tool sends no headers), `%s`:%n%n",
                    f.versions == null ? "?" : f.versions.kafkaClient(), KafkaProducerPerf.TOPIC, f.perfMax.recordSize(),
                    KafkaProducerPerf.PRODUCER_PROPS));
            md.append("| run | records | records/s | MB/s | avg (ms) | p50 (ms) | p95 (ms) | p99 (ms) | p99.9 (ms) | max (ms) "
                    + "| tool CPU (cores) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            perfRow("as fast as it goes (`--throughput -1`)", f.perfMax);
            if (f.perfAtIntakeRate != null) {
                perfRow(String.format("at intake's rate (`--throughput %.0f`)", f.perfAtIntakeRate.throttle()),
                        f.perfAtIntakeRate);
            }
            md.append('\n');
        }
        Optional<OpenLoopLoad.Step> intake = Benchmarks.sustained(f.intakeSteps);
        Optional<OpenLoopLoad.Step> http = Benchmarks.sustained(f.baselineSteps);
        Optional<Double> intakeMax = f.intakeSteps.stream().map(OpenLoopLoad.Step::acceptedPerSecond).max(Double::compare);
        Optional<Double> httpMax = f.baselineSteps.stream().map(OpenLoopLoad.Step::acceptedPerSecond).max(Double::compare);
        md.append("| | intake | bare HTTP | bare Kafka | ratio intake / min(HTTP, Kafka) |\n|---|---:|---:|---:|---:|\n");
        Optional<Double> kafka = Optional.ofNullable(f.perfMax).map(KafkaProducerPerf.Result::recordsPerSecond);
        md.append(String.format("| sustained (p99 < 50 ms), /s | %s | %s | %s (max) | %s |%n",
                rate(intake.map(OpenLoopLoad.Step::acceptedPerSecond)), rate(http.map(OpenLoopLoad.Step::acceptedPerSecond)),
                rate(kafka), ratio(intake.map(OpenLoopLoad.Step::acceptedPerSecond), floor(true))));
        md.append(String.format("| max, /s | %s | %s | %s | %s |%n", rate(intakeMax), rate(httpMax), rate(kafka),
                ratio(intakeMax, floor(false))));
        md.append('\n');
        usageLine("bare HTTP limit");
        usageLine("intake limit");
        usageLine("Kafka producer perf test");
        md.append('\n');
    }

    private void limitRow(String system, OpenLoopLoad.Step s) {
        md.append(String.format("| %s | %.0f | %.0f | %s | %s | %s | %s | %,d%s | %,d | %.2f | %s |%n", system, s.offeredRate(),
                s.acceptedPerSecond(), num(s.p(50)), num(s.p(90)), num(s.p(99)), num(s.maxMs()), s.failed(),
                s.failures().isEmpty() ? "" : " " + s.failures(), s.notSent(), s.generatorCores(),
                s.keptUp() ? (s.p(99) < BenchmarkPlan.TARGET_INTAKE_P99_MS ? "yes" : "yes, p99 ≥ 50 ms") : "**no**"));
    }

    private void perfRow(String label, KafkaProducerPerf.Result r) {
        md.append(String.format("| %s | %,d | %,.0f | %.2f | %.1f | %d | %d | %d | %d | %.0f | %.2f |%n", label, r.records(),
                r.recordsPerSecond(), r.mbPerSecond(), r.avgMs(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.p999Ms(), r.maxMs(),
                r.cores()));
    }

    /** One line: the mean CPU of each process during a phase, to show who the two cores went to. */
    private void usageLine(String phase) {
        List<PlatformSampler.Usage> usage = f.usageByPhase.get(phase);
        if (usage == null || usage.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (var u : usage) {
            if (u.meanCores() >= 0.01 && !u.group().startsWith("platform")) {
                parts.add(String.format("%s %.2f", u.group(), u.meanCores()));
            }
        }
        md.append("- CPU during \"").append(phase).append("\" (mean cores): ").append(String.join(", ", parts)).append('\n');
    }

    // --- 2, 3. submit → inbox, burst -------------------------------------------------------------------------

    private void inbox() {
        md.append("## 2. Submit → agency inbox\n\n");
        md.append("\"In the inbox\" = followup-service has given the case to the agency: its `ROUTED` lifecycle event "
                + "(or `TRIAGE`, for the operators' queue; counted apart) has arrived. followup writes that event to its "
                + "outbox in the same transaction that assigns the case, and publishes it after the commit, so the "
                + "event is seen at most one outbox relay and one Kafka hop after an officer could see the case: an "
                + "honest, slightly pessimistic measure that costs the platform nothing (polling followup's agency API "
                + "would need Keycloak tokens and load followup itself). The benchmark reads complaints.lifecycle from "
                + "its end with its own consumer. Latency runs from each request's intended send time (HTTP, intake's "
                + "transaction and broker ack, routing, followup and three Kafka hops). **Lost** = accepted with 202 "
                + "but never in the inbox by the end of the run, once every consumer group had caught up; if some group "
                + "was still behind, what is missing is reported as queued, not lost.\n\n");
        if (f.inboxRuns.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        inboxTable(f.inboxRuns);
        f.inboxNotRun.forEach((rate, reason) -> md.append(String.format("- %d/s: not run, %s.%n", rate, reason)));
        for (var r : f.inboxRuns) {
            if (!Double.isNaN(r.drainRate)) {
                md.append(String.format("- %s: after the load stopped the chain moved %.0f complaints/s into the inbox.%n",
                        r.label, r.drainRate));
            }
        }
        for (var r : f.inboxRuns) {
            usageLine(r.label);
        }
        cpuPerComplaint();
        md.append('\n');
    }

    /**
     * For the phases that drained: CPU time per complaint, by process (mean cores × the phase's length ÷
     * complaints accepted). On this machine the two cores divided by the platform's total is the most the
     * whole chain can take, however it is tuned for latency.
     */
    private void cpuPerComplaint() {
        for (var r : f.inboxRuns) {
            List<PlatformSampler.Usage> usage = f.usageByPhase.get(r.label);
            if (r.drainSeconds.isEmpty() || usage == null || r.submit.accepted() == 0) {
                continue;
            }
            double seconds = r.submit.due() / r.rate + r.waitedSeconds;
            List<String> parts = new ArrayList<>();
            double total = 0;
            for (var u : usage) {
                if (u.platform() && !u.group().startsWith("platform")) {
                    double ms = u.meanCores() * seconds * 1000 / r.submit.accepted();
                    total += ms;
                    parts.add(String.format("%s %.1f", u.group().replace("-service", ""), ms));
                }
            }
            md.append(String.format("- CPU per complaint during \"%s\" (ms): %s; **platform %.1f ms**, so %d cores take "
                    + "at most about %.0f complaints/s through the whole chain.%n", r.label, String.join(", ", parts),
                    total, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1000 / total));
        }
    }

    private void inboxTable(List<Findings.InboxRun> runs) {
        md.append("| phase | offered (/s) | s | accepted | accepted (/s) | submit → 202 p50 / p99 (ms) | failed | not sent "
                + "| inbox p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | triaged | drained after the last due request "
                + "| arrived later | lost | backlog at start | max lag per consumer group (records, its most lagging topic) |\n"
                + "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---|\n");
        for (var r : runs) {
            long missing = r.submit.accepted() - r.arrivedInWait - r.arrivedLater;
            md.append(String.format("| %s | %.0f | %.0f | %,d | %.0f | %s / %s | %,d%s | %,d | %s | %s | %s | %s | %,d | %s "
                    + "| %,d | %s | %,d | %s |%n", r.label, r.rate, r.submit.due() / r.rate, r.submit.accepted(),
                    r.submit.acceptedPerSecond(), num(r.submit.p(50)), num(r.submit.p(99)), r.submit.failed(),
                    r.submit.failures().isEmpty() ? "" : " " + r.submit.failures(), r.submit.notSent(), num(r.p(50)),
                    num(r.inboxMicros.getTotalCount() == 0 ? Double.NaN : r.inboxMicros.getValueAtPercentile(90) / 1000.0),
                    num(r.p(99)), num(r.maxMs()), r.triaged,
                    r.drainSeconds.map(d -> String.format("%.1f s", d))
                            .orElse("not within " + Math.round(r.waitedSeconds) + " s"),
                    r.arrivedLater, missing <= 0 ? "0" : settled() ? "**" + missing + "**" : missing + " queued",
                    r.backlogAtStart, lagText(r.maxLag)));
        }
        md.append('\n');
    }

    private static String lagText(Map<String, Long> lag) {
        List<String> parts = new ArrayList<>();
        lag.forEach((g, l) -> parts.add(g.replace("-service", "") + " " + String.format("%,d", l)));
        return String.join(", ", parts);
    }

    private void burst() {
        md.append("## 3. Burst\n\n");
        if (f.burst == null) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append(String.format("%.0f complaints/s for %d s, open loop, right after the fixed-rate phases; then the time "
                + "until every accepted complaint is in the inbox, counted from the moment the last request was due "
                + "(waited at most %d s). Same columns as above.%n%n", f.burst.rate, plan.burstDuration().toSeconds(),
                plan.burstDrainCap().toSeconds()));
        inboxTable(List.of(f.burst));
        if (!Double.isNaN(f.burst.drainRate)) {
            long left = f.burst.submit.accepted() - f.burst.arrivedInWait;
            md.append(String.format("- After the burst the chain moved %.0f complaints/s into the inbox%s.%n",
                    f.burst.drainRate, f.burst.drainSeconds.isPresent() || left <= 0 ? ""
                            : String.format("; at that rate the %,d still queued would take another %.0f s", left,
                                    left / f.burst.drainRate)));
        }
        usageLine(f.burst.label);
        md.append('\n');
    }

    private void replay() {
        md.append("## 4. Stats: rebuild by replay\n\n");
        if (f.replay == null) {
            md.append(plan.replayEvents() == 0 ? "Not run (`--replay-events 0`).\n\n" : "Not measured.\n\n");
            return;
        }
        String section = f.replay.markdown();
        md.append(section.substring(section.indexOf('\n') + 1).strip()).append("\n\n");
    }

    // --- 5. footprint ----------------------------------------------------------------------------------------

    private void footprint() {
        md.append("## 5. Footprint\n\n### Start time and idle memory (each service started alone)\n\n");
        md.append("| process | spawn → ready (ms) | Quarkus \"started in\" | idle RSS (MB) | targets |\n|---|---:|---:|---:|---|\n");
        for (AduanService s : AduanService.all()) {
            Findings.Footprint fp = f.footprints.get(s);
            if (fp == null) {
                continue;
            }
            md.append(String.format("| %s | %,d | %s | %.0f | start < 3 s: %s; idle < 200 MB: %s |%n", s.module, fp.readyMs(),
                    fp.quarkusStartedIn(), fp.idleRssMb(),
                    fp.readyMs() < BenchmarkPlan.TARGET_START_MS ? "met"
                            : String.format("missed by %,d ms", fp.readyMs() - BenchmarkPlan.TARGET_START_MS),
                    fp.idleRssMb() < BenchmarkPlan.TARGET_IDLE_MB ? "met"
                            : String.format("missed by %.0f MB", fp.idleRssMb() - BenchmarkPlan.TARGET_IDLE_MB)));
        }
        if (f.baselineFootprint != null) {
            md.append(String.format("| bare Quarkus REST app (bench-baseline-http), for scale | %,d | %s | %.0f | — |%n",
                    f.baselineFootprint.readyMs(), f.baselineFootprint.quarkusStartedIn(), f.baselineFootprint.idleRssMb()));
        }
        md.append(String.format("%n\"spawn → ready\": from starting the JVM to the first successful `/q/health/ready` "
                + "(for the baseline: the first 202); one process at a time, Kafka and PostgreSQL running. Idle RSS "
                + "after %d s without load.%n%n", plan.idle().toSeconds()));
        md.append("### Memory and CPU under load\n\n");
        md.append("Sampled once a second during each load phase: RSS of each JVM, and for PostgreSQL the PSS summed over "
                + "the postmaster and its backends (they share the buffer cache; summing RSS would count it once per "
                + "backend). \"platform\" = the five services + Kafka + PostgreSQL. CPU in cores (1.00 = one core busy; "
                + "this machine has " + Runtime.getRuntime().availableProcessors() + ").\n\n");
        List<String> phases = new ArrayList<>(f.usageByPhase.keySet());
        if (phases.isEmpty()) {
            md.append("Not measured.\n\n");
            return;
        }
        Map<String, Map<String, PlatformSampler.Usage>> byGroup = new LinkedHashMap<>();
        f.usageByPhase.forEach((phase, usages) -> usages.forEach(u -> byGroup.computeIfAbsent(u.group(),
                g -> new LinkedHashMap<>()).put(phase, u)));
        md.append("Memory, MB (peak / mean):\n\n| process | ").append(String.join(" | ", phases)).append(" |\n|---|")
                .append("---:|".repeat(phases.size())).append('\n');
        byGroup.forEach((group, usage) -> {
            md.append("| ").append(group.startsWith("platform") ? "**" + group + "**" : group);
            for (String p : phases) {
                PlatformSampler.Usage u = usage.get(p);
                md.append(" | ").append(u == null ? "—" : String.format("%.0f / %.0f", u.peakMb(), u.meanMb()));
            }
            md.append(" |\n");
        });
        md.append("\nCPU, cores (mean / peak of 1 s samples):\n\n| process | ").append(String.join(" | ", phases))
                .append(" |\n|---|").append("---:|".repeat(phases.size())).append('\n');
        byGroup.forEach((group, usage) -> {
            md.append("| ").append(group.startsWith("platform") ? "**" + group + "**" : group);
            for (String p : phases) {
                PlatformSampler.Usage u = usage.get(p);
                md.append(" | ").append(u == null ? "—" : String.format("%.2f / %.2f", u.meanCores(), u.peakCores()));
            }
            md.append(" |\n");
        });
        md.append('\n');
    }

    private void preview() {
        if (f.preview != null) {
            md.append(PreviewBenchmark.report(f.preview, f.previewWarmUp).replace("## Routing preview", "## 6. Routing preview"));
        } else {
            md.append("## 6. Routing preview\n\nNot measured.\n\n");
        }
    }

    // --- 7. profiles -----------------------------------------------------------------------------------------

    private void profiles() {
        md.append("## 7. Profiles\n\n");
        if (f.profiles.isEmpty()) {
            md.append("None recorded.\n\n");
            return;
        }
        md.append("Java Flight Recordings taken with `jcmd <pid> JFR.start settings=profile` while the load ran "
                + "(files in bench/target/run/profiles/; open them with JDK Mission Control or `jfr print`). CPU "
                + "samples say where running threads spent their time; waits say where threads blocked (on the "
                + "broker's ack, the database, a lock). Recording costs a few per cent of CPU.\n\n");
        for (Findings.Profile p : f.profiles) {
            md.append("**").append(p.service()).append("**, ").append(p.why()).append(".\n\n").append(p.markdown());
        }
    }

    private void problems() {
        if (f.problems.isEmpty()) {
            return;
        }
        md.append("## Not measured in this run\n\n");
        f.problems.forEach((section, reason) -> md.append("- ").append(section).append(": ").append(reason).append('\n'));
        md.append('\n');
    }

    // --- formatting ------------------------------------------------------------------------------------------

    private static String num(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        return ms < 10 ? String.format("%.2f", ms) : ms < 100 ? String.format("%.1f", ms) : String.format("%,.0f", ms);
    }

    private static String ms(double ms) {
        return Double.isNaN(ms) ? "—" : ms < 1000 ? String.format("%.0f ms", ms) : String.format("%.2f s", ms / 1000);
    }

    private static String rate(Optional<Double> perSecond) {
        return perSecond.map(r -> String.format("%,.0f", r)).orElse("—");
    }

    private static String ratio(Optional<Double> value, Optional<Double> floor) {
        if (value.isEmpty() || floor.isEmpty() || floor.get() <= 0) {
            return "—";
        }
        return String.format("%.1f %%", 100 * value.get() / floor.get());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(s -> s.startsWith("model name"))
                    .findFirst().map(s -> s.substring(s.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(s -> s.startsWith("MemTotal"))
                    .findFirst().map(s -> String.format("%.1f GiB", Long.parseLong(s.replaceAll("[^0-9]", "")) / 1048576.0))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
