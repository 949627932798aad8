package org.exotrace.evidence;

import java.time.Instant;
import java.util.List;

/**
 * An analysis's results: the estimates (each with its interval, p-value and effect size), the
 * tables, the missing data per visit with how it was handled, the warnings, a methods paragraph
 * generated from the settings and what its pictures need. Whether it was pre-specified is part of
 * the result, never left to the reader.
 *
 * @param cohortCourses courses the cohort holds
 * @param analysed      courses that entered the analysis
 */
public record AnalysisReport(AnalysisSpec spec, String title, Provenance provenance, int cohortCourses, int analysed,
                             List<VisitCount> visits, String missingHandling, List<Estimate> estimates, List<Table> tables,
                             List<String> warnings, String methods, Plots plots) {

    /** Pre-specified by a locked plan (its number, hash and time), or exploratory. */
    public record Provenance(boolean preSpecified, String planNumber, String sha256, Instant lockedAt) {

        public static final Provenance EXPLORATORY = new Provenance(false, null, null, null);

        private static final java.time.format.DateTimeFormatter LOCKED_AT = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

        public String text() {
            return preSpecified ? "Pre-specified in analysis plan " + planNumber + ", locked " + LOCKED_AT.format(lockedAt) + " (SHA-256 " + sha256 + ")"
                    : "Exploratory: not pre-specified in a locked analysis plan";
        }
    }

    /**
     * One estimate: a mean change, a difference, a rate or a slope with its 95 % interval; the
     * p-value (and its Holm adjustment where several were run) and an effect size where they apply.
     */
    public record Estimate(String name, int n, double value, double lower, double upper, String unit, Double p, Double pAdjusted,
                           String effectName, Double effect) {}

    /** How many courses were assessed at a visit and how many were not (lost to follow-up or not yet due). */
    public record VisitCount(String visit, int day, int assessed, int missing) {}

    /** A table as shown, printed and downloaded as CSV. */
    public record Table(String name, List<String> header, List<List<String>> rows) {}

    /** What the pictures draw; each list is empty when the analysis has no such picture. */
    public record Plots(List<ForestRow> forest, String forestUnit, List<Bar> waterfall, List<Series> trajectories, List<Point> scatter,
                        Line fit, String xLabel, String yLabel) {

        static Plots none() {
            return new Plots(List.of(), "", List.of(), List.of(), List.of(), null, "", "");
        }
    }

    /** A row of a forest plot: an estimate with its interval. */
    public record ForestRow(String label, int n, double estimate, double lower, double upper) {}

    /** One patient's bar in a waterfall plot: their percent change; whether they responded. */
    public record Bar(String id, double percentChange, boolean responder) {}

    /** A group's mean percent change at each visit, with its 95 % interval. */
    public record Series(String name, List<TrajectoryPoint> points) {}

    public record TrajectoryPoint(int day, int n, double mean, double lower, double upper) {}

    public record Point(double x, double y) {}

    /** The fitted line of a dose-response, across the observed x. */
    public record Line(double x1, double y1, double x2, double y2) {}

    /** A number as the reports print it: two decimals, one from 100 up; "–" when there is none. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.2f", v);
    }

    /** A p-value as the reports print it: three decimals, "< 0.001" below that; "–" when there is none. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) return "–";
        return p < 0.001 ? "< 0.001" : String.format(java.util.Locale.ROOT, "%.3f", p);
    }
}
