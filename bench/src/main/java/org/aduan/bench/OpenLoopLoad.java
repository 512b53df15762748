package org.aduan.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * An open-loop HTTP load generator: request {@code i} of a step at rate R is due at {@code start + i/R},
 * whatever happened to the requests before it, and its latency is measured from that intended time, not from
 * when it could actually be sent. So a server that stalls is charged for the whole queue behind the stall (no
 * coordinated omission), as wrk2 does.
 * <p>
 * At most {@code connections} requests are in flight (HTTP/1.1 keep-alive, Vert.x client, one request per
 * connection at a time). When all are busy the schedule waits, and the wait counts in the latency of every
 * request that was due meanwhile. When the schedule falls more than {@code maxLateness} behind, the step stops:
 * the rest is counted as "not sent" (the server cannot keep up; queueing further would only measure the queue).
 * <p>
 * Runs in the benchmark's own JVM, whose CPU use is measured per step ({@link Step#generatorCores()}): on a
 * small machine the generator competes with what it measures.
 */
final class OpenLoopLoad implements AutoCloseable {

    /** Told of every 202: the complaint id from the receipt and the request's intended send time. */
    @FunctionalInterface
    interface AcceptedSink {
        void accepted(String id, long intendedNanos);
    }

    /** What one step at a fixed rate measured. Latencies are in microseconds, of accepted requests only. */
    record Step(String label, double offeredRate, long due, long sent, long accepted, long failed,
            Map<String, Long> failures, long notSent, Histogram latencyMicros, long startNanos, double seconds,
            double generatorCores) {

        /** When the last request was due (this JVM's nanoTime). */
        long lastDueNanos() {
            return startNanos + (long) ((due - 1) * 1e9 / offeredRate);
        }

        double acceptedPerSecond() {
            return seconds <= 0 ? 0 : accepted / seconds;
        }

        /** Every request sent on time and answered 202, at (nearly) the offered rate. */
        boolean keptUp() {
            return notSent == 0 && failed == 0 && acceptedPerSecond() >= 0.95 * offeredRate;
        }

        double p(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }
    }

    private static final long HISTOGRAM_MAX_MICROS = TimeUnit.MINUTES.toMicros(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final HttpClient client;
    private final Context context;
    private final int connections;

    OpenLoopLoad(int connections) {
        this.connections = connections;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout(5_000).setMaxInitialLineLength(8192),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        // every request is sent and answered on one event loop: Vert.x's client is made to be driven from its own
        // context, and one core's worth of event loop is plenty for the rates a 2-core machine can take
        this.context = vertx.getOrCreateContext();
    }

    int connections() {
        return connections;
    }

    /**
     * Sends {@code rate × duration} requests at {@code rate}/s to {@code endpoint}, body {@code i} from
     * {@code bodies}, and waits until every one sent is answered (or timed out).
     */
    Step run(String label, URI endpoint, double rate, Duration duration, Duration maxLateness, LongFunction<String> bodies,
            long firstIndex, AcceptedSink sink) throws InterruptedException {
        long due = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        Semaphore permits = new Semaphore(connections);
        Histogram latency = new Histogram(HISTOGRAM_MAX_MICROS, 3);
        Map<String, Long> failures = new TreeMap<>();
        long[] counts = new long[3]; // accepted, failed, last completion (nanos)
        // 127.0.0.1, not "localhost" (which may resolve to ::1): intake trusts X-Forwarded-For from 127.0.0.1 only
        String host = "localhost".equals(endpoint.getHost()) ? "127.0.0.1" : endpoint.getHost();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host)
                .setPort(endpoint.getPort()).setURI(endpoint.getRawPath())
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
                .setIdleTimeout(REQUEST_TIMEOUT.toMillis());
        long cpu0 = processCpuNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long sent = 0;
        long lateLimit = maxLateness.toNanos();
        for (long i = 0; i < due; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            long budget = intended + lateLimit - now;
            if (budget <= 0 || !permits.tryAcquire(budget, TimeUnit.NANOSECONDS)) {
                break; // the schedule is too far behind: the server does not keep up
            }
            sent++;
            String body = bodies.apply(firstIndex + i);
            String address = ComplaintBodies.clientAddress(firstIndex + i);
            context.runOnContext(v -> client.request(options)
                    .compose(request -> request.putHeader("X-Forwarded-For", address).send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(b -> new Reply(response.statusCode(), b)))
                    .onComplete(result -> {
                        long done = System.nanoTime();
                        try {
                            synchronized (counts) {
                                counts[2] = Math.max(counts[2], done);
                                if (result.succeeded() && result.result().status() == 202) {
                                    counts[0]++;
                                    latency.recordValue(Math.min(HISTOGRAM_MAX_MICROS, (done - intended) / 1_000));
                                } else {
                                    counts[1]++;
                                    String kind = result.succeeded() ? "HTTP " + result.result().status()
                                            : result.cause().getClass().getSimpleName();
                                    failures.merge(kind, 1L, Long::sum);
                                }
                            }
                            if (result.succeeded() && result.result().status() == 202 && sink != null) {
                                String id = receiptId(result.result().body());
                                if (id != null) {
                                    sink.accepted(id, intended);
                                }
                            }
                        } finally {
                            permits.release();
                        }
                    }));
        }
        // every request sent is answered or times out
        if (!permits.tryAcquire(connections, REQUEST_TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS)) {
            throw new IllegalStateException(label + ": requests still in flight after the timeout");
        }
        permits.release(connections);
        long end;
        synchronized (counts) {
            end = Math.max(counts[2], start);
        }
        // from the first due time to the last answer: a server that falls behind stretches the step
        double seconds = Math.max((end - start) / 1e9, 1e-3);
        double cores = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - start + 50_000_000L);
        synchronized (counts) {
            return new Step(label, rate, due, sent, counts[0], counts[1], Map.copyOf(failures), due - sent, latency,
                    start, seconds, cores);
        }
    }

    private record Reply(int status, Buffer body) {
    }

    /** The {@code id} of a receipt, without a JSON parser: the generator must stay cheap. */
    static String receiptId(Buffer body) {
        String text = body.toString();
        int at = text.indexOf("\"id\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 6;
        int to = text.indexOf('"', from);
        return to < 0 ? null : text.substring(from, to);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
