package org.exotrace.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.exotrace.evidence.AnalysisReport.Bar;
import org.exotrace.evidence.AnalysisReport.Estimate;
import org.exotrace.evidence.AnalysisReport.ForestRow;
import org.exotrace.evidence.AnalysisReport.Line;
import org.exotrace.evidence.AnalysisReport.Plots;
import org.exotrace.evidence.AnalysisReport.Point;
import org.exotrace.evidence.AnalysisReport.Provenance;
import org.exotrace.evidence.AnalysisReport.Series;
import org.exotrace.evidence.AnalysisReport.Table;
import org.exotrace.evidence.AnalysisReport.TrajectoryPoint;
import org.exotrace.evidence.AnalysisReport.VisitCount;
import org.exotrace.outcome.Instrument;
import org.exotrace.stats.Descriptives;
import org.exotrace.stats.DoseResponse;
import org.exotrace.stats.DoseResponseResult;
import org.exotrace.stats.Interval;
import org.exotrace.stats.Multiplicity;
import org.exotrace.stats.Paired;
import org.exotrace.stats.PairedResult;
import org.exotrace.stats.Proportion;
import org.exotrace.stats.Proportions;
import org.exotrace.stats.RankTestMethod;
import org.exotrace.stats.ResponderComparison;
import org.exotrace.stats.SplitFace;
import org.exotrace.stats.SplitFaceResult;
import org.exotrace.stats.TwoGroupResult;
import org.exotrace.stats.TwoGroups;
import org.exotrace.treatment.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the analyses on a cohort with the statistics library {@code exotrace-stats}: this class
 * chooses the data (baseline, the visit window, the sides, complete cases), the library computes.
 * Every report counts the missing values per visit and says how they were handled (complete cases,
 * no imputation), warns when n is small, adjusts p-values by Holm's method when one analysis makes
 * several comparisons, and says whether it was pre-specified.
 */
@Service
public class Analyses {

    /** Below this many courses an analysis is run but warned about. */
    static final int SMALL_N = 10;

    private final ResearchData data;

    Analyses(ResearchData data) {
        this.data = data;
    }

    /** The courses the filter admits. */
    @Transactional(readOnly = true)
    public List<Course> cohort(CohortFilter filter) {
        return data.courses().stream().filter(filter::matches).toList();
    }

    /** Runs one analysis on the filter's cohort. */
    @Transactional(readOnly = true)
    public AnalysisReport run(CohortFilter filter, AnalysisSpec spec, Provenance provenance) {
        return run(cohort(filter), filter, spec, provenance);
    }

    /** Runs one analysis on courses already chosen by {@code filter}. */
    public AnalysisReport run(List<Course> courses, CohortFilter filter, AnalysisSpec asked, Provenance provenance) {
        AnalysisSpec spec = asked.normalised();
        Run run = new Run(courses, filter, spec, provenance);
        try {
            return switch (spec.kind()) {
                case PAIRED -> run.paired();
                case RESPONDER -> run.responders();
                case TWO_GROUPS -> run.groups();
                case SPLIT_FACE -> run.splitFace();
                case DOSE_RESPONSE -> run.doseResponse();
                case ADVERSE_EVENTS -> run.adverseEvents();
            };
        } catch (IllegalArgumentException e) {
            // The library refuses degenerate data (no spread, too few values) by throwing: the researcher gets a report saying so, not a failure.
            return new Run(courses, filter, spec, provenance).failed(e.getMessage());
        }
    }

    /** A course's baseline (above 0) and visit value on a side, with the percent change. */
    record Change(Course course, double baseline, double followUp) {
        double percent() {
            return (followUp - baseline) / baseline * 100;
        }
    }

    /** One analysis being run: the data chosen and the text that goes with it. */
    private static final class Run {
        private final List<Course> courses;
        private final CohortFilter filter;
        private final AnalysisSpec spec;
        private final Provenance provenance;
        private final List<String> warnings = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Estimate> estimates = new ArrayList<>();

        Run(List<Course> courses, CohortFilter filter, AnalysisSpec spec, Provenance provenance) {
            this.courses = courses;
            this.filter = filter;
            this.spec = spec;
            this.provenance = provenance;
        }

        private Instrument instrument() {
            return spec.instrument();
        }

        private String visit() {
            return "day " + spec.day() + " ± " + spec.window();
        }

