package org.aduan.intake.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every Kemendagri region code (38 provinces, 514 regencies/cities, 7,285 districts, 83,762 villages),
 * from the wilayah data shipped with Aduan (idn-area-data, ODbL 1.0).
 */
@ApplicationScoped
public class RegionDirectory {

    private static final String[] FILES = {"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"};
    private final Set<String> codes;

    public RegionDirectory() {
        Set<String> all = new HashSet<>(100_000);
        for (String file : FILES) {
            try (InputStream in = RegionDirectory.class.getResourceAsStream("/wilayah/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("wilayah/" + file + " missing from the classpath");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                reader.readLine(); // header
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comma = line.indexOf(',');
                    if (comma > 0) {
                        all.add(line.substring(0, comma));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.codes = Set.copyOf(all);
    }

    public boolean exists(String code) {
        return codes.contains(code);
    }
}
