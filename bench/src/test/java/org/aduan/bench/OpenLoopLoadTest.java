package org.aduan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The load generator against a local stub server whose behaviour the test controls. What is asserted are the
 * generator's books (what it charges to which request, what it counts as not sent), never how fast anything is:
 * every latency bound below follows from when the stub answers, whatever the machine's speed.
 */
class OpenLoopLoadTest {

    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Starts a stub on a free port; {@code handler} answers each request (or not yet). */
    private URI stub(Handler<HttpServerRequest> handler) throws Exception {
        server = vertx.createHttpServer().requestHandler(handler).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return URI.create("http://localhost:" + server.actualPort() + "/api/v1/complaints");
    }

    private static void accept(HttpServerRequest request, String id) {
        request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end("{\"id\":\"" + id + "\",\"status\":\"RECEIVED\"}");
    }

    @Test
    void aStallIsChargedToEveryRequestThatWasDueDuringIt() throws Exception {
        // Answers at once, except that whatever arrives between 0.5 s and 1.5 s after the first request is answered
        // only at 1.5 s. With two connections both are held by the stall, so the requests due from 0.5 s to 1.0 s
        // cannot even be sent before 1.5 s: measured from when they were due, each waited at least 0.5 s. A
        // closed-loop tool would time them from their late send and see almost nothing.
        AtomicLong first = new AtomicLong();
        URI endpoint = stub(request -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            long since = now - first.get();
            long stallEnd = TimeUnit.MILLISECONDS.toNanos(1500);
            if (since >= TimeUnit.MILLISECONDS.toNanos(500) && since < stallEnd) {
                vertx.setTimer(Math.max(1, (stallEnd - since) / 1_000_000), t -> accept(request, "x"));
            } else {
                accept(request, "x");
            }
        });
        try (OpenLoopLoad load = new OpenLoopLoad(2)) {
            OpenLoopLoad.Step step = load.run("stall", endpoint, 100, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    ComplaintBodies::body, 0, null);

            assertThat(step.due()).isEqualTo(200);
            assertThat(step.accepted()).isEqualTo(200);
            assertThat(step.failed()).isZero();
            assertThat(step.notSent()).isZero();
            assertThat(step.latencyMicros().getCountBetweenValues(500_000, step.latencyMicros().getMaxValue()))
                    .as("requests charged at least 0.5 s").isGreaterThanOrEqualTo(40);
            assertThat(step.maxMs()).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void aServerThatFallsBehindEndsTheStepAndTheRestIsCountedAsNotSent() throws Exception {
        // One connection, every answer 2 s late: the second request is due at 20 ms and can only be sent after
        // 2 s, further behind than the 1 s the step allows.
        URI endpoint = stub(request -> vertx.setTimer(2000, t -> accept(request, "x")));
        try (OpenLoopLoad load = new OpenLoopLoad(1)) {
            OpenLoopLoad.Step step = load.run("behind", endpoint, 50, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    ComplaintBodies::body, 0, null);

            assertThat(step.sent()).isEqualTo(1);
            assertThat(step.notSent()).isEqualTo(149);
            assertThat(step.accepted()).isEqualTo(1);
            assertThat(step.keptUp()).isFalse();
        }
    }

    @Test
    void everyAcceptedComplaintIsReportedWithItsReceiptIdAndRefusalsAreCountedByKind() throws Exception {
        AtomicInteger n = new AtomicInteger();
        URI endpoint = stub(request -> {
            int i = n.incrementAndGet();
            if (i % 10 == 0) {
                request.response().setStatusCode(429).end();
            } else {
                accept(request, "complaint-" + i);
            }
        });
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (OpenLoopLoad load = new OpenLoopLoad(8)) {
            OpenLoopLoad.Step step = load.run("receipts", endpoint, 100, Duration.ofSeconds(1), Duration.ofSeconds(10),
                    ComplaintBodies::body, 0, seen::put);

            assertThat(step.accepted()).isEqualTo(90);
            assertThat(step.failed()).isEqualTo(10);
            assertThat(step.failures()).containsExactly(Map.entry("HTTP 429", 10L));
            assertThat(step.keptUp()).isFalse();
            assertThat(seen).hasSize(90).allSatisfy((id, due) -> assertThat(id).startsWith("complaint-"));
            assertThat(seen.values()).allSatisfy(due -> assertThat(due).isGreaterThanOrEqualTo(step.startNanos()));
        }
    }
}
