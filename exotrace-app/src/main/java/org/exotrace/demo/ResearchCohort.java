package org.exotrace.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;

/**
 * The demo research cohort as designed, and the truth simulated into it: a pure function of {@link #SEED}, so the design and
 * the truth are known without the database, and {@link ResearchCohortDemoData} writes exactly this design through the
 * modules' services.
 *
 * <p><b>Design.</b> {@value #PATIENTS} patients with atopic dermatitis, 40 in each of the 3 source types × 2 routes
 * (electroporation, {@code AD-REDNESS-EP}; topical on intact skin, {@code AD-TOPICAL}), six weekly sessions of
 * {@value #VOLUME_ML} mL, every session from one lot of the patient's source type. Each source type has three lots at the
 * same three particle concentrations ({@link #CONCENTRATIONS}), assigned in turn within each source × route cell (first
 * over the patients who will be analysed, then over the others, so the analysed set is balanced too), so the session dose
 * (concentration × volume: 5.2, 8.0 or 11.2 × 10^9 particles) does not depend on the source type or route. Four
 * clinics: Hong Kong's rules allow only the topical route, so its 60 patients are all topical and the other three clinics
 * (Korea, United States, Japan) carry the rest. SCORAD at baseline (day 0, the first session) and about days 28, 56 and 84.
 *
 * <p><b>Outcome model.</b> For patient i, the percent change of SCORAD from baseline at day 84 is
 * {@code SOURCE_MEAN[source] + ROUTE_EFFECT[route] + DOSE_SLOPE_PER_BILLION × (dose − DOSE_REFERENCE) / 1e9 + e}, with
 * e normal (sd {@value #NOISE_SD} pp) truncated symmetrically at ±{@value #NOISE_TRUNCATION} sd by redrawing, so its mean
 * stays 0 (its sd is about 14.3 pp) and no value ever needs clamping (the change lies between −94 % and +17 %). Day 28
 * and day 56 lie on the way (45 % and 80 % of the day-84 change, plus small noise). The SCORAD components are then set so
 * that the score is the simulated one to within 0.02 points: the intensity signs and symptoms are scaled down with the
 * ratio (rounded down) and the extent A takes up the rest (so A stays between 0 and 100).
 *
 * <p><b>Missing data</b> (missing completely at random): about 8 % have no day-84 assessment (lost to follow-up), about
 * 40 % of those also none at day 56. <b>Consent:</b> about 90 % give a research-use consent, about 5 % of those withdraw
 * it later; all of them have full clinical records. <b>Adverse events:</b> mild erythema after the first session with
 * probability {@link #ADVERSE_EVENT_RATE} per patient by source type (the split-face patients, all umbilical-cord, too).
 *
 * <p><b>Split face.</b> {@value #SPLIT_FACE_PATIENTS} further patients with hyperpigmentation on {@code HYPERPIG-HOME}
 * (exosome cream on a randomly allocated side, placebo on the other), Mexameter melanin index per side at baseline and
 * days 14, 28 and 56 after the session, read by a blinded assessor: treated side {@value #SPLIT_TREATED} %, control side
 * {@value #SPLIT_CONTROL} % at day 56 in expectation (a shared patient effect plus a per-side effect, both truncated
 * normal).
 *
 * <p>{@link #truth()} states what an analysis of the research set (research consent not withdrawn) should recover. With
 * this seed: 185 patients analysed at day 84 (of 214 research consents, 10 withdrawn, 219 with a day-84 SCORAD); expected
 * mean change −48.3 % (umbilical cord), −38.5 % (adipose), −28.2 % (bone marrow); −41.2 % (electroporation), −35.1 %
 * (topical), a route difference of −6.07 pp; a dose slope of −1.49 pp per 10^9 particles per session; split face −10 pp
 * (27 patients); adverse events 5 %, 10 %, 25 % per patient.
 */
public final class ResearchCohort {

