package org.exotrace.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exotrace.account.Accounts;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.clinic.Patients;
import org.exotrace.compliance.Route;
import org.exotrace.demo.ResearchCohort.SplitFaceSubject;
import org.exotrace.demo.ResearchCohort.Subject;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.followup.Assessments;
import org.exotrace.quality.LotQuality;
import org.exotrace.release.Releases;
import org.exotrace.results.Results;
import org.exotrace.shared.Role;
import org.exotrace.specification.TestCode;
import org.exotrace.supply.Shipment;
import org.exotrace.supply.Shipments;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the demo research cohort ({@link ResearchCohort}: its design, the simulated effects and the truth) through the
 * modules' services as the people who would do the work: three donors (umbilical cord, adipose, bone marrow) and three
 * released serum lots of each at the same three concentrations, with per-lot size and purity results; four research
 * clinics (Seoul KR, Boston US, Tokyo JP, Hong Kong HK) staffed by {@code investigator} (all four) and {@code assessor}
 * (Seoul, the blinded assessor of the split-face patients), both with the demo password but not on the sign-in hint; the
 * units shipped and received; then per patient, in one transaction: registration, consents (treatment, photographs,
 * research use, its withdrawal), the plan, six sessions, an adverse event, the SCORAD assessments.
 *
 * <p>New clinics rather than the demo's Seoul and Boston, so that the small clinic story (its patient lists, worklists and
 * the tests that count them) stays as it is.
 */
@Component
@ConditionalOnProperty(name = "exotrace.demo.enabled", havingValue = "true")
class ResearchCohortDemoData {

    static final String INVESTIGATOR = "investigator";
    static final String ASSESSOR = "assessor";
    private static final String PRODUCT = "HMSC-EXO-SERUM";
    private static final String AD = "atopic dermatitis";
    private static final Logger log = LoggerFactory.getLogger(ResearchCohortDemoData.class);
    private static final String[][] CLINICS = {
        {"RCSEOUL", "Seoul Atopic Skin Research Clinic", "KR", "Seocho-gu, Seoul (demo address)"},
        {"RCBOSTON", "Boston Dermatology Research Unit", "US", "Longwood, Boston, MA (demo address)"},
        {"RCTOKYO", "Tokyo Skin Research Clinic", "JP", "Minato-ku, Tokyo (demo address)"},
        {"RCHONGKONG", "Hong Kong Eczema Research Clinic", "HK", "Central, Hong Kong (demo address)"}};

    private final Accounts accounts;
    private final Donors donors;
    private final Batches batches;
    private final Lots lots;
    private final Results results;
    private final LotQuality quality;
    private final Releases releases;
    private final Clinics clinics;
    private final Patients patients;
    private final Shipments shipments;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Assessments assessments;
    private final TransactionTemplate tx;
    private final DemoUsers users;

    ResearchCohortDemoData(Accounts accounts, Donors donors, Batches batches, Lots lots, Results results, LotQuality quality, Releases releases,
                           Clinics clinics, Patients patients, Shipments shipments, TreatmentPlans plans, Sessions sessions, Assessments assessments,
                           TransactionTemplate tx) {
        this.accounts = accounts;
        this.donors = donors;
        this.batches = batches;
        this.lots = lots;
        this.results = results;
        this.quality = quality;
        this.releases = releases;
        this.clinics = clinics;
        this.patients = patients;
        this.shipments = shipments;
        this.plans = plans;
        this.sessions = sessions;
        this.assessments = assessments;
        this.tx = tx;
        this.users = new DemoUsers(accounts);
    }

