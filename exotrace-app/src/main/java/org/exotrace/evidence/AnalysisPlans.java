package org.exotrace.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.stats.Multiplicity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis plans, locked before their results are shown: the plan's content (title, cohort
 * filter, analyses with every default filled in) is written once as canonical JSON, hashed with
 * SHA-256 and audited; the table refuses any later change. Running a plan gives results marked
 * pre-specified with its number, hash and time; anything else is exploratory.
 */
@Service
public class AnalysisPlans {

    /** Keys in a fixed order, so that the same plan always has the same text and hash. */
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Cohorts cohorts;
    private final Analyses analyses;

    AnalysisPlans(JdbcClient jdbc, ApplicationEventPublisher events, Cohorts cohorts, Analyses analyses) {
        this.jdbc = jdbc;
        this.events = events;
        this.cohorts = cohorts;
        this.analyses = analyses;
    }

    /** What a plan's hashed text holds. */
    record Content(String title, CohortFilter cohort, List<AnalysisSpec> analyses) {}

    /**
     * Locks a plan: the saved cohort's filter (or {@code filter} when no cohort is named) and the
     * analyses, each checked and completed with its defaults before it is hashed.
     */
    @Transactional
    public AnalysisPlan lock(String title, UUID cohortId, CohortFilter filter, List<AnalysisSpec> specs) {
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "title", title, 200, true);
        if (specs == null || specs.isEmpty()) errors.put("analyses", "choose at least one analysis");
        if (!errors.isEmpty()) throw DomainProblem.invalid("This plan cannot be locked", errors);
        List<AnalysisSpec> normalised = new ArrayList<>();
        for (AnalysisSpec s : specs) normalised.add(s.normalised());
        CohortFilter cohort = cohortId != null ? cohorts.get(cohortId).filter() : (filter == null ? CohortFilter.ALL : filter);
        String content = CANONICAL.writeValueAsString(new Content(title.strip(), cohort, normalised));
        String sha256 = Hashes.sha256(content);
        UUID id = UUID.randomUUID();
        long seq = jdbc.sql("select nextval('evidence_plan_number')").query(Long.class).single();
        String number = String.format("SAP-%d-%04d", Year.now().getValue(), seq);
        jdbc.sql("insert into evidence_plan (id, number, title, cohort_id, content, sha256, locked_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, number, title.strip(), cohortId, content, sha256, Actors.current()).update();
        events.publishEvent(RecordChanged.created("evidence_plan", id, Map.of("number", number, "title", title.strip(), "sha256", sha256,
                "analyses", normalised.size())));
        return get(id);
    }

    @Transactional(readOnly = true)
    public AnalysisPlan get(UUID id) {
        return jdbc.sql("select * from evidence_plan where id = ?").param(id).query(AnalysisPlans::plan).optional()
                .orElseThrow(() -> DomainProblem.notFound("Analysis plan", id));
    }

    @Transactional(readOnly = true)
    public List<AnalysisPlan> all() {
        return jdbc.sql("select * from evidence_plan order by locked_at desc").query(AnalysisPlans::plan).list();
    }

    /** Runs every analysis of the plan on its cohort as it stands now; each result is marked pre-specified by this plan. */
    @Transactional(readOnly = true)
    public List<AnalysisReport> run(UUID id) {
        AnalysisPlan plan = get(id);
        if (!Hashes.sha256(plan.content()).equals(plan.sha256())) {
            throw DomainProblem.conflict("Analysis plan " + plan.number() + " does not match its hash: its text was changed after it was locked.");
        }
        List<Course> courses = analyses.cohort(plan.filter());
        return plan.analyses().stream().map(s -> analyses.run(courses, plan.filter(), s, plan.provenance())).toList();
    }

    /** The primary test of one analysis of a plan: its first estimate with a p-value, and that p adjusted across the plan by Holm. */
    public record PrimaryTest(String analysis, String estimate, double p, double holm) {}

    /**
     * The plan's family of primary tests: the first p-value of each analysis that has one, adjusted
     * together by Holm's method, since a plan of several analyses makes several comparisons. Empty
     * when fewer than two analyses have a p-value.
     */
    public static List<PrimaryTest> family(List<AnalysisReport> reports) {
        List<AnalysisReport> tested = new ArrayList<>();
        List<AnalysisReport.Estimate> primary = new ArrayList<>();
        for (AnalysisReport r : reports) {
            r.estimates().stream().filter(e -> e.p() != null && !e.p().isNaN()).findFirst().ifPresent(e -> {
                tested.add(r);
                primary.add(e);
            });
        }
        if (primary.size() < 2) return List.of();
        double[] adjusted = Multiplicity.holm(primary.stream().mapToDouble(AnalysisReport.Estimate::p).toArray());
        List<PrimaryTest> out = new ArrayList<>();
        for (int i = 0; i < primary.size(); i++) {
            out.add(new PrimaryTest(tested.get(i).title(), primary.get(i).name(), primary.get(i).p(), adjusted[i]));
        }
        return out;
    }

    private static AnalysisPlan plan(ResultSet rs, int n) throws SQLException {
        String content = rs.getString("content");
        Content c = CANONICAL.readValue(content, Content.class);
        return new AnalysisPlan(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"), rs.getObject("cohort_id", UUID.class),
                c.cohort(), c.analyses(), content, rs.getString("sha256"), rs.getString("locked_by"), rs.getTimestamp("locked_at").toInstant());
    }
}
