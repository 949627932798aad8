package org.exotrace.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.shared.DomainProblem;
import org.exotrace.treatment.TreatmentPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician's worklist: per clinic, the scheduled visits of its plans that are not done yet, in four groups as seen from a day
 * ({@code from}, normally today): overdue (due in the 30 days before it), today, coming (due in the {@code days} days after it),
 * and plans more than 30 days behind (one entry per plan: its earliest missed visit, with how many of its visits are that late).
 *
 * <p>When a visit is done:
 * <ul>
 *   <li>a session visit n, when its plan has a recorded session numbered n, whatever day it was given on (as in {@link Progress});</li>
 *   <li>a follow-up visit, when the patient has a valid (not corrected) outcome assessment, of this plan or of no plan, on or after
 *       the visit's due date minus {@value #FOLLOW_UP_EARLY_DAYS} days. Any instrument counts: whether it is the plan's primary
 *       endpoint is not checked, since the template names that endpoint in free text.</li>
 * </ul>
 * Each clinic's worklist is one query; only the staff of the clinic see it, with the patients' names.
 */
@Service
public class Worklist {

    /** How many days before its due date an assessment still counts for a follow-up visit. */
    public static final int FOLLOW_UP_EARLY_DAYS = 3;
    /** Visits overdue by more than this many days are grouped per plan as "more than 30 days behind". */
    public static final int OVERDUE_DAYS = 30;
    /** At most this many plans more than 30 days behind are listed; {@link ClinicWorklist#behindCount} has them all. */
    public static final int BEHIND_LISTED = 20;
    /** The longest look ahead, in days. */
    public static final int MAX_DAYS = 62;

    /**
     * A visit due, with the patient and the plan.
     *
     * @param daysOverdue days from the due date to the worklist's day; 0 when not overdue
     * @param visitsBehind for a plan more than 30 days behind, how many of its visits are that late (this one included); else 1
     */
    public record Entry(UUID planId, UUID patientId, String givenName, String familyName, String pseudonym, String templateName,
                        TreatmentPlan.VisitKind kind, int number, LocalDate dueOn, int daysOverdue, int visitsBehind) {

        /** "Session 3", "Follow-up 1". */
        @JsonProperty("visit")
        public String visit() {
            return (kind == TreatmentPlan.VisitKind.SESSION ? "Session " : "Follow-up ") + number;
        }
    }

    /** The entries of one group, for a page to list group by group. */
    public record Group(String name, List<Entry> entries) {}