    public static final long SEED = 20_261_214L;
    public static final int PATIENTS = 240;
    public static final int SPLIT_FACE_PATIENTS = 30;
    public static final int SESSIONS = 6;
    public static final double VOLUME_ML = 2.0;
    /** Particles per mL of the three lots of each source type. */
    public static final List<Double> CONCENTRATIONS = List.of(2.6e9, 4.0e9, 5.6e9);
    public static final Map<SourceType, Double> SOURCE_MEAN = enumMap(SourceType.class,
            SourceType.UMBILICAL_CORD_MSC, -45.0, SourceType.ADIPOSE_MSC, -35.0, SourceType.BONE_MARROW_MSC, -25.0);
    public static final Map<Route, Double> ROUTE_EFFECT = enumMap(Route.class, Route.ELECTROPORATION, -6.0, Route.TOPICAL_INTACT_SKIN, 0.0);
    /** Percentage points of SCORAD change per 10^9 particles per session. */
    public static final double DOSE_SLOPE_PER_BILLION = -1.5;
    public static final double DOSE_REFERENCE = 8.0e9;
    public static final double NOISE_SD = 15.0;
    public static final double NOISE_TRUNCATION = 2.5;
    public static final Map<SourceType, Double> ADVERSE_EVENT_RATE = enumMap(SourceType.class,
            SourceType.UMBILICAL_CORD_MSC, 0.05, SourceType.ADIPOSE_MSC, 0.10, SourceType.BONE_MARROW_MSC, 0.25);
    public static final double RESEARCH_CONSENT_RATE = 0.90;
    public static final double WITHDRAWAL_RATE = 0.05;
    public static final double LOST_BEFORE_DAY_84 = 0.08;
    public static final double SPLIT_TREATED = -15.0;
    public static final double SPLIT_CONTROL = -5.0;

    public static final List<SourceType> SOURCES = List.of(SourceType.UMBILICAL_CORD_MSC, SourceType.ADIPOSE_MSC, SourceType.BONE_MARROW_MSC);
    public static final List<Route> ROUTES = List.of(Route.ELECTROPORATION, Route.TOPICAL_INTACT_SKIN);
    /** The clinics' codes: Seoul (KR), Boston (US), Tokyo (JP), Hong Kong (HK). */
    public static final List<String> CLINICS = List.of("RCSEOUL", "RCBOSTON", "RCTOKYO", "RCHONGKONG");
    public static final Map<Route, String> TEMPLATES = Collections.unmodifiableMap(new EnumMap<>(Map.of(Route.ELECTROPORATION, "AD-REDNESS-EP",
            Route.TOPICAL_INTACT_SKIN, "AD-TOPICAL")));
    public static final String SPLIT_FACE_TEMPLATE = "HYPERPIG-HOME";
    public static final String SPLIT_FACE_CLINIC = "RCSEOUL";

    /**
     * One patient of the atopic dermatitis cohort as designed; the SCORAD values are the realised ones.
     *
     * @param startDaysAgo  the first session (and baseline) this many days before the load
     * @param scorad        realised SCORAD at day 0, 28, 56, 84 (NaN when not assessed)
     * @param visitDay      the day after baseline of each assessment (0 and about 28, 56, 84)
     */
    public record Subject(int number, String givenName, String familyName, String sex, int age, String fitzpatrick, String clinic,
                          SourceType source, Route route, int lot, double sessionDose, boolean researchConsent, boolean withdrawn,
                          boolean adverseEvent, int startDaysAgo, int[] visitDay, Components[] components, double[] scorad) {

        /** In the research set: a research-use consent that was not withdrawn. */
        public boolean inResearch() {
            return researchConsent && !withdrawn;
        }

        public boolean hasDay84() {
            return !Double.isNaN(scorad[3]);
        }

        public boolean hasDay56() {
            return !Double.isNaN(scorad[2]);
        }

        /** The realised percent change from baseline at visit 1, 2 or 3 (NaN when missing). */
        public double percentChange(int visit) {
            return 100 * (scorad[visit] - scorad[0]) / scorad[0];
        }

        /** The expected percent change at day 84 under the model (without the noise). */
        public double expectedChange() {
            return SOURCE_MEAN.get(source) + ROUTE_EFFECT.get(route) + DOSE_SLOPE_PER_BILLION * (sessionDose - DOSE_REFERENCE) / 1e9;
        }
    }

    /** SCORAD components: extent A (%), the six intensity signs (0-3), pruritus and sleeplessness (0-10). */
    public record Components(double extent, int[] intensity, double pruritus, double sleeplessness) {

        public double score() {
            return extent / 5 + 3.5 * java.util.Arrays.stream(intensity).sum() + pruritus + sleeplessness;
        }
    }

    /**
     * A split-face patient: melanin index per side at baseline and days 14, 28, 56.
     *
     * @param treated the treated side's readings; {@code control} the other side's
     */
    public record SplitFaceSubject(int number, String givenName, String familyName, String sex, int age, String fitzpatrick,
                                   boolean researchConsent, boolean withdrawn, boolean adverseEvent, int startDaysAgo, double[] treated,
                                   double[] control) {

        public boolean inResearch() {
            return researchConsent && !withdrawn;
        }

        public double treatedChange() {
            return 100 * (treated[3] - treated[0]) / treated[0];
        }

        public double controlChange() {
            return 100 * (control[3] - control[0]) / control[0];
        }
    }

