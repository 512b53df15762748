package org.aduan.stats;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.aduan.events.Channel;
import org.aduan.events.ComplaintEscalated;
import org.aduan.events.ComplaintEvent;
import org.aduan.events.ComplaintNeedsTriage;
import org.aduan.events.ComplaintRouted;
import org.aduan.events.ComplaintStatusChanged;
import org.aduan.events.ComplaintSubmitted;
import org.aduan.events.EventEnvelope;
import org.aduan.events.EventJson;
import org.aduan.events.Location;
import org.aduan.events.Topics;

/**
 * A known set of complaints, as the events the other services would publish about them, and what a
 * count done directly from those events gives. Loading it empties the live projection first, so the
 * public figures are exactly this world's.
 * <p>
 * 240 complaints in March and April 2031: Jawa Barat 120 (Kota Bandung 70, Kabupaten Bandung 40, province
 * only 10), DKI Jakarta 60, Jawa Timur 57 and Gorontalo exactly 3, the small region that must stay hidden.
 * Routing overrides some citizens' categories and regions; about a tenth goes to triage; some are
 * transferred, escalated, answered, closed and rated; a few end in a status nobody knows yet. Each
 * complaint's attributes are drawn independently (seeded), as in real data where no two dimensions move
 * in lockstep.
 */
public final class World {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant START = Instant.parse("2031-03-01T03:00:00Z"); // 10:00 WIB
    private static final String[] CATEGORIES = {"infrastruktur", "air", "kesehatan", "kebersihan", "listrik"};
    private static final Channel[] CHANNELS = {Channel.WEB, Channel.SMS, Channel.WHATSAPP};

    /** What the events say about one complaint, worked out here without stats-service. */
    public record Expected(String complaintId, LocalDate day, String province, String regency, String category,
            String channel, String agency, String status, String stage, String rating, long firstResponseSeconds,
            long closureSeconds, String sla) {

        public String value(String dimension) {
            return switch (dimension) {
                case "province" -> province;
                case "regency" -> regency;
                case "category" -> category;
                case "channel" -> channel;
                case "agency" -> agency;
                case "status" -> status;
                case "stage" -> stage;
                case "rating" -> rating;
                default -> throw new IllegalArgumentException(dimension);
            };
        }

        public boolean in(String period) {
            return "all".equals(period) || day.toString().startsWith(period);
        }
    }

    /** A transfer: from the declining agency to the next one. */
    public record Transfer(String from, String to, LocalDate day) {
    }

    public final List<Expected> complaints = new ArrayList<>();
    public final List<Transfer> transfers = new ArrayList<>();
    public final List<KafkaTraffic.Outgoing> events = new ArrayList<>();

    private World() {
    }

    /** Empties the live projection, publishes the world and waits until stats has counted every event. */
    public static World load(StatsDatabase database) {
        database.truncateProjection();
        World world = generate();
        world.publish(database);
        return world;
    }

    /** A world of fresh complaints (new ids each time), not yet published. */
    public static World generate() {
        return build();
    }

