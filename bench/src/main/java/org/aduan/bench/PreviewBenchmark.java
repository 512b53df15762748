package org.aduan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of {@code POST /api/v1/routing/preview} for one complaint at a time (closed loop: the service's
 * own time to read a complaint and decide, plus loopback HTTP), over a mix of realistic complaints:
 * place names at every level, abroad, enterprises, English, no region.
 */
final class PreviewBenchmark {

    static final List<String> TEXTS = List.of(
            "Jalan berlubang di depan SDN 3 Cicendo, Kota Bandung, sudah 3 bulan tidak diperbaiki",
            "paspor saya belum jadi sudah 2 bulan",
            "saya TKI di Johor majikan tidak bayar gaji",
            "Sampah menumpuk di TPS Kel. Sukajadi, Kec. Sukajadi, Kota Bandung, bau sekali",
            "Air PDAM mati tiga hari di Perumahan Griya Asri, Kab. Sidoarjo",
            "lampu jalan mati semua di jl. diponegoro kota semarang, rawan begal",
            "Listrik padam terus tiap malam di Desa Sukamaju Kec. Cibadak Kab. Sukabumi",
            "Anak saya ditolak daftar SMP negeri krn zonasi, padahal rumah dekat, Kota Yogyakarta",
            "The streetlights on my street in Denpasar have been broken for weeks",
            "Pungli di kantor kelurahan saat mengurus KTP, diminta 200 ribu",
            "KRL telat terus tiap pagi dari stasiun Bogor",
            "BPJS saya nonaktif padahal iuran sudah dibayar",
            "jalan rusak parah tolong diperbaiki",
            "I am an Indonesian domestic worker in Hong Kong and my employer keeps my passport",
            "Pabrik tahu buang limbah ke sungai di Kecamatan Tegalrejo, Magelang");

    record Result(long[] micros, int errors) {
    }

    static Result run(String routingUrl, int warmUp, int n) throws Exception {
        // HTTP/1.1: the JDK client otherwise tries an h2c upgrade, and a busy server may answer it with GOAWAY.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < warmUp; i++) {
            send(http, routingUrl, TEXTS.get(i % TEXTS.size()));
        }
        long[] micros = new long[n];
        int errors = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            int status = send(http, routingUrl, TEXTS.get(i % TEXTS.size()));
            micros[i] = (System.nanoTime() - t0) / 1_000;
            if (status != 200) {
                errors++;
            }
        }
        Arrays.sort(micros);
        return new Result(micros, errors);
    }

    private static int send(HttpClient http, String routingUrl, String text) throws Exception {
        String body = "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(routingUrl + "/api/v1/routing/preview"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String report(Result r, int warmUp) {
        long p99 = pct(r.micros(), 99);
        return "## Routing preview\n\n"
                + String.format("`POST /api/v1/routing/preview`, one request at a time after %d warm-up requests, over %d"
                        + " realistic complaints in turn (place names at every level, abroad, enterprises, English, no"
                        + " region; bench/src/main/java/org/aduan/bench/PreviewBenchmark.java).%n%n", warmUp,
                        TEXTS.size())
                + "| requests | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors | target p99 < 20 ms |\n"
                + "|---:|---:|---:|---:|---:|---:|---|\n"
                + String.format("| %d | %.2f | %.2f | %.2f | %.2f | %d | %s |%n%n", r.micros().length,
                        pct(r.micros(), 50) / 1000.0, pct(r.micros(), 90) / 1000.0, p99 / 1000.0,
                        pct(r.micros(), 100) / 1000.0, r.errors(),
                        p99 < 20_000 ? "met" : String.format("missed by %.1f ms", (p99 - 20_000) / 1000.0));
    }
}
