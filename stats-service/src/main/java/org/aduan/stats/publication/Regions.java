package org.aduan.stats.publication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's provinces and regencies/cities, from the wilayah data shipped with Aduan (idn-area-data,
 * ODbL 1.0): names for the published tables and the list of regions a table always shows, also with zero.
 */
public final class Regions {

    public static final String UNKNOWN = "unknown";
    /** Suffix of a regency key for complaints that name only their province: {@code 32.unknown}. */
    public static final String UNKNOWN_REGENCY_SUFFIX = ".unknown";

    private static final Regions INSTANCE = new Regions();

    private final Map<String, String> provinces;
    private final Map<String, String> regencies;

    private Regions() {
        provinces = Collections.unmodifiableMap(read("provinces.csv", 1));
        regencies = Collections.unmodifiableMap(read("regencies.csv", 2));
    }

    public static Regions get() {
        return INSTANCE;
    }

    /** Province codes in code order. */
    public List<String> provinceCodes() {
        return List.copyOf(provinces.keySet());
    }

    /** Regency codes of a province, in code order. */
    public List<String> regencyCodes(String province) {
        List<String> codes = new ArrayList<>();
        regencies.keySet().stream().filter(r -> r.startsWith(province + ".")).forEach(codes::add);
        return codes;
    }

    public List<String> regencyCodes() {
        return List.copyOf(regencies.keySet());
    }

    public boolean isProvince(String code) {
        return provinces.containsKey(code);
    }

    public boolean isRegency(String code) {
        return regencies.containsKey(code);
    }

    public Optional<String> provinceName(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Optional<String> regencyName(String code) {
        return Optional.ofNullable(regencies.get(code));
    }

    /** The province key of a stored region code: {@code 32.73} → {@code 32}; unknown codes → {@code unknown}. */
    public String provinceOf(String region) {
        if (region == null || region.length() < 2) {
            return UNKNOWN;
        }
        String province = region.substring(0, 2);
        return isProvince(province) ? province : UNKNOWN;
    }

    /**
     * The regency key of a stored region code: {@code 32.73}; {@code 32.unknown} when only the province is
     * known; {@code unknown} when not even that.
     */
    public String regencyOf(String region) {
        String province = provinceOf(region);
        if (UNKNOWN.equals(province)) {
            return UNKNOWN;
        }
        return region.length() >= 5 && isRegency(region.substring(0, 5)) ? region.substring(0, 5)
                : province + UNKNOWN_REGENCY_SUFFIX;
    }

    /** The province a regency key belongs to. */
    public static String provinceOfRegencyKey(String regencyKey) {
        return UNKNOWN.equals(regencyKey) ? UNKNOWN : regencyKey.substring(0, 2);
    }

    private static Map<String, String> read(String file, int nameColumn) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("/wilayah/" + file)) {
            if (in == null) {
                throw new IllegalStateException("wilayah/" + file + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = csvCells(line);
                rows.put(cells.get(0), cells.get(nameColumn));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Cells of one CSV line (quoted cells may hold commas). */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