    /** Publishes the world's events and waits until stats has counted every one. */
    public void publish(StatsDatabase database) {
        KafkaTraffic.publishAll(events);
        List<String> ids = eventIds();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> database.processed(ids), equalTo((long) ids.size()));
    }

    public List<String> eventIds() {
        return events.stream().map(e -> e.envelope().id()).toList();
    }

    /** Complaints of a period matching a condition. */
    public long count(String period, Predicate<Expected> condition) {
        return complaints.stream().filter(c -> c.in(period)).filter(condition).count();
    }

    /** Complaints of a period, with an optional filter (dimension=value), with one value of a dimension. */
    public long count(String period, Map<String, String> filter, String dimension, String value) {
        return count(period, c -> filter.entrySet().stream().allMatch(f -> f.getValue().equals(c.value(f.getKey())))
                && (dimension == null || value.equals(c.value(dimension))));
    }

    private static World build() {
        World world = new World();
        List<String> regions = new ArrayList<>();
        addRegions(regions, "32.73.05", 70);
        addRegions(regions, "32.04", 40);
        addRegions(regions, "32", 10);
        addRegions(regions, "31.71", 60);
        addRegions(regions, "35.78.01", 57);
        Collections.shuffle(regions, new java.util.Random(31));
        for (int i = 0; i < 3; i++) {
            regions.add(1 + 40 * i, "75.01");
        }
        for (int i = 0; i < regions.size(); i++) {
            world.complaint(i, regions.get(i));
        }
        return world;
    }

    private static void addRegions(List<String> regions, String code, int n) {
        for (int i = 0; i < n; i++) {
            regions.add(code);
        }
    }

    private void complaint(int i, String region) {
        String id = UUID.randomUUID().toString();
        // Independent draws per complaint (seeded: the same world every time), so no two dimensions move together.
        java.util.Random draw = new java.util.Random(7919L * i + 17);
        Instant submitted = START.plus(Duration.ofDays(i % 55)).plusSeconds(60L * i);
        boolean gorontalo = region.startsWith("75");
        String citizenCategory = gorontalo ? "infrastruktur" : CATEGORIES[draw.nextInt(CATEGORIES.length)];
        Optional<String> routingCategory = Optional.empty();
        Optional<String> routingRegion = Optional.empty();
        if (!gorontalo && draw.nextInt(7) == 0) {
            citizenCategory = null; // the citizen chose none; routing decides it is about water
            routingCategory = Optional.of("air");
        }
        if ("32".equals(region) && draw.nextBoolean()) {
            routingRegion = Optional.of("32.73.01"); // routing found the city the citizen did not name
        }
        Channel channel = CHANNELS[draw.nextInt(CHANNELS.length)];
        String category = routingCategory.orElse(citizenCategory == null ? "unknown" : citizenCategory);
        String place = routingRegion.orElse(region);
        String province = place.substring(0, 2);
        String regency = place.length() >= 5 ? place.substring(0, 5) : province + ".unknown";

        List<Timed> lifecycle = new ArrayList<>();
        List<Timed> routing = new ArrayList<>();
        String agency;
        String status;
        int stage = 0;
        String rating = "none";
        long firstResponse = -1;
        long closure = -1;
        Instant escalatedAt = null;
        Instant respondedAt = null;
        int progress = draw.nextInt(5);
        boolean triage = !gorontalo && draw.nextInt(10) == 0;
        if (triage) {
            routing.add(new Timed(Topics.TRIAGE, new ComplaintNeedsTriage(id, submitted.plusSeconds(600),
                    List.of("Pelapor " + id + " tidak menyebut lokasi"), routingCategory, routingRegion,
                    Optional.empty(), 0)));
            lifecycle.add(status(id, "TRIAGE", submitted.plusSeconds(3600), Optional.empty(), Optional.empty()));
            agency = "unknown";
            status = "TRIAGE";
        } else {
            String first = "listrik".equals(category) ? "pln" : "pemda-" + (place.length() >= 5 ? regency : province);
            agency = first;
            routing.add(new Timed(Topics.ROUTED, new ComplaintRouted(id, first, submitted.plusSeconds(600), "region",
                    List.of("alasan bebas"), 0.9, Optional.empty(), routingCategory, routingRegion, Optional.empty(),
                    0)));
            lifecycle.add(status(id, "ROUTED", submitted.plusSeconds(3600), Optional.of(first), Optional.empty()));
            status = "ROUTED";
            stage = 1;
            if (draw.nextInt(13) == 0) {
                String next = "pemda-" + province;
                lifecycle.add(new Timed(Topics.LIFECYCLE, new ComplaintStatusChanged(id, "TRANSFER_REQUESTED",
                        Optional.of("ROUTED"), Optional.of(first), submitted.plusSeconds(7200), first,
                        Optional.of("bukan wewenang kami"), Optional.of(next), Optional.empty())));
                routing.add(new Timed(Topics.ROUTED, new ComplaintRouted(id, next, submitted.plusSeconds(10800),
                        "transfer", List.of("dialihkan"), 1.0, Optional.empty(), routingCategory, routingRegion,
                        Optional.of(first), 1)));
                lifecycle.add(status(id, "ROUTED", submitted.plusSeconds(11000), Optional.of(next), Optional.empty()));
                transfers.add(new Transfer(first, next, day(submitted)));
                agency = next;
            }
            if (progress != 4) {
                lifecycle.add(status(id, "IN_PROGRESS", submitted.plusSeconds(5 * 3600), Optional.of(agency),
                        Optional.empty()));
                status = "IN_PROGRESS";
                stage = 2;
            }
            if (progress < 3) {
                respondedAt = submitted.plusSeconds((10L + draw.nextInt(40)) * 3600);
                lifecycle.add(status(id, "RESPONDED", respondedAt, Optional.of(agency), Optional.empty()));
                status = "RESPONDED";
                stage = 3;
                firstResponse = respondedAt.getEpochSecond() - submitted.getEpochSecond();
            }
            if (progress < 2) {
                Instant closedAt = submitted.plusSeconds((100L + draw.nextInt(60)) * 3600);
                Optional<Integer> stars = draw.nextBoolean() ? Optional.of(1 + draw.nextInt(5)) : Optional.empty();
                lifecycle.add(status(id, "CLOSED", closedAt, Optional.of(agency), stars));
                status = "CLOSED";
                stage = 4;
                closure = closedAt.getEpochSecond() - submitted.getEpochSecond();
                rating = stars.map(String::valueOf).orElse("none");
            }
            if (draw.nextInt(6) == 0) {
                escalatedAt = submitted.plusSeconds((8L + draw.nextInt(20)) * 3600);
                lifecycle.add(new Timed(Topics.LIFECYCLE, new ComplaintEscalated(id, escalatedAt, agency,
                        Optional.of("pemda-" + province), "ROUTED", escalatedAt.minusSeconds(60), 1)));
            }
            if (draw.nextInt(17) == 0) {
                lifecycle.add(status(id, "MEDIATION", submitted.plusSeconds(400 * 3600), Optional.of(agency),
                        Optional.empty()));
                status = "MEDIATION"; // a status followup may add one day: counted as it is, no stage
            }
        }
        String sla;
        if (respondedAt != null && (escalatedAt == null || respondedAt.isBefore(escalatedAt))) {
            sla = "met";
        } else if (escalatedAt != null) {
            sla = "missed";
        } else {
            sla = "undecided";
        }
        complaints.add(new Expected(id, day(submitted), province, regency, category, channel.name(), agency, status,
                STAGES[stage], rating, firstResponse, closure, sla));

        ComplaintSubmitted submission = new ComplaintSubmitted(id, "ADN-WRLD-" + String.format("%04d", i), "hash",
                submitted, channel, Optional.empty(), "id", Optional.of("Keluhan nomor " + i),
                "Isi keluhan warga nomor " + i, Optional.ofNullable(citizenCategory),
                new Location(Optional.of(region), Optional.of("di dekat rumah")), false, false, Optional.empty());
        List<Timed> all = new ArrayList<>();
        all.add(new Timed(Topics.SUBMITTED, submission));
        all.addAll(routing);
        all.addAll(lifecycle);
        if (i % 4 == 1) {
            Collections.reverse(all); // everything arrives backwards: lifecycle before routing before submission
        }
        for (Timed t : all) {
            events.add(new KafkaTraffic.Outgoing(t.topic(), id, EventEnvelope.of(t.event(), "/aduan/test-world",
                    Instant.now()), EventJson.write(t.event())));
        }
    }

    private static final String[] STAGES = {"RECEIVED", "ROUTED", "IN_PROGRESS", "RESPONDED", "CLOSED"};

    private record Timed(String topic, ComplaintEvent event) {
    }

    private static Timed status(String id, String status, Instant at, Optional<String> agency, Optional<Integer> rating) {
        return new Timed(Topics.LIFECYCLE, new ComplaintStatusChanged(id, status, Optional.empty(), agency, at,
                "system", Optional.empty(), Optional.empty(), rating));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(WIB).toLocalDate();
    }

    /** Nearest-rank percentile of the values, in hours rounded to a tenth, as the API publishes it. */
    public static double percentileHours(List<Long> seconds, int p) {
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) / 360.0) / 10.0;
    }

    /** Counts per value of a dimension in a period. */
    public Map<String, Long> countsBy(String period, String dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        complaints.stream().filter(c -> c.in(period)).forEach(c -> counts.merge(c.value(dimension), 1L, Long::sum));
        return counts;
    }
}
