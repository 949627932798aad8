package org.exotrace.evidence;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.clinic.Patients;
import org.exotrace.clinic.Patients.ResearchSubject;
import org.exotrace.followup.Assessment;
import org.exotrace.followup.Assessments;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.specification.TestCode;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The research data set: every treatment course of the patients whose research-use consent is in
 * force, assembled from the owning modules' research reads in one query each (patients, plans,
 * templates, sessions, assessments, adverse events, the lots' results). Whoever is not in
 * {@link Patients#researchSubjects()} is in none of the later reads, since those are asked only
 * for the subjects' ids.
 */
@Service
public class ResearchData {

    private final Patients patients;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Assessments assessments;
    private final Results results;

    ResearchData(Patients patients, TreatmentPlans plans, Sessions sessions, Assessments assessments, Results results) {
        this.patients = patients;
        this.plans = plans;
        this.sessions = sessions;
        this.assessments = assessments;
        this.results = results;
    }

    /** Every course of every consenting patient, by pseudonym and baseline. */
    @Transactional(readOnly = true)
    public List<Course> courses() {
        Map<UUID, ResearchSubject> subjects = patients.researchSubjects().stream()
                .collect(Collectors.toMap(ResearchSubject::id, Function.identity()));
        Set<UUID> ids = subjects.keySet();
        List<TreatmentPlan> planned = plans.forResearch(ids);
        Map<UUID, ProtocolTemplate> templates = plans.templatesForResearch(planned.stream().map(TreatmentPlan::templateId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ProtocolTemplate::id, Function.identity()));
        Map<UUID, List<TreatmentSession>> sessionsByPlan = sessions.forResearch(ids).stream()
                .collect(Collectors.groupingBy(TreatmentSession::planId));
        Map<UUID, List<Assessment>> assessmentsByPatient = assessments.forResearch(ids).stream()
                .collect(Collectors.groupingBy(Assessment::patientId));
        Map<UUID, List<AdverseEvent>> eventsBySession = sessions.adverseEventsForResearch(ids).stream()
                .collect(Collectors.groupingBy(AdverseEvent::sessionId));
        Set<UUID> lotIds = sessionsByPlan.values().stream().flatMap(List::stream).map(TreatmentSession::lotId).collect(Collectors.toSet());
        Map<UUID, LotMeasures> lots = lotMeasures(lotIds);

        List<Course> courses = new ArrayList<>();
        for (TreatmentPlan plan : planned) {
            List<TreatmentSession> given = sessionsByPlan.getOrDefault(plan.id(), List.of());
            List<Assessment> assessed = assessmentsByPatient.getOrDefault(plan.patientId(), List.of()).stream()
                    .filter(a -> plan.id().equals(a.planId())).toList();
            courses.add(course(subjects.get(plan.patientId()), plan, templates.get(plan.templateId()), given, assessed, eventsBySession, lots));
        }
        courses.sort(Comparator.comparing(Course::pseudonym).thenComparing(Course::baselineOn));
        return courses;
    }

    private static Course course(ResearchSubject subject, TreatmentPlan plan, ProtocolTemplate template, List<TreatmentSession> given,
                                 List<Assessment> assessed, Map<UUID, List<AdverseEvent>> eventsBySession, Map<UUID, LotMeasures> lots) {
        LocalDate baseline = given.stream().map(TreatmentSession::performedOn).min(Comparator.naturalOrder()).orElse(plan.startOn());
        Set<String> devices = new LinkedHashSet<>();
        Set<String> lotCodes = new LinkedHashSet<>();
        List<Double> doses = new ArrayList<>();
        List<LotMeasures> measures = new ArrayList<>();
        List<Course.AdverseEventFact> events = new ArrayList<>();
        for (TreatmentSession s : given) {
            if (s.device() != null && s.device().name() != null) devices.add(s.device().name());
            lotCodes.add(s.lotCode());
            if (s.doseParticles() != null) doses.add(s.doseParticles());
            measures.add(lots.getOrDefault(s.lotId(), LotMeasures.NONE));
            for (AdverseEvent e : eventsBySession.getOrDefault(s.id(), List.of())) {
                events.add(new Course.AdverseEventFact(e.term(), days(baseline, e.onsetOn()), e.severity().name(), e.serious(), e.lotCode()));
            }
        }
        List<Course.Observation> observations = assessed.stream().filter(a -> a.value() != null)
                .map(a -> new Course.Observation(a.instrument(), days(baseline, a.assessedOn()), a.side(), a.value().doubleValue(), a.assessor()))
                .toList();
        Double total = doses.isEmpty() ? null : doses.stream().mapToDouble(Double::doubleValue).sum();
        Double perSession = doses.isEmpty() ? null : total / doses.size();
        Course.LotProfile profile = new Course.LotProfile(mean(measures, LotMeasures::sizeModeNm), mean(measures, LotMeasures::sizeD50Nm),
                mean(measures, LotMeasures::particlesPerUgProtein));
        return new Course(plan.id(), subject.pseudonym(), subject.clinicCode(), subject.jurisdiction(), subject.sex(),
                Period.between(subject.dateOfBirth(), baseline).getYears(), subject.fitzpatrick(),
                template == null ? "" : template.indication(), template == null ? "" : template.code(), plan.productCode(), plan.sourceType(),
                plan.route(), plan.design(), plan.treatedSide(), plan.blindedAssessor(), baseline, List.copyOf(devices), List.copyOf(lotCodes),
                given.size(), perSession, total, profile, observations, events);
    }

    private static int days(LocalDate baseline, LocalDate on) {
        return (int) ChronoUnit.DAYS.between(baseline, on);
    }

    private static Double mean(List<LotMeasures> measures, Function<LotMeasures, Double> attribute) {
        double[] values = measures.stream().map(attribute).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) return null;
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    /** The lot's newest valid size mode, D50 and particles per µg protein; each null when the lot has none. */
    private record LotMeasures(Double sizeModeNm, Double sizeD50Nm, Double particlesPerUgProtein) {
        static final LotMeasures NONE = new LotMeasures(null, null, null);
    }

    private Map<UUID, LotMeasures> lotMeasures(Collection<UUID> lotIds) {
        return results.forLots(lotIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new LotMeasures(
                newest(e.getValue(), TestCode.SIZE_MODE), newest(e.getValue(), TestCode.SIZE_D50), newest(e.getValue(), TestCode.PARTICLES_PER_UG_PROTEIN))));
    }

    /** Results come newest first: the first valid numeric one of the test. */
    private static Double newest(List<Result> lotResults, TestCode test) {
        return lotResults.stream().filter(r -> r.isValid() && r.isOf(test) && r.value() != null).map(Result::value).findFirst().orElse(null);
    }
}
