package org.aduan.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ./aduan bench} runs: the full plan of issue 9 (about 15–20 minutes on two cores), or with
 * {@code --quick} the same phases shorter and at lower rates (under 5 minutes), to check the harness.
 * <p>
 * Options: {@code --quick}; {@code --rates 25,50,100,500,1000} (submit → inbox rates, run rising until one
 * leaves a backlog that does not drain); {@code --duration 60}
 * (seconds per rate); {@code --burst 2000} (burst rate; its duration is {@code --duration}); {@code
 * --replay-events 1000000} (0: no replay); {@code --connections 256} (requests in flight at most).
 */
record BenchmarkPlan(boolean quick, String[] args,
        Duration idle,
        Duration warmUp, int warmUpRate,
        Duration limitStep, double intakeFirstRate, double baselineFirstRate, double stepFactor, int maxSteps,
        long producerPerfRecords,
        List<Integer> inboxRates, Duration inboxDuration, Duration inboxDrainCap,
        int burstRate, Duration burstDuration, Duration burstDrainCap,
        int previews, int replayEvents, int connections) {

    /** The targets of issue 9. */
    static final double TARGET_INTAKE_SHARE = 0.5;
    static final double TARGET_INTAKE_P99_MS = 50;
    static final double TARGET_INBOX_P99_MS = 1000;
    static final int TARGET_INBOX_RATE = 1000;
    static final int TARGET_BURST_RATE = 2000;
    static final long TARGET_START_MS = 3000;
    static final long TARGET_IDLE_MB = 200;
    static final double TARGET_REPLAY_SECONDS = 120;
    static final double TARGET_PREVIEW_P99_MS = 20;

    static BenchmarkPlan from(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        List<Integer> rates = Arrays.stream(arg(args, "--rates", quick ? "10,25,50" : "25,50,100,500,1000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Duration phase = Duration.ofSeconds(Long.parseLong(arg(args, "--duration", quick ? "5" : "60")));
        int burst = Integer.parseInt(arg(args, "--burst", quick ? "100" : "2000"));
        int replay = Integer.parseInt(arg(args, "--replay-events", quick ? "50000" : "1000000"));
        int connections = Integer.parseInt(arg(args, "--connections", "256"));
        if (quick) {
            return new BenchmarkPlan(true, args, Duration.ofSeconds(5), Duration.ofSeconds(5), 30,
                    Duration.ofSeconds(3), 50, 500, 2.0, 8, 50_000,
                    rates, phase, Duration.ofSeconds(15), burst, phase, Duration.ofSeconds(30),
                    2_000, replay, connections);
        }
        return new BenchmarkPlan(false, args, Duration.ofSeconds(15), Duration.ofSeconds(30), 30,
                Duration.ofSeconds(10), 50, 500, 1.5, 14, 500_000,
                rates, phase, Duration.ofSeconds(60), burst, phase, Duration.ofSeconds(180),
                10_000, replay, connections);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    String command() {
        return "./aduan bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
    }
}
