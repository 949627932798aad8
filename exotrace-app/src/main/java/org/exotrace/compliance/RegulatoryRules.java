package org.exotrace.compliance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulatory rules and the check against them. Rules are data: a compliance officer creates,
 * edits (with a reason) and retires them; each change is in the audit trail with the old and new
 * text. Nothing is deleted: a retired rule stops applying from a day onwards and still explains
 * the decisions made before it.
 */
@Service
public class RegulatoryRules {

    /** A rule as entered. Dates may be null: no start date recorded, or still in force. */
    public record RuleInput(String jurisdiction, String source, String route, String purpose, String verdict, String confidence,
                            String citation, String note, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RegulatoryRules(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Decides a use: {@code source} applied by {@code route} for {@code purpose} in
     * {@code jurisdiction} on {@code day}.
     */
    @Transactional(readOnly = true)
    public ComplianceDecision check(String jurisdiction, SourceType source, Route route, Purpose purpose, LocalDate day) {
        String where = Jurisdictions.normalise(jurisdiction).orElseThrow(() -> DomainProblem.invalid("jurisdiction",
                "'" + jurisdiction + "' is not a known jurisdiction; use one of " + Jurisdictions.all().keySet()));
        if (source == null) throw DomainProblem.invalid("source", "give the product's source type");
        if (route == null) throw DomainProblem.invalid("route", "give the route of application");
        if (purpose == null) throw DomainProblem.invalid("purpose", "give the purpose");
        LocalDate on = day == null ? LocalDate.now() : day;
        List<Rule> inForce = all(null).stream().filter(r -> r.inForceOn(on)).toList();
        List<RuleMatcher.Match> matches = RuleMatcher.matches(inForce, where, source, route, purpose);
        String use = source.label() + ", " + route.label().toLowerCase(Locale.ROOT) + ", " + purpose.label().toLowerCase(Locale.ROOT)
                + " in " + Jurisdictions.name(where);
        if (matches.isEmpty()) {
            return new ComplianceDecision(where, source, route, purpose, on, null, null, List.of(), false,
                    "No rule covers " + use + ": ask your compliance officer to review it before treating.", ComplianceDecision.DISCLAIMER);
        }
        Rule deciding = matches.get(0).rule();
        String message = deciding.verdict().label() + ": " + use + ". " + deciding.citation()
                + (deciding.confidence() == Confidence.UNCERTAIN ? " (confidence: uncertain)" : " (confidence: confirmed)");
        return new ComplianceDecision(where, source, route, purpose, on, deciding.verdict(), deciding,
                matches.subList(1, matches.size()).stream().map(RuleMatcher.Match::rule).toList(), deciding.verdict().blocks(),
                message, ComplianceDecision.DISCLAIMER);
    }

    /** Every rule, in force or retired, optionally of one jurisdiction, ordered for reading. */
    @Transactional(readOnly = true)
    public List<Rule> all(String jurisdiction) {
        String sql = "select * from compliance_rule" + (jurisdiction == null || jurisdiction.isBlank() ? "" : " where jurisdiction = :j")
                + " order by jurisdiction, source, route, purpose, effective_from nulls first";
        var statement = jdbc.sql(sql);
        if (jurisdiction != null && !jurisdiction.isBlank()) statement = statement.param("j", jurisdiction.strip().toUpperCase(Locale.ROOT));
        return statement.query(RegulatoryRules::rule).list();
    }

    @Transactional(readOnly = true)
    public Rule get(UUID id) {
        return jdbc.sql("select * from compliance_rule where id = ?").param(id).query(RegulatoryRules::rule).optional()
                .orElseThrow(() -> DomainProblem.notFound("Rule", id));
    }

    @Transactional
    public Rule create(RuleInput in) {
        Valid v = validate(in);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into compliance_rule (id, jurisdiction, source, route, purpose, verdict, confidence, citation, note,
                  effective_from, effective_to, version, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""")
                .params(id, v.jurisdiction, v.source, v.route, v.purpose, v.verdict.name(), v.confidence.name(), v.citation,
                        v.note, date(in.effectiveFrom()), date(in.effectiveTo()), Actors.current())
                .update();
        Rule rule = get(id);
        events.publishEvent(RecordChanged.created("compliance_rule", id, snapshot(rule)));
        return rule;
    }

    @Transactional
    public Rule update(UUID id, RuleInput in, String reason) {
        Rule before = get(id);
        Texts.check("reason", reason, 1000, true);
        Valid v = validate(in);
        jdbc.sql("""
                update compliance_rule set jurisdiction = ?, source = ?, route = ?, purpose = ?, verdict = ?, confidence = ?,
                  citation = ?, note = ?, effective_from = ?, effective_to = ?, version = version + 1, changed_by = ?, changed_at = now()
                where id = ?""")
                .params(v.jurisdiction, v.source, v.route, v.purpose, v.verdict.name(), v.confidence.name(), v.citation, v.note,
                        date(in.effectiveFrom()), date(in.effectiveTo()), Actors.current(), id)
                .update();
        Rule after = get(id);
        events.publishEvent(RecordChanged.changed("compliance_rule", id, "UPDATE", snapshot(before), snapshot(after), reason.strip()));
        return after;
    }

    /** Stops a rule applying from {@code from} (today when null); decisions before that day still cite it. */
    @Transactional
    public Rule retire(UUID id, LocalDate from, String reason) {
        Rule before = get(id);
        Texts.check("reason", reason, 1000, true);
        LocalDate end = from == null ? LocalDate.now() : from;
        if (before.effectiveTo() != null) throw DomainProblem.conflict("This rule was already retired from " + before.effectiveTo() + ".");
        if (before.effectiveFrom() != null && !end.isAfter(before.effectiveFrom())) {
            throw DomainProblem.invalid("from", "must be after the rule's start, " + before.effectiveFrom());
        }
        jdbc.sql("update compliance_rule set effective_to = ?, version = version + 1, changed_by = ?, changed_at = now() where id = ?")
                .params(Date.valueOf(end), Actors.current(), id).update();
        Rule after = get(id);
        events.publishEvent(RecordChanged.changed("compliance_rule", id, "RETIRE", snapshot(before), snapshot(after), reason.strip()));
        return after;
    }

    private record Valid(String jurisdiction, String source, String route, String purpose, RuleVerdict verdict, Confidence confidence,
                         String citation, String note) {}

    private static Valid validate(RuleInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String jurisdiction = Jurisdictions.normalise(in.jurisdiction()).orElse(null);
        if (jurisdiction == null) errors.put("jurisdiction", "use one of " + Jurisdictions.all().keySet());
        String source = upper(in.source());
        if (!RuleMatcher.validSource(source)) {
            errors.put("source", "use ANY, HUMAN, NON_HUMAN or a source type (" + List.of(SourceType.values()) + ")");
        }
        String route = upper(in.route());
        if (!RuleMatcher.validRoute(route)) {
            errors.put("route", "use ANY, a route group (" + List.of(Route.Group.values()) + ") or a route (" + List.of(Route.values()) + ")");
        }
        String purpose = upper(in.purpose());
        if (!RuleMatcher.validPurpose(purpose)) errors.put("purpose", "use ANY or one of " + List.of(Purpose.values()));
        RuleVerdict verdict = Choices.parse(RuleVerdict.class, in.verdict(), "verdict", errors);
        Confidence confidence = Choices.parse(Confidence.class, in.confidence(), "confidence", errors);
        if (in.citation() == null || in.citation().isBlank()) errors.put("citation", "cite the text the rule comes from");
        else if (in.citation().length() > 1000) errors.put("citation", "at most 1000 characters");
        if (in.note() != null && in.note().length() > 2000) errors.put("note", "at most 2000 characters");
        if (in.effectiveFrom() != null && in.effectiveTo() != null && !in.effectiveTo().isAfter(in.effectiveFrom())) {
            errors.put("effectiveTo", "must be after the start, " + in.effectiveFrom());
        }
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid rule", errors);
        }
        return new Valid(jurisdiction, source, route, purpose, verdict, confidence, in.citation().strip(), Texts.blankToNull(in.note()));
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? RuleMatcher.ANY : s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }


    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Map<String, Object> snapshot(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jurisdiction", r.jurisdiction());
        m.put("source", r.source());
        m.put("route", r.route());
        m.put("purpose", r.purpose());
        m.put("verdict", r.verdict().name());
        m.put("confidence", r.confidence().name());
        m.put("citation", r.citation());
        if (r.note() != null) m.put("note", r.note());
        if (r.effectiveFrom() != null) m.put("effectiveFrom", r.effectiveFrom().toString());
        if (r.effectiveTo() != null) m.put("effectiveTo", r.effectiveTo().toString());
        m.put("version", r.version());
        return m;
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        Date from = rs.getDate("effective_from");
        Date to = rs.getDate("effective_to");
        return new Rule(rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getString("source"), rs.getString("route"),
                rs.getString("purpose"), RuleVerdict.valueOf(rs.getString("verdict")), Confidence.valueOf(rs.getString("confidence")),
                rs.getString("citation"), rs.getString("note"), from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getInt("version"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
