package org.exotrace.stats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.exotrace.stats.Interval;
import org.exotrace.stats.Paired;
import org.exotrace.stats.PairedResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exotrace evidence paired --csv FILE --baseline COL --followup COL [--responder-drop PCT] [--json]}:
 * change from baseline (paired t with its 95 % interval, Wilcoxon signed-rank) and, with a drop, the
 * responders with a Wilson 95 % interval.
 */
@Command(name = "paired", mixinStandardHelpOptions = true,
        description = {"Change from baseline in paired columns of a CSV file with a header row.",
            "Rows with an empty baseline or follow-up cell are skipped and counted; any other text that is not a number is an error."})
final class PairedCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the CSV file (a header row naming the columns)")
    Path csv;

    @Option(names = "--baseline", required = true, paramLabel = "COL", description = "the column of baseline scores")
    String baseline;

    @Option(names = "--followup", required = true, paramLabel = "COL", description = "the column of follow-up scores")
    String followup;

    @Option(names = "--responder-drop", paramLabel = "PCT",
            description = "a responder's follow-up is at most (100 - PCT) %% of baseline, e.g. 75 for EASI-75")
    Double responderDrop;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PairedColumns data = PairedColumns.read(csv, baseline, followup);
        PairedResult r = Paired.analyse(data.baseline(), data.followup(), responderDrop);
        List<String> warnings = new ArrayList<>();
        if (data.skipped() > 0) {
            warnings.add(data.skipped() + " row" + (data.skipped() == 1 ? "" : "s") + " skipped: empty " + baseline + " or " + followup + " cell");
        }
        warnings.addAll(r.warnings());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, r, warnings);
        } else {
            printText(out, r, data.skipped(), warnings);
        }
        return 0;
    }

    private static void printJson(PrintWriter out, PairedResult r, List<String> warnings) {
        StringWriter text = new StringWriter();
        try (Json j = new Json(text)) {
            j.begin().field("n", (long) r.n()).field("meanChange", r.meanChange()).interval("meanChangeCi95", r.meanChangeCi95())
                    .field("tTestP", r.tTestP()).field("wilcoxonP", r.wilcoxonP()).field("wilcoxonMethod", r.wilcoxonMethod().name());
            if (r.responders() == null) {
                j.nullField("responders").nullField("responderRate").nullField("responderRateCi95");
            } else {
                j.field("responders", (long) r.responders().successes()).field("responderRate", r.responders().rate())
                        .interval("responderRateCi95", r.responders().ci95());
            }
            j.strings("warnings", warnings).end();
        }
        out.println(text);
    }

    private static void printText(PrintWriter out, PairedResult r, int skipped, List<String> warnings) {
        row(out, "n", Integer.toString(r.n()));
        if (skipped > 0) row(out, "skipped", skipped + " (empty baseline or follow-up cell)");
        row(out, "meanChange", number(r.meanChange()));
        row(out, "meanChangeCi95", interval(r.meanChangeCi95()));
        row(out, "tTestP", number(r.tTestP()));
        row(out, "wilcoxonP", number(r.wilcoxonP()) + " (" + (r.wilcoxonMethod().name().equals("EXACT") ? "exact"
                : "normal approximation, tie and continuity corrected") + ")");
        if (r.responders() != null) {
            row(out, "responders", r.responders().successes() + " of " + r.responders().n()
                    + " (follow-up <= " + number(100 - r.responderDropPercent()) + " % of baseline)");
            row(out, "responderRate", number(r.responders().rate()));
            row(out, "responderRateCi95", interval(r.responders().ci95()) + " (Wilson)");
        }
        for (String w : warnings) row(out, "warning", w);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-18s %s%n", label, value);
    }

    private static String interval(Interval i) {
        return "[" + number(i.lower()) + ", " + number(i.upper()) + "]";
    }

    /** Six significant digits, no exponent for ordinary magnitudes. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5e", v);
    }
}