    /**
     * What an analysis of the cohort should recover: expectations under the model over the realised design (not sample means).
     *
     * @param analysed                 the patients the expectations are over
     * @param meanChangeBySource       expected mean % change of SCORAD at day 84 per source type
     * @param meanChangeByRoute        expected mean % change at day 84 per route
     * @param routeDifference          electroporation minus topical, in percentage points (difference of the expected group means)
     * @param doseSlopePerBillion      the expected least-squares slope of % change at day 84 on the session dose, in percentage
     *                                 points per 10^9 particles (the model's {@link #DOSE_SLOPE_PER_BILLION} plus any imbalance of
     *                                 the design); the course dose is {@value #SESSIONS} times the session dose
     * @param splitFaceDifference      split face: expected treated-minus-control % change of the melanin index at day 56 (pp)
     * @param splitFaceAbsoluteDifference the same in melanin index units: expected (treated change) minus (control change)
     * @param adverseEventRate         the probability of an adverse event per patient by source type
     */
    public record Truth(int analysed, Map<SourceType, Double> meanChangeBySource, Map<Route, Double> meanChangeByRoute,
                        double routeDifference, double doseSlopePerBillion, int splitFaceAnalysed, double splitFaceDifference,
                        double splitFaceAbsoluteDifference, Map<SourceType, Double> adverseEventRate) {}

    private ResearchCohort() {}

    public static List<Subject> subjects() {
        return SUBJECTS;
    }

    public static List<SplitFaceSubject> splitFaceSubjects() {
        return SPLIT_FACE;
    }

    /** The truth over the research set with a day-84 assessment (split face: the research set). */
    public static Truth truth() {
        return truth(s -> s.inResearch() && s.hasDay84(), SplitFaceSubject::inResearch);
    }

    /** The truth over the chosen patients. */
    public static Truth truth(Predicate<Subject> which, Predicate<SplitFaceSubject> whichSplitFace) {
        List<Subject> in = SUBJECTS.stream().filter(which).toList();
        Map<SourceType, Double> bySource = new EnumMap<>(SourceType.class);
        for (SourceType s : SOURCES) bySource.put(s, mean(in.stream().filter(x -> x.source() == s).toList(), Subject::expectedChange));
        Map<Route, Double> byRoute = new EnumMap<>(Route.class);
        for (Route r : ROUTES) byRoute.put(r, mean(in.stream().filter(x -> x.route() == r).toList(), Subject::expectedChange));
        double doseMean = mean(in, Subject::sessionDose);
        double sxy = 0;
        double sxx = 0;
        for (Subject s : in) {
            double dx = (s.sessionDose() - doseMean) / 1e9;
            sxy += dx * s.expectedChange();
            sxx += dx * dx;
        }
        List<SplitFaceSubject> split = SPLIT_FACE.stream().filter(whichSplitFace).toList();
        double absolute = mean(split, s -> SPLIT_TREATED / 100 * s.treated()[0] - SPLIT_CONTROL / 100 * s.control()[0]);
        return new Truth(in.size(), Collections.unmodifiableMap(bySource), Collections.unmodifiableMap(byRoute),
                byRoute.get(Route.ELECTROPORATION) - byRoute.get(Route.TOPICAL_INTACT_SKIN), sxy / sxx, split.size(),
                SPLIT_TREATED - SPLIT_CONTROL, absolute, ADVERSE_EVENT_RATE);
    }

