package org.aduan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recording of a running service, started and stopped with {@code jcmd} (JFR's "profile"
 * settings: a stack sample of every running Java thread every 10 ms, waits longer than 10 ms), and its
 * summary: where the CPU went (by top frame, by package, by library and by the Aduan code that called it),
 * what threads waited on, and the garbage collector's pauses.
 */
final class JfrProfile {

    private static final String NAME = "aduan-bench";

    private JfrProfile() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}. */
    static Path stop(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return file;
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("Exception")
                || out.contains("Could not")) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + out.strip());
        }
    }

    /** Libraries by package prefix, to say whose code the CPU was spent in. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.aduan.", "Aduan code");
        LIBRARIES.put("org.postgresql.", "PostgreSQL JDBC driver");
        LIBRARIES.put("io.agroal.", "Agroal connection pool");
        LIBRARIES.put("org.hibernate.", "Hibernate ORM");
        LIBRARIES.put("com.arjuna.", "Narayana transactions");
        LIBRARIES.put("io.quarkus.narayana.", "Narayana transactions");
        LIBRARIES.put("org.apache.kafka.", "Kafka client");
        LIBRARIES.put("io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging");
        LIBRARIES.put("io.smallrye.mutiny.", "Mutiny");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson (JSON)");
        LIBRARIES.put("io.vertx.", "Vert.x / Netty (HTTP, event loops)");
        LIBRARIES.put("io.netty.", "Vert.x / Netty (HTTP, event loops)");
        LIBRARIES.put("org.jboss.resteasy.reactive.", "Quarkus REST");
        LIBRARIES.put("io.quarkus.resteasy.reactive.", "Quarkus REST");
        LIBRARIES.put("org.apache.lucene.", "Lucene");
        LIBRARIES.put("org.jboss.logging.", "logging");
        LIBRARIES.put("org.jboss.logmanager.", "logging");
        LIBRARIES.put("io.quarkus.", "Quarkus (other)");
        LIBRARIES.put("io.smallrye.", "SmallRye (other)");
        LIBRARIES.put("sun.security.", "JDK crypto");
        LIBRARIES.put("com.sun.crypto.", "JDK crypto");
        LIBRARIES.put("javax.crypto.", "JDK crypto");
    }

    /** Threads that serve requests or consume events; waits elsewhere are housekeeping. */
    private static final java.util.regex.Pattern WORK_THREADS = java.util.regex.Pattern.compile(
            "executor-thread|vert\\.x-eventloop|smallrye-kafka-consumer|kafka-producer-network-thread|delivery-worker"
                    + "|outbox");
    /** Where a work thread waits for work, not in it. */
    private static final java.util.Set<String> IDLE = java.util.Set.of("EnhancedQueueExecutor$PoolThreadNode.park",
            "(JDK only)");

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.") || className.startsWith("javax.");
    }

    private static String library(String className) {
        for (var e : LIBRARIES.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return isJdk(className) ? "JDK" : "other: " + packageOf(className, 3);
    }

    private static String packageOf(String className, int segments) {
        String[] parts = className.split("\\.");
        int n = Math.min(parts.length - 1, segments);
        return n <= 0 ? className : String.join(".", java.util.Arrays.copyOf(parts, n));
    }

    private static String method(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    /**
     * Where samples are attributed: the first frame (from the top) outside the JDK — unless the JDK frame is
     * crypto — so that {@code HashMap.get} under Jackson counts as Jackson.
     */
    private static String libraryOfSample(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (!f.isJavaFrame()) {
                continue;
            }
            String type = f.getMethod().getType().getName();
            String lib = library(type);
            if (!"JDK".equals(lib)) {
                return lib;
            }
        }
        return "JDK";
    }

    private static String innermostAduan(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.isJavaFrame() && f.getMethod().getType().getName().startsWith("org.aduan.")) {
                return method(f);
            }
        }
        return null;
    }

    /** A Markdown summary of the recording: the tables that answer "where did the time go". */
    static String summarise(Path file, String title, int top) throws IOException {
        long samples = 0;
        Map<String, Long> topFrame = new HashMap<>();
        Map<String, Long> topPackage = new HashMap<>();
        Map<String, Long> byLibrary = new HashMap<>();
        Map<String, Long> byAduan = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        Map<String, long[]> waits = new HashMap<>(); // "event | innermost Aduan frame or top non-JDK frame" → {count, nanos}
        long gcPauseNanos = 0;
        long gcCount = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                String type = e.getEventType().getName();
                first = Math.min(first, e.getStartTime().toEpochMilli());
                last = Math.max(last, e.getEndTime().toEpochMilli());
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace st = e.getStackTrace();
                        if (st == null || st.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = st.getFrames();
                        RecordedFrame topJava = frames.stream().filter(RecordedFrame::isJavaFrame).findFirst()
                                .orElse(frames.get(0));
                        topFrame.merge(method(topJava), 1L, Long::sum);
                        topPackage.merge(packageOf(topJava.getMethod().getType().getName(), 4), 1L, Long::sum);
                        byLibrary.merge(libraryOfSample(frames), 1L, Long::sum);
                        String aduan = innermostAduan(frames);
                        byAduan.merge(aduan == null ? "(no Aduan frame on the stack)" : aduan, 1L, Long::sum);
                        RecordedThread thread = e.getThread("sampledThread");
                        byThread.merge(threadGroupName(thread), 1L, Long::sum);
                    }
                    case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead",
                            "jdk.SocketWrite", "jdk.FileForce", "jdk.FileRead", "jdk.FileWrite" -> {
                        RecordedStackTrace st = e.getStackTrace();
                        List<RecordedFrame> frames = st == null ? List.of() : st.getFrames();
                        String where = innermostAduan(frames);
                        String thread = threadGroupName(e.getThread());
                        if (where == null) {
                            where = frames.stream().filter(RecordedFrame::isJavaFrame)
                                    .filter(f -> !isJdk(f.getMethod().getType().getName())).findFirst()
                                    .map(JfrProfile::method).orElse("(JDK only)");
                            if (!WORK_THREADS.matcher(thread).lookingAt() || IDLE.contains(where)) {
                                continue; // an idle pool thread, a heartbeat, a housekeeper: waiting is its job
                            }
                        }
                        String key = type.substring(4) + " | " + where + " | " + thread;
                        long[] v = waits.computeIfAbsent(key, k -> new long[2]);
                        v[0]++;
                        v[1] += e.getDuration().toNanos();
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcPauseNanos += e.getDuration("sumOfPauses").toNanos();
                    }
                    default -> {
                        // not summarised
                    }
                }
            }
        }
        double seconds = Math.max(1, last - first) / 1000.0;
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(title).append("\n\n");
        md.append(String.format("Recording `%s`: %.0f s, %,d CPU samples (running Java threads, every 10 ms per thread); "
                + "GC: %d collections, %.0f ms paused in all (%.1f %% of the time).%n%n", file.getFileName(), seconds,
                samples, gcCount, gcPauseNanos / 1e6, gcPauseNanos / 1e7 / seconds));
        if (samples == 0) {
            return md.append("No CPU samples were recorded.\n\n").toString();
        }
        md.append(table("CPU by library (first frame outside the JDK)", "library", byLibrary, samples, top));
        md.append(table("CPU by the Aduan code on the stack (innermost org.aduan frame)", "Aduan method", byAduan,
                samples, top));
        md.append(table("CPU by top frame (self time)", "method", topFrame, samples, top));
        md.append(table("CPU by package of the top frame", "package", topPackage, samples, top));
        md.append(table("CPU by thread (pools merged)", "thread", byThread, samples, top));
        List<Map.Entry<String, long[]>> w = new ArrayList<>(waits.entrySet());
        w.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        md.append("Waits longer than 10 ms on threads that serve requests or consume events, or with Aduan code on the "
                + "stack (idle pool threads and housekeeping left out; summed over threads, so they can exceed the "
                + "recording's length):\n\n");
        md.append("| event | where (innermost Aduan frame, else first non-JDK frame) | thread | count | total (s) |\n");
        md.append("|---|---|---|---:|---:|\n");
        for (var e : w.subList(0, Math.min(top, w.size()))) {
            String[] k = e.getKey().split(" \\| ");
            md.append(String.format("| %s | `%s` | %s | %,d | %.1f |%n", k[0], k[1], k[2], e.getValue()[0],
                    e.getValue()[1] / 1e9));
        }
        return md.append('\n').toString();
    }

    /** A thread's name with its number dropped, so a pool reads as one line. */
    private static String threadGroupName(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return name == null ? "?" : name.replaceAll("[-#\\s]*\\d+", "-N").replaceAll("(-N)+", "-N");
    }

    private static String table(String title, String column, Map<String, Long> counts, long total, int top) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder md = new StringBuilder(title).append(":\n\n| ").append(column).append(" | samples | share |\n|---|---:|---:|\n");
        for (var r : rows.subList(0, Math.min(top, rows.size()))) {
            md.append(String.format("| `%s` | %,d | %.1f %% |%n", r.getKey(), r.getValue(), 100.0 * r.getValue() / total));
        }
        return md.append('\n').toString();
    }
}
