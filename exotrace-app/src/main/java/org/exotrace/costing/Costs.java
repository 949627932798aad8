package org.exotrace.costing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patients;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.Cohorts;
import org.exotrace.evidence.Course;
import org.exotrace.evidence.ResearchData;
import org.exotrace.followup.Assessments;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.stats.Paired;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.TreatmentSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What treatment costs, and what a responder costs. A researcher records the cost of a lot (its
 * cost per unit is that amount over every unit filled from it, destroyed ones included) and a
 * clinic's procedure cost per session; the newest record of a lot or clinic is the one in force.
 * A course costs, for each session, its unit's cost plus its clinic's session cost. A missing cost
 * is never taken as zero: the course is counted as lacking one and left out of the sums, which are
 * then over the courses with a complete cost ("complete case") and say so. Amounts in different
 * currencies are never added: a group holding them has no total, and names them.
 */
@Service
public class Costs {

    /** A recorded cost: of a lot (code is the lot's) or of one session at a clinic (code is the clinic's). */
    public record Cost(UUID id, String code, BigDecimal amount, String currency, String note, String recordedBy, Instant recordedAt) {}

    /** A cost to record: the lot's or clinic's code, the amount, the ISO 4217 currency and a note. */
    public record NewCost(String code, BigDecimal amount, String currency, String note) {}

    /** How courses are grouped. */
    public enum Grouping { ALL, SOURCE_TYPE, ROUTE, PRODUCT, CLINIC }

    /**
     * What to compute: a saved cohort or a filter, the grouping, and the responder definition: the
     * instrument, the visit's day and window, and the drop; a responder's score at the visit is at
     * most (100 - drop) % of baseline.
     */
    public record Query(UUID cohortId, CohortFilter filter, String groupBy, String instrument, Integer day, Integer window, Double dropPercent) {}

    /**
     * One group: its courses, those assessed at baseline and the visit, the responders; the courses
     * lacking a cost with why; over the courses with a cost: the currency, the total, the cost per
     * course and per responder among them (null when there is none, or when currencies are mixed,
     * which {@code problem} then says).
     */
    public record GroupCost(String group, int courses, int assessed, int responders, int costed, int respondersCosted, int withoutCost,
                            List<String> missing, String currency, BigDecimal total, BigDecimal perCourse, BigDecimal perResponder, String problem) {

        public boolean complete() {
            return withoutCost == 0 && problem == null;
        }
    }

    /** The result: the criteria and responder definition in words, and each group. */
    public record Report(String criteria, Grouping grouping, String responder, List<GroupCost> groups) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ResearchData data;
    private final Cohorts cohorts;
    private final Lots lots;
    private final Units units;
    private final Clinics clinics;
    private final Patients patients;
    private final Sessions sessions;

    Costs(JdbcClient jdbc, ApplicationEventPublisher events, ResearchData data, Cohorts cohorts, Lots lots, Units units, Clinics clinics,
          Patients patients, Sessions sessions) {
        this.jdbc = jdbc;
        this.events = events;
        this.data = data;
        this.cohorts = cohorts;
        this.lots = lots;
        this.units = units;
        this.clinics = clinics;
        this.patients = patients;
        this.sessions = sessions;
    }