        /**
         * The complete cases on the whole area (or one side): baseline and a value at the visit; a baseline
         * of 0 or below has no percent change (its sign would turn an improvement into a worsening).
         */
        private List<Change> changes(List<Course> from, Side side, int day) {
            List<Change> out = new ArrayList<>();
            for (Course c : from) {
                OptionalDouble b = c.baseline(instrument(), side, AnalysisSpec.BASELINE_DAYS);
                OptionalDouble f = c.at(instrument(), side, day, windowAt(day));
                if (b.isEmpty() || f.isEmpty()) continue;
                if (!(b.getAsDouble() > 0) || !Double.isFinite(b.getAsDouble()) || !Double.isFinite(f.getAsDouble())) continue;
                out.add(new Change(c, b.getAsDouble(), f.getAsDouble()));
            }
            return out;
        }

        /**
         * The window of a visit: the analysis visit keeps the one asked for; a visit on the way gets at
         * most half the gap to its neighbours and stays clear of the analysis visit's window, so that no
         * reading counts for two visits.
         */
        private int windowAt(int day) {
            if (day == spec.day()) return spec.window();
            int w = Math.min(spec.window(), spec.day() - spec.window() - day - 1);
            for (int other : visitDays()) if (other != day) w = Math.min(w, (Math.abs(other - day) - 1) / 2);
            return Math.max(w, 0);
        }

        private List<Course> wholeArea() {
            return courses.stream().filter(c -> !c.splitFace()).toList();
        }

        /** A third, two thirds and the analysis visit; a visit on the way that lies in the analysis visit's window is not a visit of its own. */
        private int[] visitDays() {
            int d = spec.day();
            List<Integer> days = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                int v = Math.round(d * k / 3f);
                if (v >= 1 && !days.contains(v) && (v == d || v < d - spec.window())) days.add(v);
            }
            return days.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Courses with a baseline, then those assessed at each visit on the way to the analysis visit. */
        private List<VisitCount> visits(List<Course> from, Side side) {
            List<Course> withBaseline = from.stream().filter(c -> c.baseline(instrument(), side, AnalysisSpec.BASELINE_DAYS).isPresent()).toList();
            List<VisitCount> counts = new ArrayList<>();
            counts.add(new VisitCount("baseline", 0, withBaseline.size(), from.size() - withBaseline.size()));
            for (int day : visitDays()) {
                int assessed = (int) withBaseline.stream().filter(c -> c.at(instrument(), side, day, windowAt(day)).isPresent()).count();
                counts.add(new VisitCount("day " + day, day, assessed, withBaseline.size() - assessed));
            }
            return counts;
        }

        private String handling(int analysed, int of) {
            String s = "Complete cases: " + analysed + " of " + of + " courses had a baseline (the last " + instrument().code()
                    + " on or up to " + AnalysisSpec.BASELINE_DAYS + " days before the first session) and a value at " + visit()
                    + "; the others are left out and nothing is imputed.";
            long zeroBaselines = wholeArea().stream().filter(c -> c.baseline(instrument(), Side.BOTH, AnalysisSpec.BASELINE_DAYS).orElse(1) <= 0
                    && c.at(instrument(), Side.BOTH, spec.day(), spec.window()).isPresent()).count();
            if (zeroBaselines > 0) s += " " + zeroBaselines + " with a baseline of 0 (or below) have no percent change and are left out.";
            return s;
        }

        private void smallN(int n, String what) {
            if (n < SMALL_N) warnings.add(what + ": n = " + n + " is small; intervals are wide and tests have little power.");
        }

        private void warn(List<String> from) {
            from.stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }

        private AnalysisReport report(String title, int analysed, List<VisitCount> visits, String handling, String methods, Plots plots) {
            return new AnalysisReport(spec, title, provenance, courses.size(), analysed, visits, handling, List.copyOf(estimates),
                    List.copyOf(tables), List.copyOf(warnings), methods, plots);
        }

        private String cohortText() {
            List<String> criteria = filter.describe();
            return "Cohort: " + courses.size() + " treatment courses of patients with a research-use consent in force"
                    + (criteria.isEmpty() ? "" : ", where " + String.join("; ", criteria)) + ".";
        }

