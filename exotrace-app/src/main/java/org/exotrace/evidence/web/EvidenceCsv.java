package org.exotrace.evidence.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exotrace.evidence.AnalysisReport;

/**
 * A results table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read "µ" and
 * "−"), headed by the analysis, its provenance and the table's name in comment lines. A text
 * cell that a spreadsheet would run as a formula gets a leading apostrophe.
 */
final class EvidenceCsv {

    private EvidenceCsv() {}

    static byte[] table(AnalysisReport report, AnalysisReport.Table table) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printComment(report.title());
            csv.printComment(report.provenance().text());
            csv.printComment(table.name());
            csv.printRecord(safe(table.header()));
            for (List<String> row : table.rows()) csv.printRecord(safe(row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    /** Text beginning with =, +, @, a tab or a carriage return, or a minus not followed by a number, is quoted with an apostrophe. */
    static List<String> safe(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) out.add(safe(cell));
        return out;
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && !cell.matches("-\\d[\\d.,]*( .*)?"));
        return risky ? "'" + cell : cell;
    }
}
