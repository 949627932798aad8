package org.exotrace.followup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.exotrace.compliance.Route;
import org.exotrace.outcome.Instrument;
import org.exotrace.outcome.ResponseCriterion;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.TemplateCopied;
import org.exotrace.treatment.TreatmentPlans;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adjustment rules of a protocol template ({@link AdjustmentRule}), which {@link Suggestions}
 * evaluates on the plans made from it. Anyone who may read the template reads its rules; the staff
 * of a clinic add, change and remove the rules of the clinic's copies. Shipped templates are
 * read-only (a conflict: copy them first), and a copy of another clinic is not found.
 *
 * <p>Every field is checked at once and named with its message; nothing is written then. Every
 * change is audited with the rule as it was and as it became. Decisions already taken on plans keep
 * the suggestion as it was shown; a code that plans of the template have decisions on is never given
 * to another rule, so an old decision cannot attach itself to a new rule.
 */
@Service
public class AdjustmentRules {

    /**
     * A rule as typed. Give exactly one of {@code responseName} or {@code improvementBelow}.
     *
     * @param code          optional when adding (generated from the rule, e.g. "EASI50-W8-INTERVAL"); ignored when it equals the
     *                      code of the rule being changed, which never changes
     * @param instrument    an {@link Instrument} with a score (EASI, PASI, mMASI, POSAS_OBSERVER ...)
     * @param kind          a {@link Suggestion.Kind}
     * @param proposedRoute a {@link Route}, required for microneedling and route change suggestions and refused for the others
     */
    public record RuleInput(String code, String instrument, String responseName, BigDecimal improvementBelow, Integer byWeek, String kind,
                            String proposedRoute, String text) {

        public static RuleInput of(AdjustmentRule r) {
            return new RuleInput(r.code(), r.instrument().name(), r.responseName(), r.improvementBelow(), r.byWeek(), r.kind().name(),
                    r.proposedRoute() == null ? null : r.proposedRoute().name(), r.text());
        }
    }

    /** The kinds whose suggestion proposes a route (table {@code adjustment_rule} requires one exactly for them). */
    public static final Set<Suggestion.Kind> ROUTE_KINDS = Set.of(Suggestion.Kind.ADD_MICRONEEDLING, Suggestion.Kind.CHANGE_ROUTE);

    /** At most 500 characters of suggestion text (the column holds 1000; the decision keeps finding and text in 2000). */
    public static final int MAX_TEXT = 500;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TreatmentPlans plans;

    AdjustmentRules(JdbcClient jdbc, ApplicationEventPublisher events, TreatmentPlans plans) {
        this.jdbc = jdbc;
        this.events = events;
        this.plans = plans;
    }

    /** A template was copied into a clinic: its rules are copied with it, in the copy's transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TemplateCopied copied) {
        jdbc.sql("""
                insert into adjustment_rule (id, template_id, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text)
                select gen_random_uuid(), ?, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text
                  from adjustment_rule where template_id = ?""")
                .params(copied.copyId(), copied.templateId()).update();
    }

    /** The instruments a rule may name: those with a score, so that there is a baseline to improve from. */
    public static List<Instrument> instruments() {
        return Arrays.stream(Instrument.values()).filter(i -> i.kind() == Instrument.Kind.SCORE).toList();
    }

    /** The responses a rule on {@code instrument} may name: those the progress page reports for it. */
    public static List<String> responses(Instrument instrument) {
        return ResponseCriterion.defaults(instrument).stream().map(ResponseCriterion::name).toList();
    }

    /** The template's rules by week, then code; "not found" for a copy of a clinic the user does not work at. */
    @Transactional(readOnly = true)
    public List<AdjustmentRule> forTemplate(UUID templateId) {
        plans.template(templateId);
        return jdbc.sql("select * from adjustment_rule where template_id = ? order by by_week, code").param(templateId)
                .query(AdjustmentRules::rule).list();
    }