        AnalysisReport paired() {
            List<Change> pairs = changes(wholeArea(), Side.BOTH, spec.day());
            List<VisitCount> visits = visits(wholeArea(), Side.BOTH);
            String title = instrument().code() + ": change from baseline to " + visit();
            if (pairs.size() < 2) return tooFew(title, pairs.size(), visits);
            PairedResult r = Paired.analyse(baselines(pairs), followUps(pairs), spec.responderPercent().doubleValue());
            warn(r.warnings());
            smallN(r.n(), "Change from baseline");
            estimates.add(new Estimate("Mean change (" + instrument().code() + " points)", r.n(), r.meanChange(), r.meanChangeCi95().lower(),
                    r.meanChangeCi95().upper(), "points", r.tTestP(), null, "Cohen's dz", r.cohenDz()));
            double[] pct = percents(pairs);
            Interval pctCi = Descriptives.meanCi95(pct);
            estimates.add(new Estimate("Mean percent change", pct.length, mean(pct), pctCi.lower(), pctCi.upper(), "%", null, null, null, null));
            tables.add(new Table("Change from baseline", List.of("n", "Mean at baseline", "Mean at " + visit(), "Mean change", "95 % CI",
                    "SD of change", "Paired t p", "Wilcoxon p", "Wilcoxon method", "Cohen's dz", "Mean % change"),
                    List.of(List.of(String.valueOf(r.n()), num(r.meanBaseline()), num(r.meanFollowup()), num(r.meanChange()), ci(r.meanChangeCi95()),
                            num(r.sdChange()), p(r.tTestP()), p(r.wilcoxonP()), method(r.wilcoxonMethod()), num(r.cohenDz()),
                            num(r.meanPercentChange())))));
            if (r.responders() != null) responderRow(r.responders());
            String methods = cohortText() + " " + instrument().code() + " at " + visit() + " was compared with baseline by the paired t-test, "
                    + "with the 95 % confidence interval of the mean change, and by the Wilcoxon signed-rank test ("
                    + method(r.wilcoxonMethod()) + "; exact for up to 50 pairs without ties or zero differences, otherwise the normal "
                    + "approximation with tie and continuity corrections). The effect size is Cohen's dz. " + handling(r.n(), wholeArea().size())
                    + " " + library();
            return report(title, r.n(), visits, handling(r.n(), wholeArea().size()), methods,
                    new Plots(List.of(), "", waterfall(pairs), List.of(trajectory("All", wholeArea())), List.of(), null, "", "% change"));
        }

        AnalysisReport responders() {
            List<Change> pairs = changes(wholeArea(), Side.BOTH, spec.day());
            List<VisitCount> visits = visits(wholeArea(), Side.BOTH);
            String title = instrument().code() + ": responders at " + visit();
            if (pairs.size() < 2) return tooFew(title, pairs.size(), visits);
            List<ForestRow> forest = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (int percent : thresholds()) {
                int x = (int) pairs.stream().filter(c -> responded(c, percent)).count();
                Proportion rate = Proportions.wilson(x, pairs.size());
                warn(rate.warnings());
                String name = instrument().code() + "-" + percent;
                estimates.add(new Estimate(name + " responder rate", pairs.size(), rate.rate() * 100, rate.ci95().lower() * 100,
                        rate.ci95().upper() * 100, "%", null, null, null, null));
                forest.add(new ForestRow(name, pairs.size(), rate.rate() * 100, rate.ci95().lower() * 100, rate.ci95().upper() * 100));
                rows.add(List.of(name, x + " / " + pairs.size(), num(rate.rate() * 100) + " %", ci(rate.ci95(), 100)));
            }
            smallN(pairs.size(), "Responder rates");
            tables.add(new Table("Responder rates", List.of("Response", "Responders", "Rate", "95 % CI (Wilson)"), rows));
            String methods = cohortText() + " A responder's " + instrument().code() + " at " + visit() + " is at most (100 − X) % of baseline "
                    + "(a drop of at least X %); rates are given with Wilson score 95 % intervals. " + handling(pairs.size(), wholeArea().size())
                    + " " + library();
            return report(title, pairs.size(), visits, handling(pairs.size(), wholeArea().size()), methods,
                    new Plots(forest, "% responders", waterfall(pairs), List.of(), List.of(), null, "", "% change"));
        }

        private List<Integer> thresholds() {
            List<Integer> out = new ArrayList<>(List.of(spec.responderPercent()));
            for (int usual : new int[] {50, 75, 90}) if (!out.contains(usual) && usual > spec.responderPercent()) out.add(usual);
            return out;
        }

        private void responderRow(Proportion p) {
            estimates.add(new Estimate(instrument().code() + "-" + spec.responderPercent() + " responder rate", p.n(), p.rate() * 100,
                    p.ci95().lower() * 100, p.ci95().upper() * 100, "%", null, null, null, null));
            tables.add(new Table("Responders", List.of("Response", "Responders", "Rate", "95 % CI (Wilson)"), List.of(List.of(
                    instrument().code() + "-" + spec.responderPercent(), p.successes() + " / " + p.n(), num(p.rate() * 100) + " %", ci(p.ci95(), 100)))));
        }

