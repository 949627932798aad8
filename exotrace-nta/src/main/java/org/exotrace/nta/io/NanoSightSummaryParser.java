package org.exotrace.nta.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads an ExperimentSummary.csv in two passes: first rows into sections (and the distribution
 * table), then the typed fields out of the sections, so that every error can name its line.
 */
final class NanoSightSummaryParser {

    private static final String PREAMBLE = "";
    private static final String DETAILS = "Experiment Details";
    private static final String CONDITIONS = "Conditions";
    private static final String SETTINGS = "Settings";
    private static final String RESULTS = "Results";
    private static final String WARNINGS = "Concentration Warnings";
    private static final String SIZE = "Size Data";
    private static final String PERCENTILE = "Percentile";
    private static final String BIN_CENTRE = "Bin centre (nm)";

    /** One row of the file: its line and its cells, trimmed, trailing empty cells removed. */
    private record Row(int line, List<String> cells) {
        String key() {
            return cells.get(0);
        }

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private final Map<String, Map<String, Row>> sections = new LinkedHashMap<>();
    private final Map<String, Row> sectionHeaders = new LinkedHashMap<>();
    private Row distributionHeader;
    private final List<Row> distributionRows = new ArrayList<>();
    private List<String> filenames;

    NanoSightSummary parse(Reader in) throws IOException {
        readRows(in);
        filenames = filenames();
        int n = filenames.size();
        int resultsAverage = pooledColumn(RESULTS, headerRow(RESULTS), "Average");
        int resultsError = pooledColumn(RESULTS, headerRow(RESULTS), "Standard Error");
        Row sizeFilenames = row(SIZE, "Filename");
        for (int v = 0; v < n; v++) {
            if (!sizeFilenames.cell(v + 1).equals(filenames.get(v))) {
                throw new NanoSightFormatException(sizeFilenames.line(), "Filename", "video " + (v + 1) + " is '"
                        + sizeFilenames.cell(v + 1) + "' in [Size Data] but '" + filenames.get(v) + "' in [Experiment Details]");
            }
        }
        int sizeAverage = pooledColumn(SIZE, sizeFilenames, "Average");
        int sizeError = pooledColumn(SIZE, sizeFilenames, "Standard Error");

        List<NanoSightSummary.Video> videos = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            videos.add(video(v));
        }
        return new NanoSightSummary(
                text(DETAILS, "Experiment Name"),
                optionalText(DETAILS, "Software Version"),
                createdWith(),
                text(SIZE, "Analysis Method"),
                text(SIZE, "Weighting"),
                videos,
                new NanoSightSummary.Pooled(pooledResults(resultsAverage, "Average"), sizeStatistics(sizeAverage, "Average")),
                new NanoSightSummary.Pooled(pooledResults(resultsError, "Standard Error"), sizeStatistics(sizeError, "Standard Error")),
                distribution(n),
                rawSections());
    }