    /**
     * One clinic's visits due as seen from {@code from}.
     *
     * @param overdue due in the 30 days before {@code from}, oldest first
     * @param today due on {@code from}
     * @param coming due in the {@code days} days after {@code from}, soonest first
     * @param behind plans more than 30 days behind, the most recently missed first; at most {@value #BEHIND_LISTED}
     * @param behindCount how many plans are more than 30 days behind
     */
    public record ClinicWorklist(UUID clinicId, String clinicName, LocalDate from, int days, List<Entry> overdue, List<Entry> today,
                                 List<Entry> coming, List<Entry> behind, int behindCount) {

        public ClinicWorklist {
            overdue = List.copyOf(overdue);
            today = List.copyOf(today);
            coming = List.copyOf(coming);
            behind = List.copyOf(behind);
        }

        /** "2 overdue, 3 today, 5 this week; 1 plan more than 30 days behind", or "Nothing due this week". */
        @JsonProperty("summary")
        public String summary() {
            String ahead = days == 7 ? "this week" : "in the next " + days + " days";
            if (isEmpty()) return "Nothing due " + ahead;
            String text = overdue.size() + " overdue, " + today.size() + " today, " + coming.size() + " " + ahead;
            if (behindCount > 0) text += "; " + behindCount + (behindCount == 1 ? " plan" : " plans") + " more than " + OVERDUE_DAYS + " days behind";
            return text;
        }

        public boolean isEmpty() {
            return overdue.isEmpty() && today.isEmpty() && coming.isEmpty() && behindCount == 0;
        }

        /** The non-empty groups in the order a clinician works through them. */
        public List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            if (!overdue.isEmpty()) groups.add(new Group("Overdue", overdue));
            if (!today.isEmpty()) groups.add(new Group("Today", today));
            if (!coming.isEmpty()) groups.add(new Group(days == 7 ? "This week" : "Next " + days + " days", coming));
            if (!behind.isEmpty()) groups.add(new Group("More than " + OVERDUE_DAYS + " days behind", behind));
            return groups;
        }
    }

    /*
     * Every visit of the clinic's plans due up to the end of the window and not done ("undone", by plan and visit only). The visits
     * more than 30 days late are numbered per plan, so that only each plan's earliest one is kept, with the count of them all; of
     * those plans only the ones that can be among the {@value #BEHIND_LISTED} most recently missed are read with their patient
     * (every plan whose earliest late visit is on or after the 20th latest such day, ties included), with how many plans are behind
     * in all. At a million lots a clinic has about 7,500 plans, nearly all behind in the generated network (issue 13): their patients
     * and names were read and sent for a list of 20.
     */
    private static final String DUE = """
            with undone as (
              select v.plan_id, v.kind, v.number, v.due_on, tp.patient_id, tp.template_id
                from treatment_plan tp
                join plan_visit v on v.plan_id = tp.id
               where tp.clinic_id = :clinic and v.due_on <= :until
                 and not exists (select 1 from treatment_session s
                                  where v.kind = 'SESSION' and s.plan_id = v.plan_id and s.number = v.number and s.status = 'RECORDED')
                 and not exists (select 1 from outcome_assessment a
                                  where v.kind = 'FOLLOW_UP' and a.patient_id = tp.patient_id and a.status = 'VALID'
                                    and (a.plan_id is null or a.plan_id = tp.id) and a.assessed_on >= v.due_on - :early)
            ), late as (
              select u.*, row_number() over (partition by u.plan_id order by u.due_on, u.kind desc, u.number) as nth,
                     count(*) over (partition by u.plan_id) as late_visits
                from undone u where u.due_on < :behindBefore
            ), behind as (
              select l.*, count(*) over () as behind_plans from late l where l.nth = 1
            ), shown as (
              select plan_id, kind, number, due_on, patient_id, template_id, false as behind, 1 as late_visits, 0 as behind_plans
                from undone where due_on >= :behindBefore
              union all
              select plan_id, kind, number, due_on, patient_id, template_id, true, late_visits, behind_plans
                from behind
               where due_on >= coalesce((select due_on from behind order by due_on desc offset :listedBefore limit 1), date '-infinity')
            )
            select s.*, p.given_name, p.family_name, p.pseudonym, t.name as template_name
              from shown s
              join patient p on p.id = s.patient_id
              join protocol_template t on t.id = s.template_id
             order by s.due_on, p.family_name, p.given_name, s.kind desc, s.number""";

    private final JdbcClient jdbc;
    private final Clinics clinics;

    Worklist(JdbcClient jdbc, Clinics clinics) {
        this.jdbc = jdbc;
        this.clinics = clinics;
    }

    /**
     * The visits due at a clinic the current user works at; "not found" for anyone else.
     *
     * @param from the day seen from; today when null
     * @param days how many days after {@code from} to look ahead, 1 to {@value #MAX_DAYS}
     */
    @Transactional(readOnly = true)
    public ClinicWorklist of(UUID clinicId, LocalDate from, int days) {
        Clinic clinic = clinics.requireMember(clinicId);
        if (days < 1 || days > MAX_DAYS) throw DomainProblem.invalid("days", "must be from 1 to " + MAX_DAYS);
        return of(clinic, from == null ? LocalDate.now() : from, days);
    }

    /** The visits due in the coming week at each clinic the current user works at, seen from {@code from}. */
    @Transactional(readOnly = true)
    public List<ClinicWorklist> mine(LocalDate from) {
        return clinics.mine().stream().map(c -> of(c, from, 7)).toList();
    }

    private ClinicWorklist of(Clinic clinic, LocalDate from, int days) {
        LocalDate behindBefore = from.minusDays(OVERDUE_DAYS);
        List<Entry> overdue = new ArrayList<>();
        List<Entry> today = new ArrayList<>();
        List<Entry> coming = new ArrayList<>();
        List<Entry> behind = new ArrayList<>();
        long[] behindPlans = {0};
        jdbc.sql(DUE).param("clinic", clinic.id()).param("until", Date.valueOf(from.plusDays(days)))
                .param("behindBefore", Date.valueOf(behindBefore)).param("early", FOLLOW_UP_EARLY_DAYS).param("listedBefore", BEHIND_LISTED - 1)
                .query((rs, n) -> {
                    if (rs.getBoolean("behind")) behindPlans[0] = rs.getLong("behind_plans");
                    return entry(rs, from);
                }).list()
                .forEach(e -> (e.dueOn().isBefore(behindBefore) ? behind : e.dueOn().isBefore(from) ? overdue
                        : e.dueOn().isEqual(from) ? today : coming).add(e));
        behind.sort(Comparator.comparing(Entry::dueOn).reversed());
        return new ClinicWorklist(clinic.id(), clinic.name(), from, days, overdue, today, coming,
                behind.subList(0, Math.min(BEHIND_LISTED, behind.size())), (int) behindPlans[0]);
    }

    private static Entry entry(ResultSet rs, LocalDate from) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        return new Entry(rs.getObject("plan_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("pseudonym"), rs.getString("template_name"),
                TreatmentPlan.VisitKind.valueOf(rs.getString("kind")), rs.getInt("number"), due,
                (int) Math.max(0, ChronoUnit.DAYS.between(due, from)), rs.getBoolean("behind") ? rs.getInt("late_visits") : 1);
    }
}
