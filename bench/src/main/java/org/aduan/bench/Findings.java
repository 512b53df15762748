package org.aduan.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;
import org.aduan.devstack.AduanService;

/** Everything one run measured, filled phase by phase and rendered by {@link BenchmarkReport}. */
final class Findings {

    record Versions(String java, String quarkus, String kafkaBroker, String kafkaClient, String postgres) {
    }

    /** Start and idle memory of one process started alone. */
    record Footprint(long readyMs, String quarkusStartedIn, double idleRssMb) {
    }

    /** Size of intake's ComplaintSubmitted records, read back from complaints.submitted. */
    record RecordSize(int records, double meanValueBytes, double meanHeaderBytes, int minValue, int maxValue) {
    }

    /** One fixed-rate phase of submit → inbox. */
    static final class InboxRun {
        final String label;
        final double rate;
        final OpenLoopLoad.Step submit;
        final Histogram inboxMicros = new Histogram(java.util.concurrent.TimeUnit.MINUTES.toMicros(60), 3);
        final Map<String, Long> intendedById;
        long arrivedInWait;
        long triaged;
        /** From the moment the last request was due to the last arrival; empty when it did not drain in the wait. */
        Optional<Double> drainSeconds = Optional.empty();
        double waitedSeconds;
        /** Inbox arrivals per second after the last request was due, until drained or the wait ended. */
        double drainRate = Double.NaN;
        long backlogAtStart;
        Map<String, Long> maxLag = Map.of();
        /** Set at the end of the run: arrived after the phase's wait; never arrived. */
        long arrivedLater;
        long neverArrived;

        InboxRun(String label, double rate, OpenLoopLoad.Step submit, Map<String, Long> intendedById) {
            this.label = label;
            this.rate = rate;
            this.submit = submit;
            this.intendedById = intendedById;
        }

        double p(double percentile) {
            return inboxMicros.getTotalCount() == 0 ? Double.NaN : inboxMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return inboxMicros.getTotalCount() == 0 ? Double.NaN : inboxMicros.getMaxValue() / 1000.0;
        }
    }

    /** A profile's summary, and why that process was profiled. */
    record Profile(String service, String why, String markdown) {
    }

    final BenchmarkPlan plan;
    Instant startedAt = Instant.now();
    double runSeconds;
    Versions versions;
    final Map<AduanService, Footprint> footprints = new EnumMap<>(AduanService.class);
    Footprint baselineFootprint;
    RecordSize recordSize;
    final List<OpenLoopLoad.Step> baselineSteps = new ArrayList<>();
    final List<OpenLoopLoad.Step> intakeSteps = new ArrayList<>();
    KafkaProducerPerf.Result perfMax;
    KafkaProducerPerf.Result perfAtIntakeRate;
    final List<InboxRun> inboxRuns = new ArrayList<>();
    /** Submit → inbox rates of the plan that were not run, with the reason. */
    final Map<Integer, String> inboxNotRun = new LinkedHashMap<>();
    InboxRun burst;
    final Map<String, List<PlatformSampler.Usage>> usageByPhase = new LinkedHashMap<>();
    final List<Profile> profiles = new ArrayList<>();
    Map<String, Long> finalLag = Map.of();
    PreviewBenchmark.Result preview;
    int previewWarmUp;
    StatsReplayBenchmark.Outcome replay;
    /** Sections that could not be measured, with the reason: the report says so instead of failing. */
    final Map<String, String> problems = new LinkedHashMap<>();

    Findings(BenchmarkPlan plan) {
        this.plan = plan;
    }
}
