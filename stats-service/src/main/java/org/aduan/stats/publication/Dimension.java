package org.aduan.stats.publication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.aduan.events.Category;
import org.aduan.events.Channel;
import org.aduan.stats.projection.Stage;

/**
 * The ways complaints are counted, each a partition of all complaints: every complaint has exactly one
 * value of each dimension ({@code unknown} when it is not known). Names are the stable names of the API.
 */
public enum Dimension {
    PROVINCE("province"),
    REGENCY("regency"),
    CATEGORY("category"),
    CHANNEL("channel"),
    AGENCY("agency"),
    STATUS("status"),
    STAGE("stage"),
    RATING("rating");

    public static final String UNKNOWN = "unknown";
    /** Rating key of complaints nobody rated. */
    public static final String NOT_RATED = "none";

    public final String apiName;

    Dimension(String apiName) {
        this.apiName = apiName;
    }

    public static Optional<Dimension> ofApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }

    /** The values a table of this dimension always lists, zero or not; others are listed when counted. */
    public List<String> universe() {
        return UNIVERSES.get(this);
    }

    /** Whether the dimension's tables always list this value. */
    public boolean alwaysListed(String key) {
        return UNIVERSE_SETS.get(this).contains(key);
    }

    private static final Map<Dimension, List<String>> UNIVERSES = new java.util.EnumMap<>(Dimension.class);
    private static final Map<Dimension, java.util.Set<String>> UNIVERSE_SETS = new java.util.EnumMap<>(Dimension.class);

    static {
        for (Dimension d : values()) {
            UNIVERSES.put(d, List.copyOf(d.computeUniverse()));
            UNIVERSE_SETS.put(d, java.util.Set.copyOf(d.computeUniverse()));
        }
    }

    private List<String> computeUniverse() {
        List<String> keys = new ArrayList<>();
        switch (this) {
            case PROVINCE -> keys.addAll(Regions.get().provinceCodes());
            case REGENCY -> keys.addAll(Regions.get().regencyCodes());
            case CATEGORY -> Arrays.stream(Category.values()).forEach(c -> keys.add(c.code));
            case CHANNEL -> Arrays.stream(Channel.values()).forEach(c -> keys.add(c.name()));
            case STAGE -> Arrays.stream(Stage.values()).forEach(s -> keys.add(s.name()));
            case RATING -> {
                for (int r = 1; r <= 5; r++) {
                    keys.add(String.valueOf(r));
                }
                keys.add(NOT_RATED);
            }
            case AGENCY, STATUS -> {
                // only what was counted
            }
        }
        return keys;
    }

    /** The label of a value, in Indonesian ({@code id}) or English ({@code en}). */
    public String label(String key, String language) {
        boolean en = "en".equals(language);
        if (UNKNOWN.equals(key)) {
            return switch (this) {
                case AGENCY -> en ? "Not yet assigned to an agency" : "Belum ditetapkan instansinya";
                case PROVINCE -> en ? "Province not known" : "Provinsi tidak diketahui";
                case REGENCY -> en ? "Regency/city not known" : "Kabupaten/kota tidak diketahui";
                default -> en ? "Not known" : "Tidak diketahui";
            };
        }
        return switch (this) {
            case PROVINCE -> Regions.get().provinceName(key).orElse(key);
            case REGENCY -> key.endsWith(Regions.UNKNOWN_REGENCY_SUFFIX)
                    ? Regions.get().provinceName(Regions.provinceOfRegencyKey(key))
                            .map(p -> (en ? "Regency/city not known, " : "Kabupaten/kota tidak diketahui, ") + p)
                            .orElse(key)
                    : Regions.get().regencyName(key).orElse(key);
            case CATEGORY -> Category.ofCode(key).map(c -> en ? c.labelEn : c.labelId).orElse(key);
            case CHANNEL -> CHANNELS.getOrDefault(key, new String[] {key, key})[en ? 1 : 0];
            case AGENCY -> agencyLabel(key, en);
            case STATUS -> STATUSES.getOrDefault(key, new String[] {key, key})[en ? 1 : 0];
            case STAGE -> {
                Stage stage = Stage.valueOf(key);
                yield en ? stage.labelEn : stage.labelId;
            }
            case RATING -> NOT_RATED.equals(key) ? (en ? "Not rated" : "Belum dinilai")
                    : key + (en ? " of 5" : " dari 5");
        };
    }

    private static final Map<String, String[]> CHANNELS = Map.of(
            "WEB", new String[] {"Situs web", "Website"},
            "API", new String[] {"Aplikasi mitra (API)", "Partner apps (API)"},
            "SMS", new String[] {"SMS", "SMS"},
            "WHATSAPP", new String[] {"WhatsApp", "WhatsApp"},
            "TELEGRAM", new String[] {"Telegram", "Telegram"},
            "X", new String[] {"X (Twitter)", "X (Twitter)"});

    private static final Map<String, String[]> STATUSES = Map.ofEntries(
            Map.entry("RECEIVED", new String[] {"Diterima", "Received"}),
            Map.entry("ROUTED", new String[] {"Diteruskan ke instansi", "Forwarded to an agency"}),
            Map.entry("TRIAGE", new String[] {"Menunggu pemilahan operator", "Awaiting triage"}),
            Map.entry("IN_PROGRESS", new String[] {"Diproses", "In progress"}),
            Map.entry("RESPONDED", new String[] {"Ditanggapi", "Responded"}),
            Map.entry("TRANSFER_REQUESTED", new String[] {"Diminta dialihkan", "Transfer requested"}),
            Map.entry("REOPENED", new String[] {"Dibuka kembali", "Reopened"}),
            Map.entry("APPEALED", new String[] {"Banding", "Appealed"}),
            Map.entry("CLOSED", new String[] {"Selesai", "Closed"}),
            Map.entry("REJECTED", new String[] {"Ditolak", "Rejected"}),
            Map.entry("ARCHIVED", new String[] {"Diarsipkan", "Archived"}),
            Map.entry("RATED", new String[] {"Dinilai pelapor", "Rated by the citizen"}));

    private static final Map<String, String[]> NATIONAL_AGENCIES = Map.of(
            "pln", new String[] {"PLN", "PLN (state electricity company)"},
            "bpjs-kesehatan", new String[] {"BPJS Kesehatan", "BPJS Kesehatan (health insurance)"},
            "imigrasi", new String[] {"Direktorat Jenderal Imigrasi", "Directorate General of Immigration"},
            "kemenkes", new String[] {"Kementerian Kesehatan", "Ministry of Health"},
            "kemendikdasmen", new String[] {"Kementerian Pendidikan Dasar dan Menengah",
                "Ministry of Primary and Secondary Education"});

    /**
     * A readable name for an agency id of DESIGN.md's scheme. The agency directory belongs to routing; this
     * only spells out the ids, and falls back to the id itself.
     */
    private static String agencyLabel(String id, boolean en) {
        if (NATIONAL_AGENCIES.containsKey(id)) {
            return NATIONAL_AGENCIES.get(id)[en ? 1 : 0];
        }
        if (id.startsWith("pemda-")) {
            String region = id.substring("pemda-".length());
            Optional<String> province = Regions.get().provinceName(region);
            if (province.isPresent()) {
                return en ? "Provincial government of " + province.get() : "Pemerintah Provinsi " + province.get();
            }
            Optional<String> regency = Regions.get().regencyName(region);
            if (regency.isPresent()) {
                return en ? "Government of " + regency.get() : "Pemerintah " + regency.get();
            }
        }
        if (id.startsWith("perwakilan-") && id.length() == "perwakilan-".length() + 2) {
            String country = id.substring(id.length() - 2).toUpperCase(Locale.ROOT);
            Locale place = new Locale("", country);
            return en ? "Indonesian mission in " + place.getDisplayCountry(Locale.ENGLISH)
                    : "Perwakilan RI di " + place.getDisplayCountry(new Locale("id"));
        }
        return id;
    }
}