    /** Records a lot's cost (the newest is in force). */
    @Transactional
    public Cost recordLotCost(NewCost c) {
        Map<String, String> errors = new LinkedHashMap<>();
        Lot lot = Texts.blankToNull(c.code()) == null ? null : lots.findByCode(c.code().strip()).orElse(null);
        if (lot == null) errors.put("code", Texts.blankToNull(c.code()) == null ? "give the lot's code" : "no lot " + c.code().strip());
        String currency = check(c, errors);
        if (lot == null) throw new IllegalStateException("checked above");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into evidence_lot_cost (id, lot_id, lot_code, amount, currency, note, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, lot.id(), lot.code(), c.amount(), currency, Texts.blankToNull(c.note()), Actors.current()).update();
        events.publishEvent(RecordChanged.created("evidence_lot_cost", id, audit(lot.code(), c, currency)));
        return lotCosts().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** Records a clinic's procedure cost per session (the newest is in force). */
    @Transactional
    public Cost recordSessionCost(NewCost c) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = Texts.blankToNull(c.code()) == null ? null : c.code().strip().toUpperCase(Locale.ROOT);
        if (code == null || clinics.all().stream().map(Clinic::code).noneMatch(code::equalsIgnoreCase)) {
            errors.put("code", code == null ? "give the clinic's code" : "no clinic " + code);
        }
        String currency = check(c, errors);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into evidence_session_cost (id, clinic_code, amount, currency, note, recorded_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, code, c.amount(), currency, Texts.blankToNull(c.note()), Actors.current()).update();
        events.publishEvent(RecordChanged.created("evidence_session_cost", id, audit(code, c, currency)));
        return sessionCosts().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    /** The lot costs in force, one per lot, by lot code. */
    @Transactional(readOnly = true)
    public List<Cost> lotCosts() {
        return jdbc.sql("select distinct on (lot_code) id, lot_code as code, amount, currency, note, recorded_by, recorded_at from evidence_lot_cost "
                + "order by lot_code, recorded_at desc").query(Costs::cost).list();
    }

    /** The session costs in force, one per clinic, by clinic code. */
    @Transactional(readOnly = true)
    public List<Cost> sessionCosts() {
        return jdbc.sql("select distinct on (clinic_code) id, clinic_code as code, amount, currency, note, recorded_by, recorded_at "
                + "from evidence_session_cost order by clinic_code, recorded_at desc").query(Costs::cost).list();
    }

    /** Cost per course and per responder in each group of the cohort. */
    @Transactional(readOnly = true)
    public Report report(Query q) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instrument instrument = Assessments.instrument(q.instrument(), errors);
        Grouping grouping = q.groupBy() == null || q.groupBy().isBlank() ? Grouping.ALL
                : org.exotrace.shared.Choices.parse(Grouping.class, q.groupBy(), "groupBy", errors);
        if (q.day() == null || q.day() < 1 || q.day() > 3650) errors.put("day", "the visit is a day from 1 to 3650 after baseline");
        int window = q.window() == null ? 14 : q.window();
        if (window < 0 || window > 180) errors.put("window", "the window is 0 to 180 days either side of the visit");
        if (q.dropPercent() == null || q.dropPercent() <= 0 || q.dropPercent() > 100) errors.put("dropPercent", "the drop is more than 0 and at most 100 %");
        if (q.cohortId() != null && q.filter() != null) errors.put("cohortId", "give a saved cohort or a filter, not both");
        if (!errors.isEmpty()) throw DomainProblem.invalid("The costs cannot be computed", errors);
        CohortFilter filter = q.cohortId() != null ? cohorts.get(q.cohortId()).filter() : q.filter() == null ? CohortFilter.ALL : q.filter();

        List<Course> courses = data.courses().stream().filter(filter::matches).toList();
        Map<UUID, List<String>> lotsBySession = sessionLots(courses);
        Map<String, Cost> lotCost = lotCosts().stream().collect(Collectors.toMap(Cost::code, Function.identity()));
        Map<String, Cost> sessionCost = sessionCosts().stream().collect(Collectors.toMap(Cost::code, Function.identity()));
        Map<String, Integer> filled = unitsFilled(lotCost.keySet());

        Map<String, List<Course>> groups = new TreeMap<>(courses.stream().collect(Collectors.groupingBy(c -> group(c, grouping))));
        List<GroupCost> out = new ArrayList<>();
        for (Map.Entry<String, List<Course>> g : groups.entrySet()) {
            out.add(group(g.getKey(), g.getValue(), lotsBySession, lotCost, sessionCost, filled, instrument, q.day(), window, q.dropPercent()));
        }
        String criteria = filter.describe().isEmpty() ? "every course" : String.join("; ", filter.describe());
        String responder = instrument.code() + " at day " + q.day() + " ± " + window + " at most " + Texts.number(100 - q.dropPercent())
                + " % of baseline (a drop of " + Texts.number(q.dropPercent()) + " % or more)";
        return new Report(criteria, grouping, responder, out);
    }