        AnalysisReport groups() {
            List<Change> complete = changes(wholeArea(), Side.BOTH, spec.day());
            String by = spec.groupBy().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            // The tests compare independent groups: a course in two groups (by lot) would be compared with itself.
            List<Change> pairs = complete.stream().filter(c -> spec.groupBy().levels(c.course()).size() == 1).toList();
            if (pairs.size() < complete.size()) {
                warnings.add((complete.size() - pairs.size()) + " complete courses are in more than one " + by + " (or none) and are left out: "
                        + "the comparisons need each course in exactly one group.");
            }
            Map<String, List<Change>> byGroup = new TreeMap<>();
            for (Change c : pairs) byGroup.computeIfAbsent(spec.groupBy().levels(c.course()).get(0), k -> new ArrayList<>()).add(c);
            List<VisitCount> visits = visits(wholeArea(), Side.BOTH);
            String title = instrument().code() + ": percent change at " + visit() + " by " + by;
            byGroup.entrySet().stream().filter(g -> g.getValue().size() < 2).forEach(g -> warnings.add("Group " + g.getKey()
                    + " has only 1 complete course and is left out of the comparisons."));
            byGroup.values().removeIf(g -> g.size() < 2);
            pairs = byGroup.values().stream().flatMap(List::stream).toList();
            if (byGroup.size() < 2) {
                warnings.add("Fewer than two groups with at least 2 complete courses: nothing to compare.");
                return report(title, pairs.size(), visits, handling(pairs.size(), wholeArea().size()), cohortText(), Plots.none());
            }
            List<ForestRow> forest = new ArrayList<>();
            List<List<String>> groupRows = new ArrayList<>();
            List<Series> trajectories = new ArrayList<>();
            for (var g : byGroup.entrySet()) {
                double[] pct = percents(g.getValue());
                Interval ci = Descriptives.meanCi95(pct);
                forest.add(new ForestRow(g.getKey(), pct.length, mean(pct), ci.lower(), ci.upper()));
                int x = (int) g.getValue().stream().filter(c -> responded(c, spec.responderPercent())).count();
                Proportion rate = Proportions.wilson(x, pct.length);
                groupRows.add(List.of(g.getKey(), String.valueOf(pct.length), num(mean(pct)), ci(ci), x + " / " + pct.length, ci(rate.ci95(), 100)));
                estimates.add(new Estimate("Mean % change, " + g.getKey(), pct.length, mean(pct), ci.lower(), ci.upper(), "%", null, null, null, null));
                smallN(pct.length, g.getKey());
                trajectories.add(trajectory(g.getKey(), wholeArea().stream().filter(c -> spec.groupBy().levels(c).equals(List.of(g.getKey()))).toList()));
            }
            tables.add(new Table("Groups", List.of("Group", "n", "Mean % change", "95 % CI", "Responders (" + spec.responderPercent() + " %)",
                    "Responder 95 % CI (Wilson)"), groupRows));
            List<String> names = new ArrayList<>(byGroup.keySet());
            List<Estimate> comparisons = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    List<Change> a = byGroup.get(names.get(i));
                    List<Change> b = byGroup.get(names.get(j));
                    TwoGroupResult t = compare(names.get(i), percents(a), names.get(j), percents(b));
                    int xa = (int) a.stream().filter(c -> responded(c, spec.responderPercent())).count();
                    int xb = (int) b.stream().filter(c -> responded(c, spec.responderPercent())).count();
                    ResponderComparison rc = TwoGroups.responders(xa, a.size(), xb, b.size());
                    if (t != null) warn(t.warnings());
                    warn(rc.warnings());
                    if (t == null) {
                        double d = mean(percents(a)) - mean(percents(b));
                        comparisons.add(new Estimate(names.get(i) + " − " + names.get(j) + " (% change)", a.size() + b.size(), d, Double.NaN, Double.NaN,
                                "percentage points", Double.NaN, null, "Hedges' g", null));
                    } else {
                        comparisons.add(new Estimate(names.get(i) + " − " + names.get(j) + " (% change)", a.size() + b.size(), t.difference(),
                                t.differenceCi95().lower(), t.differenceCi95().upper(), "percentage points", t.welchP(), null, "Hedges' g", t.hedgesG()));
                    }
                    comparisons.add(new Estimate(names.get(i) + " − " + names.get(j) + " (responder risk difference)", a.size() + b.size(),
                            rc.riskDifference() * 100, rc.riskDifferenceCi95().lower() * 100, rc.riskDifferenceCi95().upper() * 100,
                            "percentage points", rc.fisherP(), null, null, null));
                    Estimate e = comparisons.get(comparisons.size() - 2);
                    rows.add(new ArrayList<>(List.of(names.get(i) + " vs " + names.get(j), num(e.value()), num(e.lower()) + " to " + num(e.upper()),
                            p(e.p()), t == null ? "–" : p(t.mannWhitneyP()) + " (" + method(t.mannWhitneyMethod()) + ")", t == null ? "–" : num(t.hedgesG()),
                            num(rc.riskDifference() * 100), ci(rc.riskDifferenceCi95(), 100), p(rc.fisherP()))));
                }
            }
            holm(comparisons, rows);
            estimates.addAll(comparisons);
            tables.add(new Table("Comparisons", List.of("Groups", "Difference in mean % change", "95 % CI (Welch)", "Welch p", "Mann-Whitney p",
                    "Hedges' g", "Responder risk difference (pp)", "95 % CI (Newcombe)", "Fisher exact p", "Holm-adjusted p (Welch; Fisher)"), rows));
            String methods = cohortText() + " Percent change in " + instrument().code() + " from baseline to " + visit() + " was compared between "
                    + "groups by " + by + " with Welch's t-test (95 % CI of the difference) and the Mann-Whitney U test (exact for groups of up to "
                    + "50 without ties, otherwise the normal approximation with tie and continuity corrections); responders (a drop of at least "
                    + spec.responderPercent() + " %) with Fisher's exact test and the risk difference with Newcombe's hybrid score interval. "
                    + "Effect size: Hedges' g. " + (rows.size() > 1 ? "With " + rows.size() + " comparisons between groups, Holm's method "
                    + "adjusts the Welch p-values across them, and the Fisher p-values across them. " : "") + handling(pairs.size(), wholeArea().size()) + " " + library();
            return report(title, pairs.size(), visits, handling(pairs.size(), wholeArea().size()), methods,
                    new Plots(forest, "% change", waterfall(pairs), trajectories, List.of(), null, "", "% change"));
        }

        /**
         * Holm within each family: the Welch p-values of the pairs of groups, and apart from them the Fisher
         * p-values (two endpoints, each tested once per pair); written into the estimates and the table.
         * A comparison that could not be tested (NaN) is not in its family.
         */
        private void holm(List<Estimate> comparisons, List<List<String>> rows) {
            if (rows.size() < 2) {
                rows.forEach(r -> r.add("one comparison: none"));
                return;
            }
            double[] adjusted = new double[comparisons.size()];
            for (int family = 0; family < 2; family++) {
                List<Integer> tested = new ArrayList<>();
                for (int k = family; k < comparisons.size(); k += 2) {
                    adjusted[k] = Double.NaN;
                    if (!Double.isNaN(comparisons.get(k).p())) tested.add(k);
                }
                double[] ps = tested.stream().mapToDouble(k -> comparisons.get(k).p()).toArray();
                double[] holm = ps.length > 0 ? Multiplicity.holm(ps) : ps;
                for (int t = 0; t < tested.size(); t++) adjusted[tested.get(t)] = holm[t];
            }
            for (int k = 0; k < comparisons.size(); k++) {
                Estimate e = comparisons.get(k);
                comparisons.set(k, new Estimate(e.name(), e.n(), e.value(), e.lower(), e.upper(), e.unit(), e.p(),
                        Double.isNaN(adjusted[k]) ? null : adjusted[k], e.effectName(), e.effect()));
            }
            for (int row = 0; row < rows.size(); row++) rows.get(row).add(p(adjusted[2 * row]) + "; " + p(adjusted[2 * row + 1]));
        }

        /** Welch and Mann-Whitney, or null with a warning when neither group has any spread (the library refuses it). */
        private TwoGroupResult compare(String nameA, double[] a, String nameB, double[] b) {
            if (Descriptives.of(a).sd() == 0 && Descriptives.of(b).sd() == 0) {
                warnings.add(nameA + " vs " + nameB + ": every percent change within each group is the same, so the difference has no "
                        + "interval and no Welch or Mann-Whitney test.");
                return null;
            }
            return TwoGroups.compare(nameA, a, nameB, b);
        }

        AnalysisReport splitFace() {
            List<Course> split = courses.stream().filter(Course::splitFace).toList();
            List<double[]> sides = new ArrayList<>();
            List<Bar> bars = new ArrayList<>();
            int missing = 0;
            for (Course c : split) {
                Side treated = c.treatedSide();
                Side control = c.controlSide().orElseThrow();
                OptionalDouble tb = c.baseline(instrument(), treated, AnalysisSpec.BASELINE_DAYS);
                OptionalDouble tf = c.at(instrument(), treated, spec.day(), spec.window());
                OptionalDouble cb = c.baseline(instrument(), control, AnalysisSpec.BASELINE_DAYS);
                OptionalDouble cf = c.at(instrument(), control, spec.day(), spec.window());
                if (tb.isEmpty() || tf.isEmpty() || cb.isEmpty() || cf.isEmpty() || !(tb.getAsDouble() > 0) || !(cb.getAsDouble() > 0)) {
                    missing++;
                    continue;
                }
                double t = (tf.getAsDouble() - tb.getAsDouble()) / tb.getAsDouble() * 100;
                double k = (cf.getAsDouble() - cb.getAsDouble()) / cb.getAsDouble() * 100;
                sides.add(new double[] {t, k});
                bars.add(new Bar(c.pseudonym(), t - k, t - k < 0));
            }
            String title = instrument().code() + ": treated against control side at " + visit() + " (split-face)";
            List<VisitCount> visits = List.of(new VisitCount("both sides, baseline and " + visit(), spec.day(), sides.size(), missing));
            String handling = "Complete cases: " + sides.size() + " of " + split.size() + " split-face courses had both sides at baseline and at "
                    + visit() + " (the blinded assessor's readings where one is named); " + missing + " are left out, nothing is imputed.";
            if (sides.size() < 2) {
                warnings.add("Fewer than 2 split-face courses with both sides at baseline and at the visit: nothing to compare.");
                return report(title, sides.size(), visits, handling, cohortText(), Plots.none());
            }
            double[] treated = sides.stream().mapToDouble(s -> s[0]).toArray();
            double[] control = sides.stream().mapToDouble(s -> s[1]).toArray();
            SplitFaceResult r = SplitFace.compare(treated, control);
            warn(r.warnings());
            smallN(r.n(), "Split-face");
            Interval tci = Descriptives.meanCi95(treated);
            Interval cci = Descriptives.meanCi95(control);
            estimates.add(new Estimate("Treated side, mean % change", r.n(), mean(treated), tci.lower(), tci.upper(), "%", null, null, null, null));
            estimates.add(new Estimate("Control side, mean % change", r.n(), mean(control), cci.lower(), cci.upper(), "%", null, null, null, null));
            estimates.add(new Estimate("Treated − control (% change)", r.n(), r.meanDifference(), r.meanDifferenceCi95().lower(),
                    r.meanDifferenceCi95().upper(), "percentage points", r.tTestP(), null, "Cohen's dz", r.cohenDz()));
            tables.add(new Table("Split-face", List.of("n", "Treated mean % change", "Control mean % change", "Difference (pp)", "95 % CI",
                    "Paired t p", "Wilcoxon p", "Wilcoxon method", "Cohen's dz"), List.of(List.of(String.valueOf(r.n()), num(mean(treated)),
                    num(mean(control)), num(r.meanDifference()), ci(r.meanDifferenceCi95()), p(r.tTestP()), p(r.wilcoxonP()),
                    method(r.wilcoxonMethod()), num(r.cohenDz())))));
            List<ForestRow> forest = List.of(new ForestRow("Treated side", r.n(), mean(treated), tci.lower(), tci.upper()),
                    new ForestRow("Control side", r.n(), mean(control), cci.lower(), cci.upper()),
                    new ForestRow("Treated − control", r.n(), r.meanDifference(), r.meanDifferenceCi95().lower(), r.meanDifferenceCi95().upper()));
            bars.sort(Comparator.comparingDouble(Bar::percentChange).reversed());
            String methods = cohortText() + " On split-face courses the percent change in " + instrument().code() + " from baseline to " + visit()
                    + " of the treated side was compared with the control side's within each patient (paired t-test with the 95 % CI of the mean "
                    + "difference, and the Wilcoxon signed-rank test, " + method(r.wilcoxonMethod()) + "), using only the blinded assessor's "
                    + "readings where the plan names one. Effect size: Cohen's dz. " + handling + " " + library();
            return report(title, r.n(), visits, handling, methods, new Plots(forest, "% change", bars, List.of(), List.of(), null, "",
                    "treated − control (pp)"));
        }

        AnalysisReport doseResponse() {
            List<Change> pairs = changes(wholeArea(), Side.BOTH, spec.day());
            DoseMeasure m = spec.measure();
            List<Change> withX = pairs.stream().filter(c -> m.of(c.course()) != null && Double.isFinite(m.of(c.course()))).toList();
            String title = instrument().code() + ": percent change at " + visit() + " against " + m.label();
            List<VisitCount> visits = visits(wholeArea(), Side.BOTH);
            if (withX.size() < pairs.size()) warnings.add((pairs.size() - withX.size()) + " complete courses have no " + m.label() + " and are left out.");
            if (withX.size() < 3) {
                warnings.add("Fewer than 3 courses with both a " + m.label() + " and a percent change: no line can be fitted.");
                return report(title, withX.size(), visits, handling(withX.size(), wholeArea().size()), cohortText(), Plots.none());
            }
            double[] x = withX.stream().mapToDouble(c -> m.of(c.course())).toArray();
            double[] y = percents(withX);
            boolean noSpreadX = Descriptives.of(x).sd() == 0;
            if (noSpreadX || Descriptives.of(y).sd() == 0) {
                warnings.add("Every " + (noSpreadX ? "course has the same " + m.label() : "percent change is the same")
                        + ": no line can be fitted and no correlation tested.");
                return report(title, withX.size(), visits, handling(withX.size(), wholeArea().size()), cohortText(), Plots.none());
            }
            DoseResponseResult r = DoseResponse.fit(x, y);
            warn(r.warnings());
            smallN(r.n(), "Dose-response");
            estimates.add(new Estimate("Slope (% change per " + m.unit() + ")", r.n(), r.slope(), r.slopeCi95().lower(), r.slopeCi95().upper(),
                    "percentage points per " + m.unit(), r.slopeP(), null, "R²", r.r2()));
            estimates.add(new Estimate("Spearman's rho", r.n(), r.spearmanRho(), Double.NaN, Double.NaN, "", r.spearmanP(), null, null, null));
            tables.add(new Table("Dose-response", List.of("n", "Spearman rho", "Spearman p", "Slope", "95 % CI", "Slope p", "Intercept", "95 % CI", "R²"),
                    List.of(List.of(String.valueOf(r.n()), num(r.spearmanRho()), p(r.spearmanP()), num(r.slope()), ci(r.slopeCi95()), p(r.slopeP()),
                            num(r.intercept()), ci(r.interceptCi95()), num(r.r2())))));
            double lo = Descriptives.of(x).min();
            double hi = Descriptives.of(x).max();
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < x.length; k++) points.add(new Point(x[k], y[k]));
            String methods = cohortText() + " Percent change in " + instrument().code() + " from baseline to " + visit() + " against the course's "
                    + m.label() + " (" + m.unit() + (m == DoseMeasure.DOSE_TOTAL ? "; the sum over its sessions with a recorded dose" : "; the mean over its "
                    + (m == DoseMeasure.DOSE_PER_SESSION ? "sessions with a recorded dose" : "sessions' lots that have it")) + "): Spearman's rank correlation (p from the t "
                    + "approximation) and a least-squares line with 95 % confidence intervals of slope and intercept. "
                    + handling(withX.size(), wholeArea().size()) + " " + library();
            return report(title, r.n(), visits, handling(withX.size(), wholeArea().size()), methods, new Plots(List.of(), "", List.of(), List.of(),
                    points, new Line(lo, r.intercept() + r.slope() * lo, hi, r.intercept() + r.slope() * hi), m.label() + " (" + m.unit() + ")",
                    "% change"));
        }

        AnalysisReport adverseEvents() {
            Map<String, int[]> byGroup = new TreeMap<>();
            for (Course c : courses) {
                for (String level : spec.groupBy().levels(c)) {
                    int[] counts = byGroup.computeIfAbsent(level, k -> new int[3]);
                    counts[0]++;
                    boolean any = spec.groupBy() == Grouping.LOT ? c.adverseEvents().stream().anyMatch(e -> level.equals(e.lotCode()))
                            : !c.adverseEvents().isEmpty();
                    if (any) counts[1]++;
                    counts[2] += (int) c.adverseEvents().stream().filter(e -> spec.groupBy() != Grouping.LOT || level.equals(e.lotCode())).count();
                }
            }
            String by = spec.groupBy().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            List<ForestRow> forest = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (var g : byGroup.entrySet()) {
                int[] n = g.getValue();
                Proportion rate = Proportions.exact(n[1], n[0]);
                warn(rate.warnings());
                forest.add(new ForestRow(g.getKey(), n[0], rate.rate() * 100, rate.ci95().lower() * 100, rate.ci95().upper() * 100));
                estimates.add(new Estimate("Courses with an adverse event, " + g.getKey(), n[0], rate.rate() * 100, rate.ci95().lower() * 100,
                        rate.ci95().upper() * 100, "%", null, null, null, null));
                rows.add(List.of(g.getKey(), String.valueOf(n[0]), String.valueOf(n[1]), num(rate.rate() * 100) + " %", ci(rate.ci95(), 100),
                        String.valueOf(n[2])));
                smallN(n[0], g.getKey());
            }
            tables.add(new Table("Adverse events by " + by, List.of("Group", "Courses", "With an adverse event", "Rate", "95 % CI (exact)", "Events"), rows));
            String handling = "Every course in the cohort counts, followed up or not: an adverse event not reported is counted as none.";
            String methods = cohortText() + " The share of courses with at least one reported adverse event, by " + by + ", with exact "
                    + "(Clopper-Pearson) 95 % intervals" + (spec.groupBy() == Grouping.LOT ? "; by lot, a course counts for each lot it used and "
                    + "an event for the lot of its session" : "") + ". " + handling + " " + library();
            return report("Adverse events by " + by, courses.size(), List.of(), handling, methods,
                    new Plots(forest, "% of courses", List.of(), List.of(), List.of(), null, "", ""));
        }

        AnalysisReport failed(String why) {
            warnings.add("The statistics could not be computed on these data: " + why + ".");
            String title = (instrument() == null ? "" : instrument().code() + ": ") + spec.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return report(title, 0, List.of(), "", cohortText(), Plots.none());
        }

        private AnalysisReport tooFew(String title, int n, List<VisitCount> visits) {
            warnings.add("Fewer than 2 courses with a baseline and a value at " + visit() + ": nothing to analyse.");
            return report(title, n, visits, handling(n, wholeArea().size()), cohortText(), Plots.none());
        }

        private boolean responded(Change c, int percent) {
            return Paired.responds(c.baseline(), c.followUp(), percent);
        }

        private List<Bar> waterfall(List<Change> pairs) {
            return pairs.stream().map(c -> new Bar(c.course().pseudonym(), c.percent(), responded(c, spec.responderPercent())))
                    .sorted(Comparator.comparingDouble(Bar::percentChange).reversed()).toList();
        }

        /** Mean percent change at baseline (0) and each visit on the way, over the courses assessed there. */
        private Series trajectory(String name, List<Course> from) {
            List<TrajectoryPoint> points = new ArrayList<>();
            points.add(new TrajectoryPoint(0, (int) from.stream().filter(c -> c.baseline(instrument(), Side.BOTH, AnalysisSpec.BASELINE_DAYS).isPresent())
                    .count(), 0, 0, 0));
            for (int day : visitDays()) {
                double[] pct = percents(changes(from, Side.BOTH, day));
                if (pct.length < 2) continue;
                Interval ci = Descriptives.meanCi95(pct);
                points.add(new TrajectoryPoint(day, pct.length, mean(pct), ci.lower(), ci.upper()));
            }
            return new Series(name, points);
        }
    }

    private static double[] baselines(List<Change> pairs) {
        return pairs.stream().mapToDouble(Change::baseline).toArray();
    }

    private static double[] followUps(List<Change> pairs) {
        return pairs.stream().mapToDouble(Change::followUp).toArray();
    }

    private static double[] percents(List<Change> pairs) {
        return pairs.stream().mapToDouble(Change::percent).toArray();
    }

    private static double mean(double[] x) {
        return Descriptives.of(x).mean();
    }

    static String library() {
        return "Statistics: Apache Commons Statistics 1.2 and Commons Math 3.6.1, through Exotrace's exotrace-stats library.";
    }

    static String num(double v) {
        return AnalysisReport.number(v);
    }

    static String p(double p) {
        return AnalysisReport.pValue(p);
    }

    static String ci(Interval i) {
        return num(i.lower()) + " to " + num(i.upper());
    }

    static String ci(Interval i, double scale) {
        return num(i.lower() * scale) + " to " + num(i.upper() * scale);
    }

    static String method(RankTestMethod m) {
        return m == RankTestMethod.EXACT ? "exact" : "normal approximation";
    }

}