    /** Loads the cohort once (when the investigator's account does not exist yet). */
    void load() {
        if (accounts.find(INVESTIGATOR).isPresent()) return;
        long started = System.nanoTime();
        LocalDate today = LocalDate.now();
        tx.executeWithoutResult(s -> {
            accounts.create(INVESTIGATOR, "Dr. Lena Hoffmann", DemoUsers.PASSWORD, Set.of(Role.CLINICIAN));
            accounts.create(ASSESSOR, "Dr. Cho Min-seo", DemoUsers.PASSWORD, Set.of(Role.CLINICIAN));
        });
        Map<String, Clinic> clinicsByCode = new LinkedHashMap<>();
        users.as("admin", () -> tx.executeWithoutResult(s -> {
            for (String[] c : CLINICS) {
                Clinic clinic = clinics.create(new Clinics.NewClinic(c[0], c[1], c[2], c[3]));
                clinics.addMember(clinic.id(), INVESTIGATOR);
                if (c[0].equals(ResearchCohort.SPLIT_FACE_CLINIC)) clinics.addMember(clinic.id(), ASSESSOR);
                clinicsByCode.put(c[0], clinic);
            }
        }));
        Map<SourceType, List<Lot>> lotsBySource = lots(today);
        Map<String, Iterator<String>> stock = supply(lotsBySource, clinicsByCode, today);
        long supplied = System.nanoTime();
        Map<Route, UUID> templates = new EnumMap<>(Route.class);
        UUID splitFaceTemplate = users.as(INVESTIGATOR, () -> {
            plans.templates().stream().filter(t -> t.shipped() && ResearchCohort.TEMPLATES.containsValue(t.code()))
                    .forEach(t -> templates.put(t.route(), t.id()));
            return plans.templates().stream().filter(t -> t.shipped() && t.code().equals(ResearchCohort.SPLIT_FACE_TEMPLATE)).findFirst()
                    .orElseThrow().id();
        });
        for (Subject subject : ResearchCohort.subjects()) {
            Clinic clinic = clinicsByCode.get(subject.clinic());
            Iterator<String> units = stock.get(key(subject.clinic(), subject.source(), subject.lot()));
            users.as(INVESTIGATOR, () -> tx.executeWithoutResult(s -> atopicDermatitis(subject, clinic, templates.get(subject.route()), units, today)));
        }
        Clinic splitClinic = clinicsByCode.get(ResearchCohort.SPLIT_FACE_CLINIC);
        Iterator<String> splitUnits = stock.get(key(ResearchCohort.SPLIT_FACE_CLINIC, SourceType.UMBILICAL_CORD_MSC, 1));
        List<TreatmentPlan> splitPlans = new ArrayList<>();
        for (SplitFaceSubject subject : ResearchCohort.splitFaceSubjects()) {
            splitPlans.add(users.as(INVESTIGATOR, () -> tx.execute(s -> splitFace(subject, splitClinic, splitFaceTemplate, splitUnits, today))));
        }
        users.as(ASSESSOR, () -> tx.executeWithoutResult(s -> {
            for (int i = 0; i < splitPlans.size(); i++) blindedReadings(ResearchCohort.splitFaceSubjects().get(i), splitPlans.get(i));
        }));
        log.info("Demo research cohort loaded in {} ms ({} ms for the lots and their supply): {} atopic dermatitis and {} split-face "
                + "patients at {} clinics", (System.nanoTime() - started) / 1_000_000, (supplied - started) / 1_000_000, ResearchCohort.PATIENTS,
                ResearchCohort.SPLIT_FACE_PATIENTS, CLINICS.length);
    }

