package org.aduan.routing.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads routing's data files from the classpath: tab- or comma-separated, {@code #} comments, a header line. */
public final class DataFiles {

    private DataFiles() {
    }

    /** Rows of a file with a header line; each row a map from column name to value ("" when missing). */
    public static List<Map<String, String>> rows(String resource, String separator) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader reader = open(resource)) {
            String[] header = null;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(separator, -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].strip(), i < cells.length ? cells[i].strip() : "");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A two-column map file (first column → second column). */
    public static Map<String, String> map(String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map<String, String> row : rows(resource, "\t")) {
            var values = new ArrayList<>(row.values());
            map.put(values.get(0), values.get(1));
        }
        return map;
    }

    public static BufferedReader open(String resource) {
        InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing data file on the classpath: " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
