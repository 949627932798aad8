package org.exotrace.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIST StRD data set under src/test/resources/nist: the certified values from its "# certified NAME = VALUE"
 * header lines, the data as rows of numbers (see nist/README.md for the provenance).
 */
record NistData(String name, Map<String, String> certified, List<double[]> rows) {

    static NistData load(String name) {
        Map<String, String> certified = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = NistData.class.getResourceAsStream("/nist/" + name + ".dat")) {
            if (in == null) throw new IllegalStateException("no test resource nist/" + name + ".dat");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("# certified ")) {
                    String[] kv = line.substring("# certified ".length()).split("=", 2);
                    certified.put(kv[0].trim(), kv[1].trim());
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    String[] cells = line.trim().split("\\s+");
                    double[] row = new double[cells.length];
                    for (int i = 0; i < cells.length; i++) row[i] = Double.parseDouble(cells[i]);
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NistData(name, certified, rows);
    }

    double certifiedValue(String key) {
        String v = certified.get(key);
        if (v == null) throw new IllegalStateException(name + " has no certified " + key);
        return Double.parseDouble(v.split(",")[0].trim());
    }

    double[] column(int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }
}