    /**
     * One donor and batch per source type and three released lots of each, made about a year ago at the cohort's three
     * concentrations, with every required test passing and per-lot size and purity.
     */
    private Map<SourceType, List<Lot>> lots(LocalDate today) {
        Map<SourceType, List<Lot>> bySource = new EnumMap<>(SourceType.class);
        String[] details = {"Wharton's jelly, research cohort donor", "Lipoaspirate, research cohort donor", "Iliac crest aspirate, research cohort donor"};
        Instant tested = today.minusDays(378).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant();
        for (int s = 0; s < ResearchCohort.SOURCES.size(); s++) {
            SourceType source = ResearchCohort.SOURCES.get(s);
            String detail = details[s];
            int sourceIndex = s;
            List<Lot> made = users.as("analyst", () -> tx.execute(st -> {
                Donor donor = donors.register(new Donors.Registration(source, detail, "Research cohort donor", today.minusDays(400), null));
                donors.determination(donor.id()).findings().stream().map(f -> f.required().test())
                        .forEach(t -> donors.recordScreening(donor.id(), new Donors.ScreeningEntry(t.code(), t.negativeResult().code(), today.minusDays(400))));
                donors.grantConsent(donor.id(), new Donors.ConsentEntry(ConsentScope.COSMETIC_USE, today.minusDays(400), "ICF-RC-" + sourceIndex + "1"));
                donors.grantConsent(donor.id(), new Donors.ConsentEntry(ConsentScope.COMMERCIAL, today.minusDays(400), "ICF-RC-" + sourceIndex + "2"));
                Batch batch = batches.record(new Batches.NewBatch(donor.id(), IsolationMethod.TANGENTIAL_FLOW_FILTRATION, null, null,
                        "500 kDa hollow fibre, then 0.22 µm filtration", 3000.0, 6_000_000_000L, 4, today.minusDays(392), today.minusDays(391),
                        "Alex Morgan", "Conditioned medium for the research cohort"));
                List<Lot> three = new ArrayList<>();
                for (int level = 0; level < ResearchCohort.CONCENTRATIONS.size(); level++) {
                    double perMl = ResearchCohort.CONCENTRATIONS.get(level);
                    int needed = unitsNeeded(source, level);
                    Lot lot = lots.create(batch.id(), new Lots.NewLot(PRODUCT, perMl, needed * ResearchCohort.VOLUME_ML, today.minusDays(385), null));
                    double mode = 98 + 12 * sourceIndex + new double[] {6, -3, 2}[level];
                    double d50 = mode + 10 + 2 * level;
                    for (Results.Entry e : ExampleResults.passing()) {
                        Double value = e.value();
                        if (TestCode.SIZE_MODE.is(e.testCode())) value = mode;
                        else if (TestCode.SIZE_D50.is(e.testCode())) value = d50;
                        else if (TestCode.PARTICLE_CONCENTRATION.is(e.testCode())) value = perMl;
                        else if (TestCode.PARTICLES_PER_UG_PROTEIN.is(e.testCode())) value = (5 + 2 * ((level + sourceIndex) % 3)) * 1e10;
                        results.record(lot.id(), new Results.Entry(e.testCode(), value, e.unit(), e.category(), e.detail(), e.method(),
                                e.instrument(), tested, null, null), null);
                    }
                    quality.recordSizeDistribution(lot.id(), "NTA (NanoSight NS300), 5 videos of 60 s", DemoData.lognormal(d50, 1.33));
                    three.add(lot);
                }
                return three;
            }));
            bySource.put(source, made);
        }
        return bySource;
    }

    /** The units of each lot the cohort uses: six per patient, and one per split-face patient from the middle umbilical-cord lot. */
    private static int unitsNeeded(SourceType source, int level) {
        long patients = ResearchCohort.subjects().stream().filter(s -> s.source() == source && s.lot() == level).count();
        int splitFace = source == SourceType.UMBILICAL_CORD_MSC && level == 1 ? ResearchCohort.SPLIT_FACE_PATIENTS : 0;
        return (int) patients * ResearchCohort.SESSIONS + splitFace;
    }

