package org.exotrace.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.account.Accounts;
import org.exotrace.batch.LotUnit;
import org.exotrace.followup.Assessments;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.treatment.Sessions;
import org.exotrace.supply.Shipment;
import org.exotrace.supply.Shipments;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.exotrace.shared.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinics' part of the demo: a clinic in Seoul (KR) and one in Boston (US) supplied from one
 * released lot; patients on several protocol templates with consents, sessions and outcome
 * assessments over the last months; one adverse event; and one plan the US rules refuse (an
 * intradermal injection of human MSC exosomes for hair loss). Every date counts back from today.
 *
 * <p>Accounts: {@code clinician} works at both clinics, {@code clinician2} only in Seoul, where
 * they are the blinded assessor of the split-face photoaging plan.
 */
@Component
@ConditionalOnProperty(name = "exotrace.demo.enabled", havingValue = "true")
class ClinicDemoData {

    static final String SEOUL = "SEOULREGEN";
    static final String BOSTON = "BOSTONSKIN";
    private static final String PRODUCT = "HMSC-EXO-SERUM";
    private static final String SOURCE = "UMBILICAL_CORD_MSC";
    private static final List<String> POEM = List.of("itch", "sleepDisturbance", "bleeding", "weeping", "cracking", "flaking", "dryness");
    private static final List<String> DLQI = List.of("symptoms", "embarrassment", "shoppingHomeGarden", "clothes", "socialLeisure", "sport",
            "workStudy", "relationships", "sexualDifficulties", "treatment");
    private static final List<String> POSAS_OBSERVER = List.of("vascularity", "pigmentation", "thickness", "relief", "pliability",
            "surfaceArea", "overallOpinion");
    private static final List<String> POSAS_PATIENT = List.of("pain", "itch", "colour", "stiffness", "thickness", "irregularity",
            "overallOpinion");
    private static final List<String> VSS = List.of("vascularity", "pigmentation", "pliability", "height");
    private static final Logger log = LoggerFactory.getLogger(ClinicDemoData.class);

    private final Clinics clinics;
    private final Patients patients;
    private final Shipments shipments;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Assessments assessments;
    private final TransactionTemplate tx;
    private final DemoUsers users;

    ClinicDemoData(Clinics clinics, Patients patients, Shipments shipments, TreatmentPlans plans, Sessions sessions, Assessments assessments,
                   TransactionTemplate tx, Accounts accounts) {
        this.clinics = clinics;
        this.patients = patients;
        this.shipments = shipments;
        this.plans = plans;
        this.sessions = sessions;
        this.assessments = assessments;
        this.tx = tx;
        this.users = new DemoUsers(accounts);
    }

    /** Loads the clinics' data; {@code supply} are the released units to ship (30 to Seoul, the rest to Boston). */
    void load(List<LotUnit> supply) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now();
        Clinic seoul = users.as("admin", () -> tx.execute(s -> clinic(SEOUL, "Seoul Regenerative Dermatology", "KR",
                "Gangnam-gu, Seoul (demo address)", "clinician", "clinician2")));
        Clinic boston = users.as("admin", () -> tx.execute(s -> clinic(BOSTON, "Boston Skin & Hair", "US",
                "Back Bay, Boston, MA (demo address)", "clinician")));
        List<String> codes = supply.stream().map(LotUnit::code).toList();
        Iterator<String> seoulStock = stock(seoul, codes.subList(0, 30), today.minusDays(120), today.minusDays(117));
        Iterator<String> bostonStock = stock(boston, codes.subList(30, codes.size()), today.minusDays(119), today.minusDays(115));

