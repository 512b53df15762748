package org.aduan.bench;

import java.util.List;

/**
 * Request bodies for {@code POST /api/v1/complaints} that look like real ones: a title, a few sentences of
 * Indonesian, a category and a regency that routing can act on, a place description, and a named reporter
 * (name and phone, sealed by intake) for three complaints in five. Complaint {@code i} is always the same
 * body, so two runs send the same mix.
 */
final class ComplaintBodies {

    private record Kind(String title, String text, String category) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Jalan berlubang", "Jalan berlubang cukup dalam di depan pasar, sudah tiga bulan tidak diperbaiki. "
                    + "Setiap hujan lubang tertutup air dan sudah ada dua pengendara motor yang jatuh minggu ini.",
                    "infrastruktur"),
            new Kind("Sampah menumpuk", "Sampah menumpuk di TPS dekat sekolah dan tidak diangkut sejak minggu lalu. "
                    + "Baunya sampai ke rumah warga dan banyak lalat, anak-anak jadi sering sakit perut.",
                    "kebersihan"),
            new Kind("Air PDAM mati", "Air PDAM mati tiga hari berturut-turut di perumahan kami tanpa pemberitahuan. "
                    + "Warga harus membeli air galon untuk mandi dan memasak, mohon segera ditangani.", "air"),
            new Kind("Lampu jalan mati", "Lampu penerangan jalan mati di sepanjang jalan utama kampung sejak awal bulan. "
                    + "Malam hari sangat gelap dan rawan kejahatan, sudah ada warga yang dijambret.", "infrastruktur"),
            new Kind("Saluran air tersumbat", "Saluran drainase di gang kami tersumbat lumpur dan sampah, sehingga setiap "
                    + "hujan deras air meluap masuk ke rumah warga. Mohon dikeruk sebelum musim hujan.", "infrastruktur"),
            new Kind("Pelayanan puskesmas", "Antrean di puskesmas sangat panjang dan dokter baru datang jam sebelas siang. "
                    + "Pasien lansia menunggu berjam-jam tanpa tempat duduk yang cukup.", "kesehatan"));

    private static final List<String> REGIONS = List.of("32.73", "31.71", "35.78", "33.74", "34.71", "51.71", "12.71",
            "73.71", "32.04", "35.15");

    private static final List<String> NAMES = List.of("Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Agus Pratama",
            "Rina Wulandari");

    /** Distinct client addresses the requests come from (X-Forwarded-For). */
    static final int ADDRESSES = 50_000;

    private ComplaintBodies() {
    }

    /** The citizen's address for complaint {@code i}: one of {@value #ADDRESSES}, in 10.0.0.0/8. */
    static String clientAddress(long i) {
        long a = i % ADDRESSES;
        return "10." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
    }

    static String body(long i) {
        Kind kind = KINDS.get((int) (i % KINDS.size()));
        String region = REGIONS.get((int) ((i / KINDS.size()) % REGIONS.size()));
        boolean named = i % 5 < 3;
        StringBuilder json = new StringBuilder(600);
        json.append("{\"title\":\"").append(kind.title()).append("\",\"text\":\"").append(kind.text())
                .append("\",\"category\":\"").append(kind.category())
                .append("\",\"location\":{\"regionCode\":\"").append(region)
                .append("\",\"description\":\"RT 0").append(1 + i % 9).append(" RW 0").append(1 + i % 7)
                .append(", dekat masjid\"},");
        if (named) {
            json.append("\"reporter\":{\"name\":\"").append(NAMES.get((int) (i % NAMES.size())))
                    .append("\",\"phone\":\"+62812").append(String.format("%08d", i % 100_000_000)).append("\"},")
                    .append("\"anonymous\":false,");
        } else {
            json.append("\"anonymous\":true,");
        }
        return json.append("\"confidential\":false,\"language\":\"id\"}").toString();
    }
}