    /** Splits and releases the lots, ships each clinic the units its patients will use and has the investigator receive them. */
    private Map<String, Iterator<String>> supply(Map<SourceType, List<Lot>> lotsBySource, Map<String, Clinic> clinicsByCode, LocalDate today) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        Map<String, List<String>> byClinic = new LinkedHashMap<>();
        lotsBySource.forEach((source, three) -> {
            for (int level = 0; level < three.size(); level++) {
                Lot lot = three.get(level);
                List<LotUnit> units = users.as("analyst", () -> tx.execute(s -> lots.split(lot.id(), unitsNeeded(source, level(lot, three)),
                        ResearchCohort.VOLUME_ML)));
                users.as("qa", () -> tx.execute(s -> releases.release(lot.id(), new Releases.Signing("qa", DemoUsers.PASSWORD,
                        "Batch record reviewed; supplies the research clinics"))));
                Iterator<String> codes = units.stream().map(LotUnit::code).iterator();
                for (Subject subject : ResearchCohort.subjects()) {
                    if (subject.source() != source || subject.lot() != level) continue;
                    for (int n = 0; n < ResearchCohort.SESSIONS; n++) {
                        String code = codes.next();
                        byKey.computeIfAbsent(key(subject.clinic(), source, level), k -> new ArrayList<>()).add(code);
                        byClinic.computeIfAbsent(subject.clinic(), k -> new ArrayList<>()).add(code);
                    }
                }
                while (codes.hasNext()) {
                    String code = codes.next();
                    byKey.computeIfAbsent(key(ResearchCohort.SPLIT_FACE_CLINIC, source, level), k -> new ArrayList<>()).add(code);
                    byClinic.computeIfAbsent(ResearchCohort.SPLIT_FACE_CLINIC, k -> new ArrayList<>()).add(code);
                }
            }
        });
        byClinic.forEach((code, units) -> {
            Shipment shipment = users.as("analyst", () -> tx.execute(s -> shipments.ship(new Shipments.NewShipment(clinicsByCode.get(code).id(),
                    units, today.minusDays(350), "Cold chain -80 °C on dry ice, data logger attached"))));
            users.as(INVESTIGATOR, () -> tx.execute(s -> shipments.receive(shipment.id(), today.minusDays(348))));
        });
        Map<String, Iterator<String>> stock = new LinkedHashMap<>();
        byKey.forEach((k, v) -> stock.put(k, v.iterator()));
        return stock;
    }

    private static int level(Lot lot, List<Lot> three) {
        return three.indexOf(lot);
    }

    private static String key(String clinic, SourceType source, int level) {
        return clinic + "/" + source + "/" + level;
    }

    /** One atopic dermatitis patient: consents, plan, six weekly sessions, maybe an adverse event, SCORAD at each visit. */
    private void atopicDermatitis(Subject subject, Clinic clinic, UUID template, Iterator<String> units, LocalDate today) {
        LocalDate start = today.minusDays(subject.startDaysAgo());
        Patient patient = register(clinic, subject.givenName(), subject.familyName(), subject.age(), subject.sex(), subject.fitzpatrick(), AD,
                "Atopic dermatitis since childhood; emollients and topical corticosteroids, no systemic treatment in the last 6 months", today);
        consents(patient, subject.givenName() + " " + subject.familyName(), clinic, start.minusDays(7), subject.researchConsent(),
                subject.withdrawn(), today);
        TreatmentPlan plan = plans.plan(patient.id(), new TreatmentPlans.NewPlan(template, PRODUCT, subject.source().name(), null, "COSMETIC",
                null, start));
        boolean electroporation = subject.route() == Route.ELECTROPORATION;
        List<TreatmentSession> done = new ArrayList<>();
        for (TreatmentPlan.Visit visit : plan.visits()) {
            if (visit.kind() != TreatmentPlan.VisitKind.SESSION) continue;
            done.add(sessions.record(plan.id(), new Sessions.NewSession(units.next(), visit.dueOn(), ResearchCohort.VOLUME_ML, null,
                    electroporation ? "Needle-free electroporation, facial handpiece" : null, null, null, null,
                    electroporation ? "10 min under the electrodes, product applied first" : "Serum applied to the affected skin, no device", null,
                    "Face, neck and flexures", null)));
        }
        if (subject.adverseEvent()) erythema(done.get(0));
        for (int v = 0; v < 4; v++) {
            ResearchCohort.Components c = subject.components()[v];
            if (c == null) continue;
            Map<String, Object> components = new LinkedHashMap<>();
            components.put("extent", c.extent());
            String[] signs = {"erythema", "oedemaPapulation", "oozingCrusts", "excoriation", "lichenification", "dryness"};
            for (int i = 0; i < signs.length; i++) components.put("intensity." + signs[i], c.intensity()[i]);
            components.put("pruritus", c.pruritus());
            components.put("sleeplessness", c.sleeplessness());
            assessments.record(patient.id(), new Assessments.NewAssessment("SCORAD", start.plusDays(subject.visitDay()[v]), plan.id(), null, components));
        }
    }

    /** One split-face patient: consents, the randomized plan with the assessor named, the one session (the cream dispensed). */
    private TreatmentPlan splitFace(SplitFaceSubject subject, Clinic clinic, UUID template, Iterator<String> units, LocalDate today) {
        LocalDate start = today.minusDays(subject.startDaysAgo());
        Patient patient = register(clinic, subject.givenName(), subject.familyName(), subject.age(), subject.sex(), subject.fitzpatrick(),
                "hyperpigmentation", "Post-inflammatory hyperpigmentation of both cheeks for over a year; daily sunscreen", today);
        consents(patient, subject.givenName() + " " + subject.familyName(), clinic, start.minusDays(7), subject.researchConsent(),
                subject.withdrawn(), today);
        TreatmentPlan plan = plans.plan(patient.id(), new TreatmentPlans.NewPlan(template, PRODUCT, SourceType.UMBILICAL_CORD_MSC.name(), null,
                "COSMETIC", null, start, "RANDOM", ASSESSOR));
        TreatmentSession session = sessions.record(plan.id(), new Sessions.NewSession(units.next(), start, ResearchCohort.VOLUME_ML, null, null,
                null, null, null, "Cream dispensed for twice-daily use on the allocated side; placebo cream for the other", null, "Cheeks", null));
        if (subject.adverseEvent()) erythema(session);
        return plan;
    }

    /** The blinded assessor's melanin index readings of both sides at baseline and days 14, 28 and 56 after the session. */
    private void blindedReadings(SplitFaceSubject subject, TreatmentPlan plan) {
        Side treated = plan.treatedSide();
        Side control = treated == Side.LEFT ? Side.RIGHT : Side.LEFT;
        int[] days = {0, 14, 28, 56};
        for (int v = 0; v < days.length; v++) {
            LocalDate on = plan.startOn().plusDays(days[v]);
            assessments.record(plan.patientId(), new Assessments.NewAssessment("MEXAMETER_MELANIN", on, plan.id(), treated.name(),
                    Map.of("melaninIndex", subject.treated()[v])));
            assessments.record(plan.patientId(), new Assessments.NewAssessment("MEXAMETER_MELANIN", on, plan.id(), control.name(),
                    Map.of("melaninIndex", subject.control()[v])));
        }
    }

    private Patient register(Clinic clinic, String given, String family, int age, String sex, String phototype, String indication,
                             String history, LocalDate today) {
        return patients.register(clinic.id(), new Patients.NewPatient(given, family, today.minusYears(age).minusDays(age * 7L % 360), sex, null,
                phototype, List.of(indication), history, "None known"));
    }

    /** Treatment and photographs; research use when given, withdrawn 100 days after signing when the design says so. */
    private void consents(Patient patient, String signedBy, Clinic clinic, LocalDate signedOn, boolean research, boolean withdrawn, LocalDate today) {
        String form = clinic.jurisdiction();
        patients.grantConsent(patient.id(), new Patients.ConsentEntry("TREATMENT", form + "-TX-2025.2", signedOn, signedBy));
        patients.grantConsent(patient.id(), new Patients.ConsentEntry("PHOTOGRAPHS", form + "-PH-2025.1", signedOn, signedBy));
        if (!research) return;
        PatientConsent consent = patients.grantConsent(patient.id(), new Patients.ConsentEntry(PatientConsent.Kind.RESEARCH_USE.name(),
                form + "-RES-2026.1", signedOn, signedBy));
        if (withdrawn) {
            LocalDate on = signedOn.plusDays(100).isAfter(today) ? today : signedOn.plusDays(100);
            patients.withdrawConsent(consent.id(), on, "The patient asked that their records no longer be used for research");
        }
    }

    private void erythema(TreatmentSession session) {
        sessions.report(session.id(), new Sessions.NewAdverseEvent("Erythema", session.performedOn().plusDays(1), "MILD", List.of(), "POSSIBLE",
                "RECOVERED", session.performedOn().plusDays(3), "Bland emollient; course continued",
                "Mild erythema of the treated area the day after the session, without oedema or papules"));
    }
}
