package org.exotrace.stats.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Two numeric columns of a CSV file with a header row, read as pairs. A row with an empty baseline or
 * follow-up cell is skipped and counted (a visit not done); any other text that is not a number is an
 * error naming the CSV line (the header is line 1) and the column.
 */
record PairedColumns(double[] baseline, double[] followup, int skipped) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
            .get();

    /** A decimal number with a point and an optional exponent: not "NaN", "Infinity", "1d" or hexadecimal. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    static PairedColumns read(Path file, String baselineColumn, String followupColumn) {
        if (!Files.isRegularFile(file)) throw new EvidenceCommand.BadInput("no such file: " + file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            requireColumn(file, header, baselineColumn);
            requireColumn(file, header, followupColumn);
            List<double[]> pairs = new ArrayList<>();
            int skipped = 0;
            long line = 1;
            for (CSVRecord row : parser) {
                line = parser.getCurrentLineNumber();
                String b = cell(row, baselineColumn);
                String f = cell(row, followupColumn);
                if (b.isEmpty() || f.isEmpty()) {
                    skipped++;
                    continue;
                }
                pairs.add(new double[] {number(line, baselineColumn, b), number(line, followupColumn, f)});
            }
            if (pairs.size() < 2) {
                throw new EvidenceCommand.BadInput(file + ": fewer than 2 complete pairs (" + pairs.size() + " found"
                        + (skipped > 0 ? ", " + skipped + " row" + (skipped == 1 ? "" : "s") + " skipped for an empty cell" : "") + ")");
            }
            return new PairedColumns(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                    pairs.stream().mapToDouble(p -> p[1]).toArray(), skipped);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new EvidenceCommand.BadInput("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new EvidenceCommand.BadInput(file + " is not a CSV file with a header row: " + e.getMessage());
        }
    }

    private static void requireColumn(Path file, Map<String, Integer> header, String column) {
        if (header == null || !header.containsKey(column)) {
            throw new EvidenceCommand.BadInput(file + ": no column '" + column + "'; the columns are "
                    + (header == null || header.isEmpty() ? "(none: the file is empty)" : String.join(", ", header.keySet())));
        }
    }

    private static String cell(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column).trim() : "";
    }

    private static double number(long line, String column, String text) {
        if (DECIMAL.matcher(text).matches()) {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        }
        throw new EvidenceCommand.BadInput("row " + line + ": " + column + " '" + text + "' is not a number");
    }
}