    /** Adds a rule to a clinic's copy; plans made from the copy are suggested by it from now on. */
    @Transactional
    public AdjustmentRule add(UUID templateId, RuleInput input) {
        ProtocolTemplate template = editable(templateId);
        Map<String, String> errors = new LinkedHashMap<>();
        AdjustmentRule rule = checked(input, null, errors);
        String code = Texts.blankToNull(input == null ? null : input.code());
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) errors.put("code", "capital letters, digits and hyphens, at most 40, e.g. EASI50-W8-INTERVAL");
            else if (taken(templateId, code)) errors.put("code", code + " is already used in this template; choose another or leave it blank");
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid adjustment rule", errors);
        if (code == null) code = freeCode(templateId, rule);
        rule = withCode(rule, code);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into adjustment_rule (id, template_id, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, templateId, code, rule.instrument().name(), rule.responseName(), rule.improvementBelow(), rule.byWeek(),
                        rule.kind().name(), rule.proposedRoute() == null ? null : rule.proposedRoute().name(), rule.text())
                .update();
        events.publishEvent(RecordChanged.created("adjustment_rule", id, snapshot(template, rule)));
        return rule;
    }

    /**
     * Changes a rule of a clinic's copy, with a reason. The code stays; decisions already taken keep the
     * suggestion as it was shown. A change that changes nothing writes nothing.
     */
    @Transactional
    public AdjustmentRule update(UUID templateId, String code, RuleInput input, String reason) {
        ProtocolTemplate template = editable(templateId);
        Stored before = stored(templateId, code);
        Map<String, String> errors = new LinkedHashMap<>();
        AdjustmentRule rule = checked(input, before.rule().code(), errors);
        String typed = Texts.blankToNull(input == null ? null : input.code());
        if (typed != null && !typed.equalsIgnoreCase(before.rule().code())) {
            errors.put("code", "a rule's code does not change (decisions on plans refer to it): remove the rule and add another");
        }
        reason(reason, errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid adjustment rule", errors);
        if (rule.equals(before.rule())) return before.rule();
        jdbc.sql("""
                update adjustment_rule set instrument = ?, response_name = ?, improvement_below = ?, by_week = ?, kind = ?, proposed_route = ?,
                  text = ? where id = ?""")
                .params(rule.instrument().name(), rule.responseName(), rule.improvementBelow(), rule.byWeek(), rule.kind().name(),
                        rule.proposedRoute() == null ? null : rule.proposedRoute().name(), rule.text(), before.id())
                .update();
        events.publishEvent(RecordChanged.changed("adjustment_rule", before.id(), "UPDATE", snapshot(template, before.rule()),
                snapshot(template, rule), reason.strip()));
        return rule;
    }

    /** Removes a rule from a clinic's copy, with a reason; decisions already taken on it stay listed on their plans. */
    @Transactional
    public void remove(UUID templateId, String code, String reason) {
        ProtocolTemplate template = editable(templateId);
        Stored before = stored(templateId, code);
        Map<String, String> errors = new LinkedHashMap<>();
        reason(reason, errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid removal", errors);
        jdbc.sql("delete from adjustment_rule where id = ?").param(before.id()).update();
        events.publishEvent(RecordChanged.changed("adjustment_rule", before.id(), "REMOVE", snapshot(template, before.rule()),
                Map.of("template", template.code(), "code", before.rule().code(), "removed", true), reason.strip()));
    }

    private ProtocolTemplate editable(UUID templateId) {
        ProtocolTemplate t = plans.template(templateId);
        if (t.shipped()) {
            throw DomainProblem.conflict("Shipped protocol templates are read-only: copy " + t.code()
                    + " to your clinic and edit the copy's adjustment rules.");
        }
        return t;
    }

    private record Stored(UUID id, AdjustmentRule rule) {}

    private Stored stored(UUID templateId, String code) {
        return jdbc.sql("select * from adjustment_rule where template_id = ? and code = ?").params(templateId, code)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rule(rs, n))).optional()
                .orElseThrow(() -> DomainProblem.notFound("Adjustment rule", code));
    }

    /** The rule the input describes (with {@code code}, null when adding), every bad field named in {@code errors}. */
    private static AdjustmentRule checked(RuleInput in, String code, Map<String, String> errors) {
        if (in == null) in = new RuleInput(null, null, null, null, null, null, null, null);
        Instrument instrument = null;
        if (Texts.blankToNull(in.instrument()) == null) errors.put("instrument", "choose the instrument whose score the rule watches");
        else {
            instrument = Choices.parse(Instrument.class, in.instrument(), "instrument", new LinkedHashMap<>());
            if (instrument == null || instrument.kind() != Instrument.Kind.SCORE) {
                instrument = null;
                errors.put("instrument", "use one of the instruments with a score: " + instruments());
            }
        }
        String response = Texts.blankToNull(in.responseName());
        BigDecimal below = in.improvementBelow();
        if ((response == null) == (below == null)) {
            String message = "give either a response (such as EASI-50) or an improvement threshold, not both";
            if (response == null) message = "give either a response (such as EASI-50) or an improvement threshold in %";
            errors.put("responseName", message);
            errors.put("improvementBelow", message);
        } else if (response != null) {
            if (instrument != null) {
                List<String> names = responses(instrument);
                String typed = response;
                String match = names.stream().filter(name -> name.equalsIgnoreCase(typed)).findFirst().orElse(null);
                if (match == null) {
                    errors.put("responseName", names.isEmpty() ? instrument.code() + " has no named responses: give an improvement threshold instead"
                            : "use one of the responses of " + instrument.code() + ": " + names);
                }
                response = match;
            }
        } else if (below.signum() <= 0 || below.compareTo(HUNDRED) > 0) {
            errors.put("improvementBelow", "a percent improvement above 0 and at most 100");
        } else if (below.stripTrailingZeros().scale() > 1) {
            errors.put("improvementBelow", "at most one decimal, e.g. 25 or 12.5");
        }
        if (in.byWeek() == null || in.byWeek() < 1 || in.byWeek() > 104) errors.put("byWeek", "a week of the course from 1 to 104, counted from the baseline");
        Suggestion.Kind kind = Choices.parse(Suggestion.Kind.class, in.kind(), "kind", errors);
        Route route = null;
        if (Texts.blankToNull(in.proposedRoute()) != null) route = Choices.parse(Route.class, in.proposedRoute(), "proposedRoute", errors);
        if (kind != null && !errors.containsKey("proposedRoute")) {
            if (ROUTE_KINDS.contains(kind) && route == null) {
                errors.put("proposedRoute", kind.label() + " proposes a route: choose it");
            } else if (!ROUTE_KINDS.contains(kind) && route != null) {
                errors.put("proposedRoute", "only a microneedling or route change suggestion proposes a route; leave it empty");
            }
        }
        String text = Texts.blankToNull(in.text());
        Texts.check(errors, "text", text, MAX_TEXT, true);
        if (!errors.isEmpty()) return null;
        return new AdjustmentRule(code, instrument, response, below == null ? null : below.stripTrailingZeros().setScale(1),
                in.byWeek(), kind, route, text);
    }

    private static void reason(String reason, Map<String, String> errors) {
        if (Texts.blankToNull(reason) == null) errors.put("reason", "say why the rule changes");
        else Texts.check(errors, "reason", reason, 1000, true);
    }

    /** Used by a rule of the template, or by a decision on one of its plans (a removed rule's). */
    private boolean taken(UUID templateId, String code) {
        return jdbc.sql("""
                select (select count(*) from adjustment_rule where template_id = ? and code = ?)
                     + (select count(*) from adjustment_decision d join treatment_plan p on p.id = d.plan_id
                         where p.template_id = ? and d.rule_code = ?)""")
                .params(templateId, code, templateId, code).query(Long.class).single() > 0;
    }

    /** "EASI50-W8-INTERVAL", "MMASI25-W12-REVIEW"; "-2", "-3" ... when taken. */
    private String freeCode(UUID templateId, AdjustmentRule rule) {
        String criterion = (rule.responseName() != null ? rule.responseName()
                : rule.instrument().name() + rule.improvementBelow().stripTrailingZeros().toPlainString())
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (criterion.length() > 16) criterion = criterion.substring(0, 16);
        String kind = switch (rule.kind()) {
            case SHORTER_INTERVAL -> "INTERVAL";
            case ADD_MICRONEEDLING -> "MICRONEEDLING";
            case CHANGE_ROUTE -> "ROUTE";
            case REVIEW -> "REVIEW";
            case STOP -> "STOP";
        };
        String base = criterion + "-W" + rule.byWeek() + "-" + kind;
        String code = base;
        for (int n = 2; taken(templateId, code); n++) code = base + "-" + n;
        return code;
    }

    private static AdjustmentRule withCode(AdjustmentRule r, String code) {
        return new AdjustmentRule(code, r.instrument(), r.responseName(), r.improvementBelow(), r.byWeek(), r.kind(), r.proposedRoute(), r.text());
    }

    private static Map<String, Object> snapshot(ProtocolTemplate t, AdjustmentRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", t.code());
        m.put("code", r.code());
        m.put("instrument", r.instrument().name());
        m.put("responseName", r.responseName());
        m.put("improvementBelow", r.improvementBelow());
        m.put("byWeek", r.byWeek());
        m.put("kind", r.kind().name());
        m.put("proposedRoute", r.proposedRoute() == null ? null : r.proposedRoute().name());
        m.put("text", r.text());
        return m;
    }

    static AdjustmentRule rule(ResultSet rs, int n) throws SQLException {
        String route = rs.getString("proposed_route");
        return new AdjustmentRule(rs.getString("code"), Instrument.valueOf(rs.getString("instrument")), rs.getString("response_name"),
                rs.getBigDecimal("improvement_below"), rs.getInt("by_week"), Suggestion.Kind.valueOf(rs.getString("kind")),
                route == null ? null : Route.valueOf(route), rs.getString("text"));
    }
}
