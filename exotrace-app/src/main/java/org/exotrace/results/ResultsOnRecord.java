package org.exotrace.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every result of a lot, valid or not, each with its status in words, the reason it stopped
 * counting and the investigation it belongs to; and every investigation of the lot. What the lot
 * page, the release panel and the certificate of analysis show, and what a release signature's
 * content hash covers ({@link #canonicalLines()}), so that no result and no conclusion can change
 * unseen.
 *
 * @param lines one per result, grouped by test in specification order (tests not in the
 *     specification last), oldest first within a test
 */
public record ResultsOnRecord(UUID lotId, List<Line> lines, List<OosInvestigation> investigations) {

    public ResultsOnRecord {
        lines = List.copyOf(lines);
        investigations = List.copyOf(investigations);
    }

    /**
     * One result as a person reads it on a record.
     *
     * @param status "Valid", "Valid, under investigation", "Valid, OOS confirmed", "Superseded" or "Invalidated"
     * @param role how the result came about, e.g. "Out-of-specification result, OOS-2026-0001" or
     *     "Retest in OOS-2026-0001 (Phase I)"; null for a first result
     * @param investigation the investigation the result opened or was recorded in, or null
     */
    public record Line(Result result, String testName, String status, String role, OosInvestigation investigation) {

        /** Why the result no longer counts (the supersession or invalidation reason), or null. */
        @JsonProperty("reason")
        public String reason() { return result.statusReason(); }

        /** "Pass", "Warning" or "Out of specification": the judgement when the result was entered. */
        @JsonProperty("atEntry")
        public String verdictText() {
            return switch (result.verdictAtEntry()) {
                case PASS -> "Pass";
                case WARNING -> "Warning";
                case FAIL -> "Out of specification";
                case MISSING -> "Missing";
                case NOT_TESTED -> "Not tested";
            };
        }

        /** True when the result is valid and counts (it may still be under investigation). */
        public boolean counts() { return result.isValid(); }
    }

    static ResultsOnRecord of(UUID lotId, List<Result> results, List<OosInvestigation> investigations, Map<String, String> testNames) {
        List<String> order = new ArrayList<>(testNames.keySet());
        Comparator<Result> byTest = Comparator.comparingInt(r -> order.contains(r.testCode()) ? order.indexOf(r.testCode()) : order.size());
        List<Line> lines = results.stream()
                .sorted(byTest.thenComparing(Result::testCode).thenComparing(Result::performedAt).thenComparing(Result::recordedAt))
                .map(r -> line(r, testNames.getOrDefault(r.testCode(), r.testCode()), investigations))
                .toList();
        return new ResultsOnRecord(lotId, lines, investigations);
    }

    private static Line line(Result r, String testName, List<OosInvestigation> investigations) {
        Optional<OosInvestigation> opened = investigations.stream().filter(i -> i.resultId().equals(r.id())).findFirst();
        Optional<OosInvestigation> within = investigations.stream().filter(i -> i.hasAdditional(r.id())).findFirst();
        OosInvestigation inv = opened.or(() -> within).orElse(null);
        String status = switch (r.status()) {
            case SUPERSEDED -> "Superseded";
            case INVALIDATED -> "Invalidated";
            case VALID -> opened.map(i -> i.isOpen() ? "Valid, under investigation"
                    : i.conclusion() == OosInvestigation.Conclusion.OOS_CONFIRMED ? "Valid, OOS confirmed" : "Valid").orElse("Valid");
        };
        String role = null;
        if (opened.isPresent()) {
            role = "Out-of-specification result, " + opened.get().number();
        } else if (within.isPresent()) {
            OosInvestigation.AdditionalResult a = within.get().additionalResults().stream().filter(x -> x.resultId().equals(r.id())).findFirst().orElseThrow();
            role = (a.kind() == OosInvestigation.Testing.RESAMPLE ? "Resample" : "Retest") + " in " + within.get().number()
                    + " (" + a.phase().shortLabel() + ")";
        } else if (r.retestOf() != null) {
            role = "Retest of an earlier result";
        }
        return new Line(r, testName, status, role, inv);
    }

    /** The name of the test an investigation is about, as the specification calls it. */
    public String testName(OosInvestigation investigation) {
        return lines.stream().filter(l -> l.result().id().equals(investigation.resultId())).findFirst().map(Line::testName)
                .orElse(investigation.testCode());
    }

    /** The lines of one test. */
    public List<Line> of(String testCode) {
        return lines.stream().filter(l -> l.result().testCode().equals(testCode)).toList();
    }

    /** True when some result stopped counting or an investigation exists: worth showing in full. */
    public boolean hasHistory() {
        return !investigations.isEmpty() || lines.stream().anyMatch(l -> !l.counts());
    }

    public List<OosInvestigation> openInvestigations() {
        return investigations.stream().filter(OosInvestigation::isOpen).toList();
    }

    /**
     * Every result with its status and reason, and every investigation with its state and
     * conclusion, one line each in a fixed order and escaping: the text a signature's content hash
     * covers.
     */
    public List<String> canonicalLines() {
        List<String> out = new ArrayList<>();
        lines.stream().map(Line::result).sorted(Comparator.comparing(Result::recordedAt).thenComparing(Result::id))
                .forEach(r -> out.add(canonical(r, lines.stream().filter(l -> l.result().id().equals(r.id())).findFirst()
                        .map(Line::investigation).map(OosInvestigation::number).orElse("-"))));
        investigations.forEach(i -> out.add(canonical(i)));
        return out;
    }

    /** The investigation and its results, as its approval hash covers them. */
    static List<String> canonical(OosInvestigation i, List<Result> results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(canonical(r, i.number())));
        out.add(canonical(i));
        return out;
    }

    private static String canonical(Result r, String investigation) {
        return String.join("|", "result", r.id().toString(), esc(r.testCode()), esc(r.resultText()), "entry=" + r.verdictAtEntry(),
                "status=" + r.status(), "reason=" + esc(r.statusReason()), "retestOf=" + (r.retestOf() == null ? "-" : r.retestOf()),
                "investigation=" + investigation, "analyst=" + esc(r.analyst()), "performed=" + r.performedAt(), "method=" + esc(r.method()));
    }

    private static String canonical(OosInvestigation i) {
        OosInvestigation.PhaseOne one = i.phaseOne();
        OosInvestigation.PhaseTwo two = i.phaseTwo();
        OosInvestigation.Proposal p = i.proposal();
        OosInvestigation.Approval a = i.approval();
        return String.join("|", "investigation", esc(i.number()), esc(i.testCode()), "result=" + i.resultId(), "status=" + i.status(),
                "phase=" + i.phase(),
                "phaseOne=" + (one == null ? "-" : esc(String.join(" / ", one.calculationCheck(), one.instrumentCheck(), one.standardCheck(),
                        one.samplePreparationCheck(), one.hypothesis()))),
                "phaseTwo=" + (two == null ? "-" : esc(two.productionReview() + " / " + two.plan() + " / "
                        + (two.resamplingJustification() == null ? "-" : two.resamplingJustification()))),
                "conclusion=" + (p == null ? "-" : p.conclusion()), "cause=" + esc(p == null ? null : p.causeText()),
                "summary=" + esc(p == null ? null : p.summary()), "proposedBy=" + esc(p == null ? null : p.proposedBy()),
                "approvedBy=" + esc(a == null ? null : a.username()), "approvedAt=" + (a == null ? "-" : a.approvedAt()),
                "approvalHash=" + (a == null ? "-" : a.contentHash()));
    }

    private static String esc(String s) {
        if (s == null) return "-";
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