    private static GroupCost group(String name, List<Course> courses, Map<UUID, List<String>> lotsBySession, Map<String, Cost> lotCost,
                                   Map<String, Cost> sessionCost, Map<String, Integer> filled, Instrument instrument, int day, int window, double drop) {
        int assessed = 0;
        int responders = 0;
        int costed = 0;
        int respondersCosted = 0;
        Set<String> missing = new TreeSet<>();
        Set<String> currencies = new TreeSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Course c : courses) {
            var side = c.splitFace() ? c.treatedSide() : org.exotrace.treatment.Side.BOTH;
            var base = c.baseline(instrument, side, AnalysisSpec.BASELINE_DAYS);
            var follow = c.at(instrument, side, day, window);
            boolean responded = false;
            if (base.isPresent() && follow.isPresent()) {
                assessed++;
                responded = Paired.responds(base.getAsDouble(), follow.getAsDouble(), drop);
                if (responded) responders++;
            }
            Set<String> lacking = new LinkedHashSet<>();
            Set<String> courseCurrencies = new LinkedHashSet<>();
            BigDecimal cost = BigDecimal.ZERO;
            for (String lot : lotsBySession.getOrDefault(c.planId(), List.of())) {
                Cost l = lotCost.get(lot);
                Cost s = sessionCost.get(c.clinicCode());
                if (l == null) lacking.add("lot " + lot + " has no cost");
                else {
                    courseCurrencies.add(l.currency());
                    cost = cost.add(l.amount().divide(BigDecimal.valueOf(filled.getOrDefault(lot, 1)), 6, RoundingMode.HALF_EVEN));
                }
                if (s == null) lacking.add("clinic " + c.clinicCode() + " has no session cost");
                else {
                    courseCurrencies.add(s.currency());
                    cost = cost.add(s.amount());
                }
            }
            if (!lacking.isEmpty()) {
                missing.addAll(lacking);
                continue;
            }
            costed++;
            if (responded) respondersCosted++;
            currencies.addAll(courseCurrencies);
            total = total.add(cost);
        }
        int without = courses.size() - costed;
        if (currencies.size() > 1) {
            return new GroupCost(name, courses.size(), assessed, responders, costed, respondersCosted, without, List.copyOf(missing), null, null, null,
                    null, "cannot add amounts in different currencies: " + String.join(", ", currencies));
        }
        String currency = currencies.isEmpty() ? null : currencies.iterator().next();
        BigDecimal sum = costed == 0 ? null : total.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal perCourse = costed == 0 ? null : total.divide(BigDecimal.valueOf(costed), 2, RoundingMode.HALF_EVEN);
        BigDecimal perResponder = respondersCosted == 0 ? null : total.divide(BigDecimal.valueOf(respondersCosted), 2, RoundingMode.HALF_EVEN);
        return new GroupCost(name, courses.size(), assessed, responders, costed, respondersCosted, without, List.copyOf(missing), currency, sum,
                perCourse, perResponder, null);
    }

    private static String group(Course c, Grouping grouping) {
        Object v = switch (grouping) {
            case ALL -> "all";
            case SOURCE_TYPE -> c.sourceType();
            case ROUTE -> c.route();
            case PRODUCT -> c.product();
            case CLINIC -> c.clinicCode();
        };
        return v == null ? "none" : v instanceof Enum<?> e ? e.name() : v.toString();
    }

    /** The lot of each session of these courses, by plan: a session uses one unit. */
    private Map<UUID, List<String>> sessionLots(List<Course> courses) {
        Set<UUID> plans = courses.stream().map(Course::planId).collect(Collectors.toSet());
        if (plans.isEmpty()) return Map.of();
        Set<UUID> subjects = patients.researchSubjects().stream().map(Patients.ResearchSubject::id).collect(Collectors.toSet());
        return sessions.forResearch(subjects).stream().filter(s -> plans.contains(s.planId()))
                .collect(Collectors.groupingBy(TreatmentSession::planId, Collectors.mapping(TreatmentSession::lotCode, Collectors.toList())));
    }

    /** Units filled from each of these lots, destroyed ones included. */
    private Map<String, Integer> unitsFilled(Set<String> lotCodes) {
        Map<UUID, String> ids = new LinkedHashMap<>();
        for (String code : lotCodes) lots.findByCode(code).ifPresent(l -> ids.put(l.id(), l.code()));
        Map<String, Integer> filled = new LinkedHashMap<>();
        for (LotUnit u : units.ofLots(ids.keySet())) filled.merge(ids.get(u.lotId()), 1, Integer::sum);
        return filled;
    }

    private static String check(NewCost c, Map<String, String> errors) {
        if (c.amount() == null || c.amount().signum() < 0) errors.put("amount", "give an amount of 0 or more");
        else if (c.amount().scale() > 2 || c.amount().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) >= 0) {
            errors.put("amount", "at most two decimals and below 10^12");
        }
        String currency = c.currency() == null ? "" : c.currency().strip().toUpperCase(Locale.ROOT);
        try {
            if (currency.length() != 3) throw new IllegalArgumentException();
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            errors.put("currency", "an ISO 4217 code such as HKD, USD or EUR");
        }
        if (c.note() != null && c.note().length() > 500) errors.put("note", "at most 500 characters");
        if (!errors.isEmpty()) throw DomainProblem.invalid("The cost cannot be recorded", errors);
        return currency;
    }

    private static Map<String, Object> audit(String code, NewCost c, String currency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("amount", c.amount().toPlainString());
        m.put("currency", currency);
        if (Texts.blankToNull(c.note()) != null) m.put("note", c.note().strip());
        return m;
    }

    private static Cost cost(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Cost(rs.getObject("id", UUID.class), rs.getString("code"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
