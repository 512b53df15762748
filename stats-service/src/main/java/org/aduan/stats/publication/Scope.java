package org.aduan.stats.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.aduan.events.Category;
import org.aduan.events.Channel;
import org.aduan.stats.problem.Problem;
import org.aduan.stats.problem.Problem.FieldError;
import org.aduan.stats.problem.ProblemException;
import org.aduan.stats.publication.Cubes.Filter;

/**
 * What a request asks for: a period and at most one filter. One filter at a time is a privacy decision:
 * every combination of filters is another table that must be protected together with all the others, and
 * cells of two filters and a breakdown would be suppressed almost everywhere anyway.
 */
public record Scope(Period period, Optional<Filter> filter) {

    private static final Pattern AGENCY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    /** Filter parameters of the API, each a dimension. */
    public static final Map<String, Dimension> FILTERS = Map.of(
            "province", Dimension.PROVINCE,
            "regency", Dimension.REGENCY,
            "category", Dimension.CATEGORY,
            "agency", Dimension.AGENCY,
            "channel", Dimension.CHANNEL);

    /**
     * Parses and checks request parameters.
     *
     * @param filters  parameter name → value (null or blank: not given)
     * @param language {@code id} or {@code en} for the messages
     * @throws ProblemException 400 with one error per invalid parameter
     */
    public static Scope of(String period, Map<String, String> filters, String language) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Period> parsed = Period.parse(period);
        if (parsed.isEmpty()) {
            errors.add(new FieldError("period", Message.PERIOD.in(language)));
        }
        Map<String, String> given = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.strip());
            }
        });
        Optional<Filter> filter = Optional.empty();
        if (given.size() > 1) {
            for (String name : given.keySet()) {
                errors.add(new FieldError(name, Message.ONE_FILTER.in(language)));
            }
        } else if (given.size() == 1) {
            var entry = given.entrySet().iterator().next();
            Dimension dimension = FILTERS.get(entry.getKey());
            Optional<Message> invalid = check(dimension, entry.getValue());
            if (invalid.isPresent()) {
                errors.add(new FieldError(entry.getKey(), invalid.get().in(language)));
            } else {
                filter = Optional.of(new Filter(dimension, entry.getValue()));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors, language);
        }
        return new Scope(parsed.get(), filter);
    }

    private static Optional<Message> check(Dimension dimension, String value) {
        boolean valid = Dimension.UNKNOWN.equals(value) || switch (dimension) {
            case PROVINCE -> Regions.get().isProvince(value);
            case REGENCY -> Regions.get().isRegency(value)
                    || (value.endsWith(Regions.UNKNOWN_REGENCY_SUFFIX)
                            && Regions.get().isProvince(Regions.provinceOfRegencyKey(value)));
            case CATEGORY -> Category.ofCode(value).isPresent();
            case CHANNEL -> java.util.Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(value));
            case AGENCY -> AGENCY.matcher(value).matches();
            default -> false;
        };
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(switch (dimension) {
            case PROVINCE -> Message.PROVINCE;
            case REGENCY -> Message.REGENCY;
            case CATEGORY -> Message.CATEGORY;
            case CHANNEL -> Message.CHANNEL;
            default -> Message.AGENCY;
        });
    }

    /** Rejects a breakdown that the filter makes meaningless (or that is not published). */
    public Scope breakingDown(Dimension by, String language) {
        if (!breaksDown(by)) {
            throw invalid(List.of(new FieldError(filter.get().dimension().apiName, Message.SAME_DIMENSION.in(language))),
                    language);
        }
        return this;
    }

    /** Whether a table by {@code by} can be published under this filter. */
    public boolean breaksDown(Dimension by) {
        if (filter.isEmpty()) {
            return true;
        }
        Dimension d = filter.get().dimension();
        return d != by && !(d == Dimension.REGENCY && by == Dimension.PROVINCE);
    }

    public int bucket() {
        return period.bucket();
    }

    public String periodName() {
        return period.name();
    }

    /** The filter as published, or null. */
    public Published.Filter view() {
        return filter.map(f -> new Published.Filter(f.dimension().apiName, f.key())).orElse(null);
    }

    public static ProblemException invalid(List<FieldError> errors, String language) {
        return new ProblemException(new Problem(java.net.URI.create("https://aduan.org/problems/invalid-request"),
                "en".equals(language) ? "Invalid request" : "Permintaan tidak valid", 400,
                "en".equals(language) ? "Some parameters are not valid." : "Beberapa parameter tidak valid.",
                errors));
    }

    /** What a client reads when a parameter is wrong, in Indonesian and English. */
    public enum Message {
        PERIOD("harus 'all', satu tahun (2026) atau satu bulan (2026-03)",
                "must be 'all', a year (2026) or a month (2026-03)"),
        ONE_FILTER("hanya satu dari province, regency, category, agency dan channel boleh dipakai sekaligus",
                "only one of province, regency, category, agency and channel may be given at a time"),
        PROVINCE("bukan kode provinsi Kemendagri, mis. 32", "is not a Kemendagri province code, e.g. 32"),
        REGENCY("bukan kode kabupaten/kota Kemendagri, mis. 32.73", "is not a Kemendagri regency/city code, e.g. 32.73"),
        CATEGORY("kategori tidak dikenal", "is not a known category"),
        CHANNEL("kanal tidak dikenal", "is not a known channel"),
        AGENCY("bukan kode instansi yang valid", "is not a valid agency id"),
        SAME_DIMENSION("tabel tidak dapat dirinci menurut filternya sendiri",
                "a table cannot be broken down by its own filter"),
        INTERVAL("harus day, week, month atau year", "must be day, week, month or year"),
        INTERVAL_PERIOD("rincian harian dan mingguan hanya untuk satu tahun atau satu bulan",
                "daily and weekly trends need a period of one year or one month"),
        FORMAT("harus json atau csv", "must be json or csv");

        private final String id;
        private final String en;

        Message(String id, String en) {
            this.id = id;
            this.en = en;
        }

        public String in(String language) {
            return "en".equals(language) ? en : id;
        }
    }
}
