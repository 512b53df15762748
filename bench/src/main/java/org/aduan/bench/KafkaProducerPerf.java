package org.aduan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Kafka's own producer benchmark, {@code kafka-producer-perf-test} (class
 * {@code org.apache.kafka.tools.ProducerPerformance} from {@code org.apache.kafka:kafka-tools}), run in its
 * own JVM against the benchmark's broker, on a topic shaped like complaints.submitted (same partitions,
 * replication and min.insync.replicas), with the producer settings intake uses: {@code acks=all},
 * {@code enable.idempotence=true}, {@code linger.ms=1}.
 */
final class KafkaProducerPerf {

    static final String TOPIC = "bench.producer-perf";
    static final String PRODUCER_PROPS = "acks=all enable.idempotence=true linger.ms=1";
    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), "
            + "([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
            + "(\\d+) ms 99.9th");

    /** The tool's summary line, and the CPU its JVM used. */
    record Result(String label, long records, int recordSize, double throttle, double recordsPerSecond,
            double mbPerSecond, double avgMs, double maxMs, long p50Ms, long p95Ms, long p99Ms, long p999Ms,
            double seconds, double cores, String summaryLine) {
    }

    private KafkaProducerPerf() {
    }

    static String clientVersion() {
        return AppInfoParser.getVersion();
    }

    static void createTopic(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1)
                    .configs(Map.of("min.insync.replicas", "1")))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the tool: {@code records} records of {@code recordSize} bytes, at most {@code throughput}/s (-1: as
     * fast as it can).
     */
    static Result run(String label, String bootstrap, long records, int recordSize, double throughput, Path logDir)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", String.valueOf((long) throughput),
                "--producer-props", "bootstrap.servers=" + bootstrap));
        command.addAll(List.of(PRODUCER_PROPS.split(" ")));
        Files.createDirectories(logDir);
        Path log = logDir.resolve("producer-perf-" + label.replaceAll("[^a-z0-9]+", "-") + ".log");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        long cpuTicks = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            cpuTicks = Math.max(cpuTicks, ticks(process.pid()));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("kafka-producer-perf-test did not finish in 5 minutes; see " + log);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log);
        Matcher m = TOTAL.matcher(output);
        String line = null;
        while (m.find()) {
            line = m.group();
        }
        if (line == null || process.exitValue() != 0) {
            throw new IllegalStateException("kafka-producer-perf-test failed (exit " + process.exitValue() + "); see " + log);
        }
        m = TOTAL.matcher(line);
        m.find();
        return new Result(label, Long.parseLong(m.group(1)), recordSize, throughput, Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                Long.parseLong(m.group(9)), seconds, cpuTicks / 100.0 / seconds, line);
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }
}
