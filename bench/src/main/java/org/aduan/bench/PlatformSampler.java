package org.aduan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Samples, once a second, the memory and CPU of every process of the platform (each service, Kafka,
 * PostgreSQL with all its backends) and of the load generator, and summarises them per phase of the run.
 * <p>
 * Memory of a JVM is its RSS ({@code VmRSS}); PostgreSQL's is the sum of the PSS of its processes, since its
 * backends share the buffer cache and summing their RSS would count it once per backend. CPU is the growth of
 * {@code utime + stime} between samples, in cores (1.0 = one core busy).
 */
final class PlatformSampler implements AutoCloseable {

    /** A named group of processes (one service; Kafka; PostgreSQL's postmaster and its children). */
    record Group(String name, boolean platform, Supplier<List<Long>> pids, boolean proportional) {
    }

    record Sample(long nanos, Map<String, long[]> byGroup) { // group → {memory KB, CPU ticks}
    }

    /** Figures of one group over one phase. */
    record Usage(String group, boolean platform, double peakMb, double meanMb, double meanCores, double peakCores) {
    }

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final List<Group> groups = new CopyOnWriteArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> phases = new LinkedHashMap<>(); // name → {from, to} nanos
    private final Thread thread;
    private volatile boolean running = true;

    PlatformSampler() {
        thread = new Thread(this::loop, "platform-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void add(Group group) {
        groups.add(group);
    }

    synchronized void begin(String phase) {
        phases.put(phase, new long[] {System.nanoTime(), Long.MAX_VALUE});
    }

    synchronized void end(String phase) {
        long[] span = phases.get(phase);
        if (span != null) {
            span[1] = System.nanoTime();
        }
    }

    synchronized List<String> phases() {
        return new ArrayList<>(phases.keySet());
    }

    private void loop() {
        while (running) {
            long t = System.nanoTime();
            Map<String, long[]> byGroup = new LinkedHashMap<>();
            for (Group g : groups) {
                long memory = 0;
                long ticks = 0;
                boolean any = false;
                for (long pid : g.pids().get()) {
                    long[] m = read(pid, g.proportional());
                    if (m != null) {
                        memory += m[0];
                        ticks += m[1];
                        any = true;
                    }
                }
                if (any) {
                    byGroup.put(g.name(), new long[] {memory, ticks});
                }
            }
            samples.add(new Sample(t, byGroup));
            try {
                Thread.sleep(Math.max(1, 1000 - (System.nanoTime() - t) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {memory KB, CPU ticks}, or null when the process is gone. */
    private static long[] read(long pid, boolean proportional) {
        try {
            Path proc = Path.of("/proc", String.valueOf(pid));
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            long memory = proportional ? kb(proc.resolve("smaps_rollup"), "Pss:") : kb(proc.resolve("status"), "VmRSS:");
            return new long[] {memory, ticks};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kb(Path file, String key) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        }
    }

    /** Usage per group during {@code phase}, in the order the groups were added; then the platform's total. */
    synchronized List<Usage> usage(String phase) {
        long[] span = phases.get(phase);
        if (span == null) {
            return List.of();
        }
        List<Sample> in = samples.stream().filter(s -> s.nanos() >= span[0] && s.nanos() <= span[1]).toList();
        List<Usage> out = new ArrayList<>();
        double[] platformCores = new double[Math.max(0, in.size() - 1)];
        double[] platformMem = new double[in.size()]; // per sample: the platform's total MB
        for (Group g : groups) {
            double peak = 0;
            double sum = 0;
            int n = 0;
            double coreSum = 0;
            double corePeak = 0;
            int coreN = 0;
            for (int i = 0; i < in.size(); i++) {
                long[] v = in.get(i).byGroup().get(g.name());
                if (v == null) {
                    continue;
                }
                double mb = v[0] / 1024.0;
                peak = Math.max(peak, mb);
                sum += mb;
                n++;
                if (g.platform()) {
                    platformMem[i] += mb;
                }
                if (i > 0) {
                    long[] before = in.get(i - 1).byGroup().get(g.name());
                    if (before != null && v[1] >= before[1]) {
                        double cores = (v[1] - before[1]) / (double) TICKS_PER_SECOND
                                / ((in.get(i).nanos() - in.get(i - 1).nanos()) / 1e9);
                        coreSum += cores;
                        corePeak = Math.max(corePeak, cores);
                        coreN++;
                        if (g.platform()) {
                            platformCores[i - 1] += cores;
                        }
                    }
                }
            }
            if (n > 0) {
                out.add(new Usage(g.name(), g.platform(), peak, sum / n, coreN == 0 ? 0 : coreSum / coreN, corePeak));
            }
        }
        if (!in.isEmpty()) {
            double peak = 0;
            double sum = 0;
            for (double mb : platformMem) {
                peak = Math.max(peak, mb);
                sum += mb;
            }
            double coreSum = 0;
            double corePeak = 0;
            for (double c : platformCores) {
                coreSum += c;
                corePeak = Math.max(corePeak, c);
            }
            out.add(new Usage("platform (services + Kafka + PostgreSQL)", true, peak, sum / in.size(),
                    platformCores.length == 0 ? 0 : coreSum / platformCores.length, corePeak));
        }
        return out;
    }

    /** Every process whose command line contains all of {@code parts}. */
    static List<Long> pidsWithCommandLine(String... parts) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    for (String part : parts) {
                        if (!cmd.contains(part)) {
                            return;
                        }
                    }
                    pids.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /** {@code pid} and all its descendants, if it is alive. */
    static List<Long> withDescendants(Optional<Long> pid) {
        return pid.flatMap(ProcessHandle::of)
                .map(h -> Stream.concat(Stream.of(h), h.descendants()).map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