    private static <T> double mean(List<T> rows, ToDoubleFunction<T> value) {
        return rows.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static final String[] GIVEN_FEMALE = {"Aria", "Bora", "Chloe", "Dana", "Elena", "Fumiko", "Grace", "Hana", "Iris", "Jia",
        "Keiko", "Lina", "Mei", "Nora", "Olivia", "Priya", "Rina", "Sofia", "Tara", "Yuna"};
    private static final String[] GIVEN_MALE = {"Aiden", "Bo-gum", "Chen", "Daniel", "Ethan", "Farhan", "Gabriel", "Haruto", "Ivan", "Jun",
        "Kenji", "Leo", "Marco", "Noah", "Omar", "Ren", "Samuel", "Tomas", "Wei", "Yusuf"};
    private static final String[] FAMILY = {"Abe", "Bae", "Cheung", "Diaz", "Endo", "Fong", "Goh", "Han", "Ishii", "Jeon", "Kwok", "Lam",
        "Moreno", "Nakano", "Oh", "Patel", "Quinn", "Ryu", "Sato", "Tan", "Ueda", "Vance", "Wong", "Yamada", "Zhou"};
    private static final String[] PHOTOTYPES = {"I", "II", "III", "IV", "V", "VI"};

    private static final List<Subject> SUBJECTS;
    private static final List<SplitFaceSubject> SPLIT_FACE;

    static {
        Random random = new Random(SEED);
        SUBJECTS = Collections.unmodifiableList(subjects(random));
        SPLIT_FACE = Collections.unmodifiableList(splitFace(random));
    }

    private static List<Subject> subjects(Random random) {
        // source, route, lot, clinic, research consent, withdrawn, lost before day 84, lost before day 56
        List<int[]> cells = new ArrayList<>();
        for (int s = 0; s < SOURCES.size(); s++) {
            for (int r = 0; r < ROUTES.size(); r++) {
                List<int[]> cell = new ArrayList<>();
                for (int k = 0; k < PATIENTS / 6; k++) {
                    int clinic = ROUTES.get(r) == Route.TOPICAL_INTACT_SKIN && k % 2 == 0 ? 3
                            : ROUTES.get(r) == Route.TOPICAL_INTACT_SKIN ? (k / 2 + s) % 3 : (k + s) % 3;
                    int research = random.nextDouble() < RESEARCH_CONSENT_RATE ? 1 : 0;
                    int withdrawn = research == 1 && random.nextDouble() < WITHDRAWAL_RATE ? 1 : 0;
                    int lost = random.nextDouble() < LOST_BEFORE_DAY_84 ? 1 : 0;
                    int lostBefore56 = lost == 1 && random.nextDouble() < 0.4 ? 1 : 0;
                    cell.add(new int[] {s, r, 0, clinic, research, withdrawn, lost, lostBefore56});
                }
                // The lots in turn, first over the patients who will be analysed (research consent kept, day 84 assessed), then over
                // the others: the doses stay balanced within each source and route in the analysed set as in the whole cohort.
                int turn = s * ROUTES.size() + r;
                for (int[] c : cell) if (c[4] == 1 && c[5] == 0 && c[6] == 0) c[2] = turn++ % CONCENTRATIONS.size();
                for (int[] c : cell) if (!(c[4] == 1 && c[5] == 0 && c[6] == 0)) c[2] = turn++ % CONCENTRATIONS.size();
                cells.addAll(cell);
            }
        }
        Collections.shuffle(cells, random);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            int[] c = cells.get(i);
            SourceType source = SOURCES.get(c[0]);
            Route route = ROUTES.get(c[1]);
            String clinic = CLINICS.get(c[3]);
            boolean female = random.nextDouble() < 0.6;
            String given = female ? GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)] : GIVEN_MALE[random.nextInt(GIVEN_MALE.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            int age = 18 + random.nextInt(48);
            String phototype = clinic.equals("RCBOSTON") ? PHOTOTYPES[random.nextInt(6)] : PHOTOTYPES[2 + random.nextInt(2)];
            boolean research = c[4] == 1;
            boolean withdrawn = c[5] == 1;
            boolean adverse = random.nextDouble() < ADVERSE_EVENT_RATE.get(source);
            boolean lost = c[6] == 1;
            boolean lostBefore56 = c[7] == 1;
            int start = 100 + random.nextInt(240);
            int[] days = {0, 28 + random.nextInt(7) - 3, 56 + random.nextInt(7) - 3, 84 + random.nextInt(9) - 4};
            double dose = CONCENTRATIONS.get(c[2]) * VOLUME_ML;
            Subject draft = new Subject(i + 1, given, family, female ? "FEMALE" : "MALE", age, phototype, clinic, source, route, c[2], dose,
                    research, withdrawn, adverse, start, days, null, null);
            double pct84 = draft.expectedChange() + truncatedNormal(random, NOISE_SD);
            double pct56 = Math.max(-99, 0.8 * pct84 + truncatedNormal(random, 3));
            double pct28 = Math.max(-99, 0.45 * pct84 + truncatedNormal(random, 3));
            Components baseline = baseline(random);
            Components[] comps = {baseline, at(baseline, pct28), lostBefore56 ? null : at(baseline, pct56), lost ? null : at(baseline, pct84)};
            double[] scorad = new double[4];
            for (int v = 0; v < 4; v++) scorad[v] = comps[v] == null ? Double.NaN : comps[v].score();
            subjects.add(new Subject(i + 1, given, family, draft.sex(), age, phototype, clinic, source, route, c[2], dose, research, withdrawn,
                    adverse, start, days, comps, scorad));
        }
        return subjects;
    }