    private void readRows(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String section = PREAMBLE;
        sections.put(PREAMBLE, new LinkedHashMap<>());
        boolean inDistribution = false;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            Row row = new Row(lineNumber, split(line));
            if (row.cells().isEmpty()) {
                inDistribution = false;
                continue;
            }
            String key = row.key();
            if (key.startsWith("[") && key.endsWith("]")) {
                section = key.substring(1, key.length() - 1).trim();
                startSection(section, row);
                inDistribution = false;
            } else if (inDistribution) {
                distributionRows.add(row);
            } else if (key.equals(BIN_CENTRE) && distributionHeader == null) {
                distributionHeader = row;
                inDistribution = true;
            } else if (key.equals(PERCENTILE)) {
                section = PERCENTILE;
                startSection(section, row);
            } else {
                sections.get(section).putIfAbsent(key, row);
            }
        }
        if (lineNumber == 0) {
            throw new NanoSightFormatException(1, null, "empty file");
        }
    }

    private void startSection(String section, Row header) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
        sectionHeaders.putIfAbsent(section, header);
    }

    /** Splits one CSV line; quoted cells may contain commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        int size = cells.size();
        while (size > 0 && cells.get(size - 1).isEmpty()) {
            size--;
        }
        return List.copyOf(cells.subList(0, size));
    }

    private List<String> filenames() throws NanoSightFormatException {
        Row row = row(DETAILS, "Filename:");
        List<String> names = row.cells().subList(1, row.cells().size());
        if (names.isEmpty()) {
            throw new NanoSightFormatException(row.line(), row.key(), "no video filenames");
        }
        for (int v = 0; v < names.size(); v++) {
            if (names.get(v).isEmpty()) {
                throw new NanoSightFormatException(row.line(), row.key(), "video " + (v + 1) + " has no filename");
            }
        }
        return names;
    }

    private NanoSightSummary.Video video(int v) throws NanoSightFormatException {
        var conditions = new NanoSightSummary.Conditions(
                number(CONDITIONS, "Temperature/C", v),
                number(CONDITIONS, "Viscosity/cP", v),
                number(CONDITIONS, "Frame rate/fps", v),
                integer(CONDITIONS, "Camera Level", v),
                number(CONDITIONS, "Shutter/ms", v));
        var settings = new NanoSightSummary.Settings(
                number(SETTINGS, "Detection Threshold", v),
                minTrackLength(v),
                number(SETTINGS, "Max Jump Distance", v),
                integer(SETTINGS, "Total frames analysed", v));
        var results = new NanoSightSummary.Results(
                dilution(v),
                number(RESULTS, "Concentration (Particles / ml)", v),
                number(RESULTS, "Particles per frame", v),
                number(RESULTS, "Centres per frame", v),
                integer(RESULTS, "Completed tracks", v),
                number(RESULTS, "X-Drift (pix/frame)", v),
                number(RESULTS, "Y-Drift (pix/frame)", v));
        Map<String, String> warnings = new LinkedHashMap<>();
        for (Row row : section(WARNINGS).values()) {
            warnings.put(row.key(), row.cell(v + 1));
        }
        return new NanoSightSummary.Video(filenames.get(v), conditions, settings, results,
                sizeStatistics(v + 1, filenames.get(v)), integer(SIZE, "Valid Tracks", v), warnings);
    }

    private NanoSightSummary.PooledResults pooledResults(int column, String label) throws NanoSightFormatException {
        return new NanoSightSummary.PooledResults(
                numberAt(RESULTS, "Concentration (Particles / ml)", column, label),
                numberAt(RESULTS, "Particles per frame", column, label),
                numberAt(RESULTS, "Centres per frame", column, label));
    }

    private NanoSightSummary.SizeStatistics sizeStatistics(int column, String label) throws NanoSightFormatException {
        return new NanoSightSummary.SizeStatistics(
                numberAt(SIZE, "Mean", column, label),
                numberAt(SIZE, "Mode", column, label),
                numberAt(SIZE, "SD", column, label),
                numberAt(SIZE, "D10", column, label),
                numberAt(SIZE, "D50", column, label),
                numberAt(SIZE, "D90", column, label));
    }

    private OptionalInt minTrackLength(int v) throws NanoSightFormatException {
        Row row = row(SETTINGS, "Min Track Length");
        String cell = row.cell(v + 1);
        if (cell.equalsIgnoreCase("Auto")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(toInteger(row, cell, videoLabel(v), "an integer or 'Auto'"));
    }

    private OptionalDouble dilution(int v) throws NanoSightFormatException {
        Map<String, Row> results = section(RESULTS);
        Row row = results.get("Dilution factor (concentrations adjusted for this factor)");
        if (row == null) {
            return OptionalDouble.empty();
        }
        String cell = row.cell(v + 1);
        if (cell.isEmpty() || cell.equalsIgnoreCase("Not recorded")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(toNumber(row, cell, videoLabel(v)));
    }

    private String createdWith() {
        for (String key : section(PREAMBLE).keySet()) {
            if (key.startsWith("Created with ")) {
                return key.substring("Created with ".length()).trim();
            }
        }
        return "";
    }

    private NanoSightSummary.Distribution distribution(int videoCount) throws NanoSightFormatException {
        if (distributionHeader == null) {
            Row sizeHeader = headerRow(SIZE);
            throw new NanoSightFormatException(sizeHeader.line(), BIN_CENTRE, "no size distribution table in [Size Data]");
        }
        List<String> labels = distributionHeader.cells().subList(1, distributionHeader.cells().size());
        if (labels.size() < videoCount) {
            throw new NanoSightFormatException(distributionHeader.line(), BIN_CENTRE,
                    "expected a column for each of the " + videoCount + " videos, found " + labels.size() + " columns");
        }
        int bins = distributionRows.size();
        double[] centres = new double[bins];
        double[][] columns = new double[labels.size()][bins];
        for (int b = 0; b < bins; b++) {
            Row row = distributionRows.get(b);
            if (row.cells().size() != labels.size() + 1) {
                throw new NanoSightFormatException(row.line(), row.key(),
                        "expected " + (labels.size() + 1) + " cells as in the '" + BIN_CENTRE + "' header, found " + row.cells().size());
            }
            centres[b] = toNumber(row, row.key(), BIN_CENTRE);
            for (int c = 0; c < labels.size(); c++) {
                columns[c][b] = toNumber(row, row.cell(c + 1), "column " + (c + 2) + " (" + labels.get(c) + ")");
            }
        }
        return new NanoSightSummary.Distribution(centres, labels, columns, videoCount);
    }

    private Map<String, Map<String, List<String>>> rawSections() {
        Map<String, Map<String, List<String>>> raw = new LinkedHashMap<>();
        sections.forEach((name, rows) -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            rows.forEach((key, row) -> values.put(key, row.cells().subList(1, row.cells().size())));
            raw.put(name, Collections.unmodifiableMap(values));
        });
        return raw;
    }

    private Map<String, Row> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    private Row headerRow(String section) throws NanoSightFormatException {
        Row header = sectionHeaders.get(section);
        if (header == null) {
            throw new NanoSightFormatException(1, null, "no [" + section + "] section");
        }
        return header;
    }

    private Row row(String section, String key) throws NanoSightFormatException {
        Row header = headerRow(section);
        Row row = sections.get(section).get(key);
        if (row == null) {
            throw new NanoSightFormatException(header.line(), key, "missing from [" + section + "]");
        }
        return row;
    }

    private int pooledColumn(String section, Row header, String label) throws NanoSightFormatException {
        int column = header.cells().indexOf(label);
        if (column < 0) {
            throw new NanoSightFormatException(header.line(), header.key(),
                    "no '" + label + "' column in the header of [" + section + "]");
        }
        if (column <= filenames.size()) {
            throw new NanoSightFormatException(header.line(), header.key(),
                    "the '" + label + "' column is among the " + filenames.size() + " video columns");
        }
        return column;
    }

    private String text(String section, String key) throws NanoSightFormatException {
        return row(section, key).cell(1);
    }

    private String optionalText(String section, String key) {
        Row row = section(section).get(key);
        return row == null ? "" : row.cell(1);
    }

    private double number(String section, String key, int video) throws NanoSightFormatException {
        Row row = row(section, key);
        return toNumber(row, row.cell(video + 1), videoLabel(video));
    }

    private int integer(String section, String key, int video) throws NanoSightFormatException {
        Row row = row(section, key);
        return toInteger(row, row.cell(video + 1), videoLabel(video), "an integer");
    }

    private double numberAt(String section, String key, int column, String label) throws NanoSightFormatException {
        Row row = row(section, key);
        return toNumber(row, row.cell(column), label);
    }

    private String videoLabel(int video) {
        return "video " + (video + 1) + " (" + filenames.get(video) + ")";
    }

    private static double toNumber(Row row, String cell, String where) throws NanoSightFormatException {
        if (isPlainDecimal(cell)) {
            try {
                double value = Double.parseDouble(cell);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new NanoSightFormatException(row.line(), row.key(),
                where + ": expected a number, found " + (cell.isEmpty() ? "an empty cell" : "'" + cell + "'"));
    }

    /** Integers may be written as integral decimals ("1872.0", as NTA 3.4 writes Valid Tracks). */
    private static int toInteger(Row row, String cell, String where, String expected) throws NanoSightFormatException {
        if (isPlainDecimal(cell)) {
            double value = Double.parseDouble(cell);
            if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new NanoSightFormatException(row.line(), row.key(),
                where + ": expected " + expected + ", found " + (cell.isEmpty() ? "an empty cell" : "'" + cell + "'"));
    }

    /** Digits with optional sign, point and exponent: no NaN, Infinity, hex or Java suffixes. */
    private static boolean isPlainDecimal(String cell) {
        if (cell.isEmpty()) return false;
        boolean digit = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return false;
        }
        return digit;
    }
}
