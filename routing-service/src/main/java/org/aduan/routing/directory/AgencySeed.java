package org.aduan.routing.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aduan.events.Category;
import org.aduan.routing.gazetteer.Countries;
import org.aduan.routing.gazetteer.Gazetteer;
import org.aduan.routing.gazetteer.Region;
import org.aduan.routing.gazetteer.RegionLevel;
import org.aduan.routing.text.DataFiles;

/**
 * The directory as shipped: local governments of the 38 provinces and 514 regencies/cities (from the
 * wilayah data, ODbL), the national agencies and state enterprises of {@code routing/agencies.tsv}, and
 * Indonesia's missions in the countries of {@code routing/countries.tsv}. Operators' edits in the
 * database are kept; the seed only adds what is missing.
 */
public final class AgencySeed {

    /** The national coordinator: the top of every escalation chain. */
    public static final String COORDINATOR = "kemenpanrb";
    /** Categories a local government handles: every category no national rule takes. */
    private static final List<String> LOCAL_CATEGORIES = List.of("infrastruktur", "kebersihan", "air", "kesehatan",
            "pendidikan", "kependudukan", "bansos", "lingkungan", "ketertiban", "transportasi", "perizinan",
            "lainnya");
    /** Jakarta's cities and regency are administrative: the province governs them. */
    private static final String JAKARTA = "31";

    private AgencySeed() {
    }

    public static List<AgencyInfo> load(Gazetteer gazetteer, Countries countries) {
        Map<String, AgencyInfo> agencies = new LinkedHashMap<>();
        for (Map<String, String> row : DataFiles.rows("routing/agencies.tsv", "\t")) {
            List<String> categories = row.get("categories").isEmpty() ? List.of()
                    : Arrays.stream(row.get("categories").split(",")).map(String::strip).toList();
            categories.forEach(AgencySeed::requireCategory);
            add(agencies, new AgencyInfo(row.get("id"), row.get("name_id"), row.get("name_en"),
                    AgencyLevel.valueOf(row.get("level")), Optional.empty(),
                    Optional.of(row.get("parent")).filter(p -> !p.isEmpty()), categories, true, true));
        }
        List<Region> regions = new ArrayList<>(gazetteer.all());
        regions.sort((a, b) -> a.code().compareTo(b.code()));
        for (Region region : regions) {
            if (region.level() == RegionLevel.PROVINCE) {
                add(agencies, new AgencyInfo("pemda-" + region.code(), "Pemerintah Provinsi " + region.name(),
                        "Provincial Government of " + region.name(), AgencyLevel.PROVINCE, Optional.of(region.code()),
                        Optional.of(COORDINATOR), LOCAL_CATEGORIES, true, true));
            } else if (region.level() == RegionLevel.REGENCY) {
                boolean city = "KOTA".equals(region.kind());
                String bare = region.name().replaceFirst("^(Kabupaten|Kota)( Administrasi)? ", "");
                add(agencies, new AgencyInfo("pemda-" + region.code(), "Pemerintah " + region.name(),
                        (city ? "City Government of " : "Regency Government of ") + bare, AgencyLevel.REGENCY,
                        Optional.of(region.code()), region.parentCode().map(p -> "pemda-" + p), LOCAL_CATEGORIES,
                        !region.code().startsWith(JAKARTA + "."), true));
            }
        }
        for (Countries.Country country : countries.all()) {
            add(agencies, new AgencyInfo("perwakilan-" + country.code(), "Perwakilan RI di " + country.nameId(),
                    "Indonesian missions in " + country.nameEn(), AgencyLevel.EMBASSY, Optional.empty(),
                    Optional.of("kemlu"), List.of("perlindungan-wni", "imigrasi"), true, true));
        }
        return List.copyOf(agencies.values());
    }

    private static void add(Map<String, AgencyInfo> agencies, AgencyInfo agency) {
        if (agencies.putIfAbsent(agency.id(), agency) != null) {
            throw new IllegalStateException("agency " + agency.id() + " is seeded twice");
        }
    }

    private static void requireCategory(String code) {
        if (Category.ofCode(code).isEmpty()) {
            throw new IllegalStateException("agencies.tsv names unknown category " + code);
        }
    }
}