    /** Moderate to severe: A 25-60 %, B 6-12, pruritus 4-7, sleeplessness 2-6. */
    private static Components baseline(Random random) {
        double extent = round1(25 + 35 * random.nextDouble());
        int[] signs = new int[6];
        int b = 6 + random.nextInt(7);
        for (int n = 0; n < b; n++) {
            int sign;
            do {
                sign = random.nextInt(6);
            } while (signs[sign] == 3);
            signs[sign]++;
        }
        return new Components(extent, signs, round1(4 + 3 * random.nextDouble()), round1(2 + 4 * random.nextDouble()));
    }

    /**
     * The components of a SCORAD {@code pct} % from the baseline's: each sign, pruritus and sleeplessness scaled by the ratio
     * and rounded down, the extent taking the rest, to 0.1 %. The ratio lies in (0.06, 1.17), so the signs stay at most 3 and the
     * extent between 0 and 100.
     */
    static Components at(Components baseline, double pct) {
        double ratio = 1 + pct / 100;
        double target = baseline.score() * ratio;
        int[] signs = new int[6];
        double signTotal = java.util.Arrays.stream(baseline.intensity()).sum() * ratio;
        int b = (int) Math.floor(signTotal);
        for (int n = 0, sign = 0; n < b; sign = (sign + 1) % 6) {
            if (signs[sign] < 3) {
                signs[sign]++;
                n++;
            }
        }
        double pruritus = Math.floor(baseline.pruritus() * ratio * 10) / 10;
        double sleeplessness = Math.floor(baseline.sleeplessness() * ratio * 10) / 10;
        double extent = round1(5 * (target - 3.5 * b - pruritus - sleeplessness));
        if (extent < 0 || extent > 100 || pruritus > 10 || sleeplessness > 10) {
            throw new IllegalStateException("SCORAD components out of range for a change of " + pct + " %");
        }
        return new Components(extent, signs, pruritus, sleeplessness);
    }

    private static List<SplitFaceSubject> splitFace(Random random) {
        List<SplitFaceSubject> subjects = new ArrayList<>();
        double[] path = {0, 0.4, 0.7, 1.0};
        for (int i = 0; i < SPLIT_FACE_PATIENTS; i++) {
            boolean female = random.nextDouble() < 0.8;
            String given = female ? GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)] : GIVEN_MALE[random.nextInt(GIVEN_MALE.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            int age = 25 + random.nextInt(40);
            String phototype = PHOTOTYPES[2 + random.nextInt(3)];
            boolean research = random.nextDouble() < RESEARCH_CONSENT_RATE;
            boolean withdrawn = research && random.nextDouble() < WITHDRAWAL_RATE;
            boolean adverse = random.nextDouble() < ADVERSE_EVENT_RATE.get(SourceType.UMBILICAL_CORD_MSC);
            int start = 70 + random.nextInt(200);
            double baseline = 220 + 160 * random.nextDouble();
            double shared = truncatedNormal(random, 4);
            double treatedPct = SPLIT_TREATED + shared + truncatedNormal(random, 3);
            double controlPct = SPLIT_CONTROL + shared + truncatedNormal(random, 3);
            double treatedBase = round1(baseline * (1 + 0.03 * (2 * random.nextDouble() - 1)));
            double controlBase = round1(baseline * (1 + 0.03 * (2 * random.nextDouble() - 1)));
            double[] treated = new double[4];
            double[] control = new double[4];
            for (int v = 0; v < 4; v++) {
                treated[v] = round1(treatedBase * (1 + path[v] * treatedPct / 100));
                control[v] = round1(controlBase * (1 + path[v] * controlPct / 100));
            }
            subjects.add(new SplitFaceSubject(i + 1, given, family, female ? "FEMALE" : "MALE", age, phototype, research, withdrawn, adverse,
                    start, treated, control));
        }
        return subjects;
    }

    /** Normal with mean 0, redrawn outside ±{@value #NOISE_TRUNCATION} sd: symmetric, so its mean stays 0. */
    private static double truncatedNormal(Random random, double sd) {
        double z;
        do {
            z = random.nextGaussian();
        } while (Math.abs(z) > NOISE_TRUNCATION);
        return z * sd;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static <K extends Enum<K>> Map<K, Double> enumMap(Class<K> type, K k1, double v1, K k2, double v2) {
        Map<K, Double> m = new EnumMap<>(type);
        m.put(k1, v1);
        m.put(k2, v2);
        return Collections.unmodifiableMap(m);
    }

    private static <K extends Enum<K>> Map<K, Double> enumMap(Class<K> type, K k1, double v1, K k2, double v2, K k3, double v3) {
        Map<K, Double> m = new EnumMap<>(type);
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return Collections.unmodifiableMap(m);
    }
}
