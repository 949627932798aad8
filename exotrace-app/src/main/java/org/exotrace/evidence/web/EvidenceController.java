package org.exotrace.evidence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.evidence.Analyses;
import org.exotrace.evidence.AnalysisKind;
import org.exotrace.evidence.AnalysisPlan;
import org.exotrace.evidence.AnalysisPlans;
import org.exotrace.evidence.AnalysisReport;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.Cohort;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.Cohorts;
import org.exotrace.evidence.Course;
import org.exotrace.evidence.DoseMeasure;
import org.exotrace.evidence.Grouping;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.chart.Canvas;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The researcher's workbench: build a cohort by its criteria (the count of matching courses shows
 * at once), save it, run an analysis exploratively or lock a plan of analyses first, and read the
 * results with their pictures, download them as a PDF report or each table as CSV.
 */
@Controller
class EvidenceController {

    /** One analysis's results with its pictures drawn. */
    record ReportView(int index, AnalysisReport report, String forest, String waterfall, String trajectories, String scatter) {}

    private final Analyses analyses;
    private final Cohorts cohorts;
    private final AnalysisPlans plans;
    private final MessageSource messages;

    EvidenceController(Analyses analyses, Cohorts cohorts, AnalysisPlans plans, MessageSource messages) {
        this.analyses = analyses;
        this.cohorts = cohorts;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/evidence")
    String workbench(EvidenceForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        if (!errors.isEmpty()) response.setStatus(400);
        return workbenchPage(form, errors.isEmpty() ? filter : CohortFilter.ALL, errors, model);
    }

    /** Loads a saved cohort's criteria into the workbench. */
    @GetMapping("/evidence/cohorts/{id}")
    String cohort(@PathVariable UUID id) {
        Cohort c = cohorts.get(id);
        return "redirect:/evidence?" + EvidenceForm.EMPTY.withFilter(null, c.filter()).query();
    }

    @PostMapping("/evidence/cohorts")
    String saveCohort(@RequestParam(defaultValue = "") String name, EvidenceForm form, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        if (errors.isEmpty()) {
            try {
                Cohort saved = cohorts.save(name, filter);
                redirect.addFlashAttribute("message", text("evidence.cohort.saved", saved.name()));
                return "redirect:/evidence?" + form.query();
            } catch (DomainProblem p) {
                errors.put("name", p.fieldErrors().getOrDefault("name", p.getMessage()));
            }
        }
        response.setStatus(400);
        model.addAttribute("cohortName", name);
        return workbenchPage(form, CohortFilter.ALL, errors, model);
    }

    @GetMapping("/evidence/analysis")
    String analysis(EvidenceForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        AnalysisSpec spec = form.spec(errors);
        if (errors.isEmpty()) {
            try {
                AnalysisReport report = analyses.run(filter, spec, AnalysisReport.Provenance.EXPLORATORY);
                model.addAttribute("reports", List.of(view(0, report)));
                model.addAttribute("query", form.query());
                model.addAttribute("plan", null);
                model.addAttribute("family", List.of());
                return "evidence/results";
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
                if (p.fieldErrors().isEmpty()) errors.put("kind", p.getMessage());
            }
        }
        response.setStatus(400);
        return workbenchPage(form, CohortFilter.ALL, errors, model);
    }

    @GetMapping("/evidence/analysis/report.pdf")
    ResponseEntity<byte[]> analysisPdf(EvidenceForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        AnalysisSpec spec = form.spec(errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("This analysis cannot be run", errors);
        AnalysisReport report = analyses.run(filter, spec, AnalysisReport.Provenance.EXPLORATORY);
        return pdf("exploratory-analysis.pdf", EvidenceReportPdf.render(null, List.of(report)));
    }

    @GetMapping("/evidence/analysis/tables/{table}.csv")
    ResponseEntity<byte[]> analysisTable(@PathVariable int table, EvidenceForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        AnalysisSpec spec = form.spec(errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("This analysis cannot be run", errors);
        return csv(analyses.run(filter, spec, AnalysisReport.Provenance.EXPLORATORY), table, "exploratory");
    }

    @PostMapping("/evidence/plans")
    String lockPlan(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String planCohort,
                    @RequestParam(required = false) List<String> kinds, EvidenceForm form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        CohortFilter filter = form.filter(errors);
        List<AnalysisSpec> specs = new ArrayList<>();
        for (String k : kinds == null ? List.<String>of() : kinds) {
            specs.add(form.withKind(k).spec(errors));
        }
        if (errors.isEmpty()) {
            try {
                UUID cohortId = planCohort.isBlank() ? null : UUID.fromString(planCohort);
                AnalysisPlan plan = plans.lock(title, cohortId, filter, specs);
                redirect.addFlashAttribute("message", text("evidence.plan.locked", plan.number(), plan.sha256()));
                return "redirect:/evidence/plans/" + plan.id();
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
                if (p.fieldErrors().isEmpty()) errors.put("title", p.getMessage());
            } catch (IllegalArgumentException notAnId) {
                errors.put("planCohort", "choose a saved cohort");
            }
        }
        response.setStatus(400);
        model.addAttribute("planTitle", title);
        model.addAttribute("kinds", kinds == null ? List.of() : kinds);
        return workbenchPage(form, CohortFilter.ALL, errors, model);
    }

    @GetMapping("/evidence/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        AnalysisPlan plan = plans.get(id);
        List<AnalysisReport> reports = plans.run(id);
        List<ReportView> views = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) views.add(view(i, reports.get(i)));
        model.addAttribute("plan", plan);
        model.addAttribute("family", AnalysisPlans.family(reports));
        model.addAttribute("reports", views);
        model.addAttribute("query", "");
        return "evidence/results";
    }

    @GetMapping("/evidence/plans/{id}/report.pdf")
    ResponseEntity<byte[]> planPdf(@PathVariable UUID id) {
        AnalysisPlan plan = plans.get(id);
        return pdf(plan.number() + ".pdf", EvidenceReportPdf.render(plan, plans.run(id)));
    }

    @GetMapping("/evidence/plans/{id}/analyses/{analysis}/tables/{table}.csv")
    ResponseEntity<byte[]> planTable(@PathVariable UUID id, @PathVariable int analysis, @PathVariable int table) {
        AnalysisPlan plan = plans.get(id);
        List<AnalysisReport> reports = plans.run(id);
        if (analysis < 0 || analysis >= reports.size()) throw DomainProblem.notFound("Analysis", plan.number() + "/" + analysis);
        return csv(reports.get(analysis), table, plan.number() + "-" + (analysis + 1));
    }

    private ResponseEntity<byte[]> csv(AnalysisReport report, int table, String prefix) {
        if (table < 0 || table >= report.tables().size()) throw DomainProblem.notFound("Table", table);
        AnalysisReport.Table t = report.tables().get(table);
        String name = prefix + "-" + t.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".csv";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(EvidenceCsv.table(report, t));
    }

    private static ResponseEntity<byte[]> pdf(String filename, byte[] pdf) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    static ReportView view(int index, AnalysisReport r) {
        AnalysisReport.Plots p = r.plots();
        String forest = null;
        if (!p.forest().isEmpty()) {
            Canvas.Svg c = new Canvas.Svg(EvidenceCharts.WIDTH, EvidenceCharts.forestHeight(p.forest()));
            EvidenceCharts.forest(c, p.forest(), p.forestUnit());
            forest = c.svg("forest-" + index, "Forest plot: " + r.title());
        }
        String waterfall = null;
        if (!p.waterfall().isEmpty()) {
            Canvas.Svg c = new Canvas.Svg(EvidenceCharts.WIDTH, EvidenceCharts.WATERFALL_HEIGHT);
            EvidenceCharts.waterfall(c, p.waterfall(), r.spec().kind() == AnalysisKind.SPLIT_FACE ? null : r.spec().responderPercent(), p.yLabel());
            waterfall = c.svg("waterfall-" + index, "Waterfall plot of each patient's " + p.yLabel() + ": " + r.title());
        }
        String trajectories = null;
        if (!p.trajectories().isEmpty()) {
            Canvas.Svg c = new Canvas.Svg(EvidenceCharts.WIDTH, EvidenceCharts.TRAJECTORY_HEIGHT);
            EvidenceCharts.trajectories(c, p.trajectories());
            trajectories = c.svg("trajectories-" + index, "Mean percent change over the visits with 95 % intervals: " + r.title());
        }
        String scatter = null;
        if (!p.scatter().isEmpty()) {
            Canvas.Svg c = new Canvas.Svg(EvidenceCharts.WIDTH, EvidenceCharts.SCATTER_HEIGHT);
            EvidenceCharts.scatter(c, p.scatter(), p.fit(), p.xLabel(), p.yLabel());
            scatter = c.svg("scatter-" + index, "Dose-response scatter with the fitted line: " + r.title());
        }
        return new ReportView(index, r, forest, waterfall, trajectories, scatter);
    }

    private String workbenchPage(EvidenceForm form, CohortFilter filter, Map<String, String> errors, Model model) {
        List<Course> all = analyses.cohort(CohortFilter.ALL);
        List<Course> matching = all.stream().filter(filter::matches).toList();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("matching", matching.size());
        model.addAttribute("matchingPatients", matching.stream().map(Course::pseudonym).distinct().count());
        model.addAttribute("total", all.size());
        model.addAttribute("criteria", filter.describe());
        model.addAttribute("cohorts", cohorts.all());
        model.addAttribute("plans", plans.all());
        model.addAttribute("instruments", Arrays.stream(Instrument.values()).filter(i -> i.kind() != Instrument.Kind.CATEGORY).toList());
        model.addAttribute("sourceTypes", SourceType.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("sexes", Patient.Sex.values());
        model.addAttribute("analysisKinds", AnalysisKind.values());
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("measures", DoseMeasure.values());
        model.addAttribute("indications", values(all, Course::indication));
        model.addAttribute("products", values(all, Course::product));
        model.addAttribute("lots", all.stream().flatMap(c -> c.lotCodes().stream()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        model.addAttribute("devices", all.stream().flatMap(c -> c.devices().stream()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        model.addAttribute("jurisdictions", values(all, Course::jurisdiction));
        model.addAttribute("ageBands", values(all, Course::ageBand));
        model.addAttribute("fitzpatricks", List.of("I", "II", "III", "IV", "V", "VI"));
        if (!model.containsAttribute("cohortName")) model.addAttribute("cohortName", "");
        if (!model.containsAttribute("planTitle")) model.addAttribute("planTitle", "");
        if (!model.containsAttribute("kinds")) model.addAttribute("kinds", List.of("PAIRED", "RESPONDER"));
        return "evidence/workbench";
    }

    private static TreeSet<String> values(List<Course> all, Function<Course, String> f) {
        TreeSet<String> out = new TreeSet<>();
        all.forEach(c -> {
            String v = f.apply(c);
            if (v != null && !v.isBlank()) out.add(v);
        });
        return out;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