        users.as("clinician", () -> tx.executeWithoutResult(s -> atopicDermatitis(seoul, seoulStock, today)));
        users.as("clinician", () -> tx.executeWithoutResult(s -> melasma(seoul, seoulStock, today)));
        TreatmentPlan splitFace = users.as("clinician", () -> tx.execute(s -> photoaging(seoul, seoulStock, today)));
        users.as("clinician2", () -> tx.executeWithoutResult(s -> blindedAssessments(splitFace, today)));
        users.as("clinician", () -> tx.executeWithoutResult(s -> postoperativeScar(boston, bostonStock, today)));
        users.as("clinician", () -> refusedHairLossPlan(boston, today));
        log.info("Demo clinics loaded in {} ms: {} and {}, 7 patients", (System.nanoTime() - started) / 1_000_000, seoul.name(), boston.name());
    }

    private Clinic clinic(String code, String name, String jurisdiction, String address, String... staff) {
        Clinic clinic = clinics.create(new Clinics.NewClinic(code, name, jurisdiction, address));
        for (String clinician : staff) clinics.addMember(clinic.id(), clinician);
        return clinic;
    }

    /** Ships the units as the lab and receives them as the clinic; the units in the order they will be used. */
    private Iterator<String> stock(Clinic clinic, List<String> units, LocalDate shippedOn, LocalDate receivedOn) {
        Shipment shipment = users.as("analyst", () -> tx.execute(s -> shipments.ship(new Shipments.NewShipment(clinic.id(), units, shippedOn,
                "Cold chain 2-8 °C, data logger attached"))));
        users.as("clinician", () -> tx.execute(s -> shipments.receive(shipment.id(), receivedOn)));
        return units.iterator();
    }

    /**
     * Three patients on the electroporation protocol, started eight to ten weeks ago, six weekly
     * sessions: an adult who reaches EASI-75 by week 8, an adult who does not reach EASI-50 (and is
     * offered the template's adjustments), and a
     * six-year-old, whose EASI uses the child weights (head and neck 0.2).
     */
    private void atopicDermatitis(Clinic seoul, Iterator<String> stock, LocalDate today) {
        Session electroporation = new Session(2.0, "Needle-free electroporation, facial handpiece", null, null, null,
                "10 min under the electrodes, product applied first", "Face and neck");

        Patient responder = patient(seoul, "Seo-yeon", "Park", today.minusYears(29).minusDays(40), "FEMALE", "III", "atopic dermatitis",
                "Atopic dermatitis since childhood; emollients and topical corticosteroids, no systemic treatment in the last year",
                "None known");
        LocalDate start = today.minusDays(70);
        consents(responder, start.minusDays(7), "Seo-yeon Park", "KR");
        TreatmentPlan plan = plan(responder, "AD-REDNESS-EP", start, null, null);
        sessions(plan, stock, electroporation, today);
        assess(responder, plan, "EASI", start, easi(r(2, 2, 1.5, 1, 40), r(2, 1.5, 2, 1.5, 25), r(1.5, 1, 1, 0.5, 15), r(2, 2, 1.5, 1.5, 35)));
        assess(responder, plan, "EASI", start.plusWeeks(4), easi(r(1, 1, 0.5, 0.5, 20), r(1, 1, 1, 1, 15), r(0.5, 0.5, 0, 0.5, 5),
                r(1.5, 1, 1, 1, 25)));
        assess(responder, plan, "EASI", start.plusWeeks(8), easi(r(0.5, 0, 0, 0.5, 5), r(0.5, 0.5, 0, 0.5, 5), r(0, 0, 0, 0, 0),
                r(1, 0.5, 0.5, 0.5, 10)));
        weekly(responder, plan, start, "POEM", POEM, new int[] {3, 2, 1, 1, 2, 3, 4}, new int[] {2, 1, 0, 0, 1, 2, 3}, new int[] {1, 0, 0, 0, 1, 1, 2});
        weekly(responder, plan, start, "DLQI", DLQI, new int[] {3, 2, 2, 1, 2, 1, 1, 1, 0, 1}, new int[] {2, 1, 1, 1, 1, 0, 1, 0, 0, 1},
                new int[] {1, 1, 0, 0, 1, 0, 0, 0, 0, 0});
        erythemaIndex(responder, plan, start, 428, 365, 302);

        Patient partial = patient(seoul, "Min-jun", "Lee", today.minusYears(34).minusDays(120), "MALE", "IV", "atopic dermatitis",
                "Atopic dermatitis with facial flares each winter; tacrolimus ointment stopped two months ago", "None known");
        // Started later than Park: his week-8 assessment is two days old and his follow-up still ahead, so the template's
        // rule (EASI-50 not reached by week 8) offers its adjustments on his progress page.
        start = today.minusDays(58);
        consents(partial, start.minusDays(5), "Min-jun Lee", "KR");
        plan = plan(partial, "AD-REDNESS-EP", start, null, null);
        sessions(plan, stock, electroporation, today);
        assess(partial, plan, "EASI", start, easi(r(2, 1.5, 1, 1.5, 30), r(2, 2, 1.5, 2, 35), r(1.5, 1.5, 1, 1, 20), r(2, 2, 2, 2, 40)));
        assess(partial, plan, "EASI", start.plusWeeks(4), easi(r(1.5, 1.5, 1, 1.5, 30), r(2, 1.5, 1.5, 2, 30), r(1.5, 1, 1, 1, 20),
                r(2, 2, 1.5, 2, 35)));
        assess(partial, plan, "EASI", start.plusWeeks(8), easi(r(1, 1, 1, 1, 20), r(1.5, 1.5, 1, 1.5, 25), r(1, 1, 0.5, 1, 15),
                r(2, 1.5, 1.5, 2, 30)));
        weekly(partial, plan, start, "POEM", POEM, new int[] {3, 3, 1, 2, 2, 3, 4}, new int[] {3, 3, 1, 1, 2, 3, 3}, new int[] {3, 2, 1, 1, 2, 2, 3});
        weekly(partial, plan, start, "DLQI", DLQI, new int[] {2, 3, 2, 2, 2, 1, 2, 1, 1, 1}, new int[] {2, 3, 2, 1, 2, 1, 2, 1, 1, 1},
                new int[] {2, 2, 2, 1, 2, 1, 1, 1, 1, 1});
        erythemaIndex(partial, plan, start, 441, 432, 398);

        Patient child = patient(seoul, "Ha-eun", "Kim", today.minusYears(6).minusDays(75), "FEMALE", "III", "atopic dermatitis",
                "Atopic dermatitis since infancy, cheeks and flexures; emollients, mild topical corticosteroid in flares",
                "None known; food allergy (egg) in early childhood, resolved");
        LocalDate childStart = today.minusDays(63);
        consents(child, childStart.minusDays(7), "Kim Do-hyun (father)", "KR");
        plan = plan(child, "AD-REDNESS-EP", childStart, null, null);
        sessions(plan, stock, new Session(1.0, "Needle-free electroporation, facial handpiece", null, null, null,
                "Paediatric setting, 5 min; product applied first", "Cheeks and chin"), today);
        assess(child, plan, "EASI", childStart, easi(r(2, 1.5, 1.5, 1, 30), r(1.5, 1.5, 1, 1, 20), r(1, 1, 0.5, 0.5, 10), r(1.5, 1, 1, 1, 20)));
        assess(child, plan, "EASI", childStart.plusWeeks(4), easi(r(1, 1, 0.5, 0.5, 15), r(1, 0.5, 0.5, 0.5, 10), r(0.5, 0.5, 0, 0, 5),
                r(1, 0.5, 0.5, 0.5, 10)));
        assess(child, plan, "EASI", childStart.plusWeeks(8), easi(r(0.5, 0.5, 0, 0, 5), r(0.5, 0, 0, 0.5, 5), r(0, 0, 0, 0, 0),
                r(0.5, 0.5, 0, 0.5, 5)));
        // POEM for a child is answered by a parent; the DLQI is for adults, so none here.
        weekly(child, plan, childStart, "POEM", POEM, new int[] {4, 3, 1, 1, 2, 3, 4}, new int[] {2, 1, 0, 0, 1, 2, 3}, new int[] {1, 0, 0, 0, 0, 1, 2});
    }

    /**
     * Melasma, microneedling every four weeks, started 100 days ago: four sessions done, the fifth
     * due in 12 days; mMASI at baseline, week 8 and week 12; moderate erythema after session 2.
     */
    private void melasma(Clinic seoul, Iterator<String> stock, LocalDate today) {
        Patient patient = patient(seoul, "Eun-ji", "Jung", today.minusYears(42).minusDays(200), "FEMALE", "IV", "melasma",
                "Melasma for 6 years, worse in summer; hydroquinone 4% for 3 months in 2023 with rebound", "Pregnancy excluded; no isotretinoin");
        LocalDate start = today.minusDays(100);
        consents(patient, start.minusDays(10), "Eun-ji Jung", "KR");
        TreatmentPlan plan = plan(patient, "MELASMA-MN", start, null, null);
        List<TreatmentSession> done = sessions(plan, stock, new Session(2.0, "Dermapen 4", 0.5, null, 3,
                "Cross-hatched passes; serum applied before and after", "Forehead and both malar regions"), today);
        TreatmentSession second = done.get(1);
        sessions.report(second.id(), new Sessions.NewAdverseEvent("Erythema", second.performedOn().plusDays(1), "MODERATE", List.of(),
                "PROBABLE", "RECOVERED", second.performedOn().plusDays(5), "Cold compresses and a bland emollient; sun avoidance. Course continued",
                "Well-demarcated erythema of both malar regions the morning after session 2, with mild stinging; no oedema or papules"));
        assess(patient, plan, "mMASI", start, mmasi(40, 3, 55, 3, 50, 3, 10, 2));
        assess(patient, plan, "mMASI", start.plusWeeks(8), mmasi(30, 2, 40, 3, 35, 2, 5, 1));
        assess(patient, plan, "mMASI", start.plusWeeks(12), mmasi(20, 2, 30, 2, 25, 2, 0, 0));
    }

    /**
     * Photoaging, split-face against saline, microneedling every three weeks: randomized, with
     * clinician2 as the blinded assessor; the third and last session was six days ago (week 6),
     * the follow-up visit is still to come.
     */
    private TreatmentPlan photoaging(Clinic seoul, Iterator<String> stock, LocalDate today) {
        Patient patient = patient(seoul, "Mi-kyung", "Yoon", today.minusYears(53).minusDays(30), "FEMALE", "III", "photoaging",
                "Fine lines and laxity, outdoor work for 20 years; daily sunscreen since 2022", "None known");
        LocalDate start = today.minusDays(48);
        consents(patient, start.minusDays(14), "Mi-kyung Yoon", "KR");
        TreatmentPlan plan = plan(patient, "PHOTOAGING-MN", start, "RANDOM", "clinician2");
        sessions(plan, stock, new Session(1.5, "Dermapen 4", 1.0, null, 3, "Saline on the other side, same depth and passes",
                "Cheek, periorbital area and forehead"), today);
        return plan;
    }

    /** The blinded assessor's readings of both sides: hydration at baseline and week 6, GAIS at week 6; the treated side does better. */
    private void blindedAssessments(TreatmentPlan plan, LocalDate today) {
        Side treated = plan.treatedSide();
        Side control = treated == Side.LEFT ? Side.RIGHT : Side.LEFT;
        LocalDate after = plan.startOn().plusWeeks(6);
        assess(plan, "CORNEOMETER", plan.startOn(), treated, Map.of("hydration", 41.5));
        assess(plan, "CORNEOMETER", plan.startOn(), control, Map.of("hydration", 42.0));
        assess(plan, "CORNEOMETER", after, treated, Map.of("hydration", 57.5));
        assess(plan, "CORNEOMETER", after, control, Map.of("hydration", 47.0));
        assess(plan, "GAIS", after, treated, Map.of("rating", "MUCH_IMPROVED"));
        assess(plan, "GAIS", after, control, Map.of("rating", "IMPROVED"));
    }

    /**
     * A thyroidectomy scar in Boston: non-ablative fractional laser with the exosome serum every
     * two weeks, cosmetic use permitted with caution in the US; POSAS and VSS at baseline, week 4
     * and week 8, the follow-up visit still to come.
     */
    private void postoperativeScar(Clinic boston, Iterator<String> stock, LocalDate today) {
        Patient patient = patient(boston, "Emily", "Carter", today.minusYears(38).minusDays(150), "FEMALE", "II", "postoperative scar",
                "Total thyroidectomy 5 months ago; levothyroxine; scar raised and red at 3 months", "Keloid tendency denied; no isotretinoin");
        LocalDate start = today.minusDays(63);
        consents(patient, start.minusDays(3), "Emily Carter", "US");
        TreatmentPlan plan = plan(patient, "SCAR-POSTOP", start, null, null);
        sessions(plan, stock, new Session(1.0, "1550 nm non-ablative fractional laser", null, 20.0, 2, "Density 10%; serum applied right after",
                "Anterior neck scar, 6 cm"), today);
        int[][] observer = {{6, 5, 5, 6, 6, 4, 7}, {5, 4, 4, 5, 5, 4, 6}, {3, 4, 3, 3, 3, 3, 4}};
        int[][] patientScale = {{3, 6, 6, 5, 5, 6, 7}, {2, 5, 5, 4, 4, 5, 6}, {1, 3, 4, 3, 3, 3, 4}};
        int[][] vancouver = {{2, 2, 3, 2}, {2, 1, 2, 1}, {1, 1, 1, 1}};
        for (int i = 0; i < 3; i++) {
            LocalDate on = start.plusWeeks(4L * i);
            assess(patient, plan, "POSAS-O", on, items(POSAS_OBSERVER, observer[i]));
            assess(patient, plan, "POSAS-P", on, items(POSAS_PATIENT, patientScale[i]));
            assess(patient, plan, "VSS", on, items(VSS, vancouver[i]));
        }
    }

    /**
     * Intradermal injection of human MSC exosomes for hair loss, as a cosmetic use in the US: the
     * FDA rule forbids it, so the plan is refused and nothing is planned. Runs in its own
     * transaction, since a refusal marks the transaction it runs in for rollback.
     */
    private void refusedHairLossPlan(Clinic boston, LocalDate today) {
        Patient patient = tx.execute(s -> patient(boston, "Daniel", "Reyes", today.minusYears(41).minusDays(10), "MALE", "IV",
                "androgenetic alopecia", "Norwood III vertex for 4 years; topical minoxidil 5% for a year, modest response", "None known"));
        try {
            plan(patient, "AGA-INTRADERMAL", today, null, null, "HMSC-EXO-INJ");
            log.warn("The demo's hair-loss plan for {} was not refused", patient.pseudonym());
        } catch (DomainProblem refused) {
            log.info("Demo: the AGA-INTRADERMAL plan for {} was refused as intended ({})", patient.pseudonym(), refused.title());
        }
    }

    private Patient patient(Clinic clinic, String given, String family, LocalDate born, String sex, String phototype, String indication,
                            String history, String contraindications) {
        return patients.register(clinic.id(), new Patients.NewPatient(given, family, born, sex, null, phototype, List.of(indication), history,
                contraindications));
    }

    /** Treatment and photograph consents, signed at the consultation before the first session. */
    private void consents(Patient patient, LocalDate signedOn, String signedBy, String form) {
        patients.grantConsent(patient.id(), new Patients.ConsentEntry("TREATMENT", form + "-TX-2025.2", signedOn, signedBy));
        patients.grantConsent(patient.id(), new Patients.ConsentEntry("PHOTOGRAPHS", form + "-PH-2025.1", signedOn, signedBy));
    }

    private TreatmentPlan plan(Patient patient, String template, LocalDate start, String allocation, String blindedAssessor) {
        return plan(patient, template, start, allocation, blindedAssessor, PRODUCT);
    }

    private TreatmentPlan plan(Patient patient, String template, LocalDate start, String allocation, String blindedAssessor, String product) {
        var shipped = plans.templates().stream().filter(t -> t.clinicId() == null && t.code().equals(template)).findFirst().orElseThrow();
        return plans.plan(patient.id(), new TreatmentPlans.NewPlan(shipped.id(), product, SOURCE, null, "COSMETIC", null, start, allocation,
                blindedAssessor));
    }

    /** How a template's sessions are done. */
    private record Session(double volumeMl, String device, Double needleDepthMm, Double energyMj, Integer passes, String settingsNote,
                           String area) {}

    /** Every session of the plan due by today, on its due day, each with the next unit in stock. */
    private List<TreatmentSession> sessions(TreatmentPlan plan, Iterator<String> stock, Session how, LocalDate today) {
        return plan.visits().stream().filter(v -> v.kind() == TreatmentPlan.VisitKind.SESSION && !v.dueOn().isAfter(today))
                .map(v -> sessions.record(plan.id(), new Sessions.NewSession(stock.next(), v.dueOn(), how.volumeMl(), null, how.device(),
                        how.needleDepthMm(), how.energyMj(), how.passes(), how.settingsNote(), null, how.area(), null)))
                .toList();
    }

    /** An instrument's items at baseline, week 4 and week 8. */
    private void weekly(Patient patient, TreatmentPlan plan, LocalDate start, String instrument, List<String> names, int[]... visits) {
        for (int i = 0; i < visits.length; i++) assess(patient, plan, instrument, start.plusWeeks(4L * i), items(names, visits[i]));
    }

    private void erythemaIndex(Patient patient, TreatmentPlan plan, LocalDate start, double... values) {
        for (int i = 0; i < values.length; i++) {
            assess(patient, plan, "MEXAMETER_ERYTHEMA", start.plusWeeks(4L * i), Map.of("erythemaIndex", values[i]));
        }
    }

    private void assess(Patient patient, TreatmentPlan plan, String instrument, LocalDate on, Map<String, Object> components) {
        assessments.record(patient.id(), new Assessments.NewAssessment(instrument, on, plan.id(), null, components));
    }

    private void assess(TreatmentPlan plan, String instrument, LocalDate on, Side side, Map<String, Object> components) {
        assessments.record(plan.patientId(), new Assessments.NewAssessment(instrument, on, plan.id(), side.name(), components));
    }

    /** One EASI region: erythema, oedema/papulation, excoriation, lichenification (0-3) and the area affected in %. */
    private static double[] r(double erythema, double oedemaPapulation, double excoriation, double lichenification, double areaPercent) {
        return new double[] {erythema, oedemaPapulation, excoriation, lichenification, areaPercent};
    }

    private static Map<String, Object> easi(double[] headNeck, double[] upperLimbs, double[] trunk, double[] lowerLimbs) {
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, double[]> regions = new LinkedHashMap<>();
        regions.put("headNeck", headNeck);
        regions.put("upperLimbs", upperLimbs);
        regions.put("trunk", trunk);
        regions.put("lowerLimbs", lowerLimbs);
        regions.forEach((region, v) -> {
            components.put(region + ".erythema", v[0]);
            components.put(region + ".oedemaPapulation", v[1]);
            components.put(region + ".excoriation", v[2]);
            components.put(region + ".lichenification", v[3]);
            components.put(region + ".areaPercent", v[4]);
        });
        return components;
    }

    /** mMASI: area affected (%) and darkness (0-4) of the forehead, right malar, left malar and chin. */
    private static Map<String, Object> mmasi(double foreheadPercent, int forehead, double rightMalarPercent, int rightMalar,
                                             double leftMalarPercent, int leftMalar, double chinPercent, int chin) {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("forehead.areaPercent", foreheadPercent);
        components.put("forehead.darkness", forehead);
        components.put("rightMalar.areaPercent", rightMalarPercent);
        components.put("rightMalar.darkness", rightMalar);
        components.put("leftMalar.areaPercent", leftMalarPercent);
        components.put("leftMalar.darkness", leftMalar);
        components.put("chin.areaPercent", chinPercent);
        components.put("chin.darkness", chin);
        return components;
    }

    private static Map<String, Object> items(List<String> names, int[] values) {
        Map<String, Object> components = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) components.put(names.get(i), values[i]);
        return components;
    }
}
