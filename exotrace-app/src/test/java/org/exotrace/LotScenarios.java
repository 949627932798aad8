package org.exotrace;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest.TestUser;
import org.exotrace.donor.ConsentScope;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Builds lots in a known state by calling the real API, one transition at a time, the way a lab
 * would: register a human donor, screen every test of their panel, record consents, an isolation
 * batch, a lot of {@value #PRODUCT}, then results, and finally a signed release. Every step asserts its own
 * success, so a broken step fails at the step and not in the test that uses the scenario.
 *
 * <p>Results are entered by {@code analyst}; releases are signed by the QA user passed in, who
 * must not be the analyst (two-person rule).
 */
public final class LotScenarios {

    public static final String PRODUCT = "HMSC-EXO-SERUM";

    /** The consents HMSC-EXO-SERUM needs from every donor at the root of a lot. */
    public static final List<ConsentScope> PRODUCT_SCOPES = List.of(ConsentScope.COSMETIC_USE, ConsentScope.COMMERCIAL);

    /**
     * One passing result for every test whose result a release needs under the default
     * specification (DefaultSpecifications.humanMscExosomeSerum): each required measured test, and
     * the particle concentration that the required, derived particles per ampoule is computed from
     * (4.0e9 /mL, the concentration {@link #lot} declares, × 2 mL = 8.0e9 particles per ampoule). In the
     * specification's units: a number with its unit, or a category.
     */
    public static final Map<String, Object[]> PASSING_REQUIRED = passingRequired();

    /** The required tests of the default specification, by code, with their names as refusals print them. */
    public static final Map<String, String> REQUIRED_TEST_NAMES = requiredTestNames();

    /** The tests a release needs results of: the required measured tests and the measured factors of the required derived ones. */
    public static final java.util.Set<String> RESULTS_A_RELEASE_NEEDS = resultsAReleaseNeeds();

    /** A donor and the id of each consent granted to them. */
    public record DonorRef(String id, Map<ConsentScope, String> consents) {}

    private final MockMvc mvc;
    private final TestUser analyst;

    public LotScenarios(MockMvc mvc, TestUser analyst) {
        this.mvc = mvc;
        this.analyst = analyst;
    }

    public TestUser analyst() {
        return analyst;
    }

    /**
     * A human (umbilical cord MSC) donor collected five days ago in the lab's country, screened
     * negative for every test of the applicable panel ({@link #screenFullPanel}), with a consent for
     * each scope: eligible.
     */
    public DonorRef humanDonor(List<ConsentScope> scopes) throws Exception {
        String donor = id(postJson("/api/donors", analyst, """
                {"sourceType": "UMBILICAL_CORD_MSC", "sourceDetail": "scenario donor", "collectedOn": "%s"}"""
                .formatted(LocalDate.now().minusDays(5)))
                .andExpect(status().isCreated()));
        screenFullPanel(donor);
        Map<ConsentScope, String> consents = new EnumMap<>(ConsentScope.class);
        for (ConsentScope scope : scopes) {
            consents.put(scope, id(postJson("/api/donors/" + donor + "/consents", analyst, """
                    {"scope": "%s", "grantedOn": "%s", "documentReference": "CF-SCENARIO"}"""
                    .formatted(scope, LocalDate.now().minusDays(4)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("GRANTED"))));
        }
        return new DonorRef(donor, Map.copyOf(consents));
    }

    /**
     * Records, through the API, a negative result for every required test of the panel that
     * applies to the donor, sampled on the collection date (today when none is recorded), and
     * asserts the donor is then eligible (when a collection date and a panel with tests make that
     * possible). Answers the recorded result ids by test code.
     */
    public Map<String, String> screenFullPanel(String donorId) throws Exception {
        MvcResult donor = mvc.perform(get("/api/donors/" + donorId).with(httpBasic(analyst.username(), analyst.password()))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andReturn();
        String body = donor.getResponse().getContentAsString();
        String collectedOn = (String) JsonPath.<Map<String, Object>>read(body, "$").get("collectedOn");
        LocalDate sampledOn = collectedOn == null ? LocalDate.now() : LocalDate.parse(collectedOn);
        List<Map<String, Object>> tests = JsonPath.read(body, "$.determination.tests");
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> test : tests) {
            ids.put((String) test.get("testCode"), id(postJson("/api/donors/" + donorId + "/screenings", analyst, """
                    {"testCode": "%s", "result": "%s", "sampledOn": "%s"}"""
                    .formatted(test.get("testCode"), test.get("negativeResult"), sampledOn))
                    .andExpect(status().isCreated())));
        }
        if (collectedOn != null && !tests.isEmpty()) {
            mvc.perform(get("/api/donors/" + donorId + "/eligibility").with(httpBasic(analyst.username(), analyst.password()))
                    .accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.eligibility").value("ELIGIBLE"));
        }
        return ids;
    }

    /** An isolation batch (size-exclusion chromatography) from the donor's material. */
    public String batch(String donorId) throws Exception {
        return id(postJson("/api/batches", analyst, """
                {"donorId": "%s", "method": "SIZE_EXCLUSION_CHROMATOGRAPHY", "inputVolumeMl": 50, "startedOn": "%s"}"""
                .formatted(donorId, LocalDate.now().minusDays(3)))
                .andExpect(status().isCreated()));
    }

    /** A primary lot of {@value #PRODUCT} from the batch; it starts IN_TESTING. */
    public String lot(String batchId) throws Exception {
        return id(postJson("/api/batches/" + batchId + "/lots", analyst, """
                {"productCode": "%s", "concentrationPerMl": 4.0E9, "volumeMl": 20, "manufacturedOn": "%s"}"""
                .formatted(PRODUCT, LocalDate.now().minusDays(2)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("IN_TESTING")));
    }

    /** A lot in testing, without results, whose donor consented to everything the product needs. */
    public String lotInTesting() throws Exception {
        return lotInTesting(humanDonor(PRODUCT_SCOPES));
    }

    public String lotInTesting(DonorRef donor) throws Exception {
        return lot(batch(donor.id()));
    }

    /** Enters a passing result for every required test; answers the result id per test code. */
    public Map<String, String> allRequiredResultsPassing(String lotId) throws Exception {
        return resultsPassing(lotId, PASSING_REQUIRED.keySet());
    }

    /** Enters the passing result of each named test of {@link #PASSING_REQUIRED}. */
    public Map<String, String> resultsPassing(String lotId, java.util.Collection<String> codes) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : codes) {
            Object[] result = PASSING_REQUIRED.get(code);
            ids.put(code, result.length == 2 ? numeric(lotId, code, (Double) result[0], (String) result[1], analyst)
                    : categorical(lotId, code, (String) result[0], analyst));
        }
        return ids;
    }

    /** A lot in testing with every required result passing: ready for release by a QA user. */
    public String passingLot() throws Exception {
        String lot = lotInTesting();
        allRequiredResultsPassing(lot);
        return lot;
    }

    /** A passing lot released by {@code qa} under an electronic signature. */
    public String released(TestUser qa) throws Exception {
        String lot = passingLot();
        release(lot, qa).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("RELEASE"));
        return lot;
    }

    /**
     * A lot with every required result entered, all passing except endotoxin at 2.0 EU/mL (limit ≤ 0.5),
     * whose out-of-specification investigation is therefore open (see InvestigationScenarios).
     */
    public String outOfSpecification() throws Exception {
        String lot = lotInTesting();
        resultsPassing(lot, PASSING_REQUIRED.keySet().stream().filter(code -> !code.equals("endotoxin")).toList());
        recordResult(lot, analyst, numericJson("endotoxin", 2.0, "EU/mL"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdictAtEntry").value("FAIL"));
        return lot;
    }

    /** Records a numeric result as {@code as}; answers its id. */
    public String numeric(String lotId, String code, double value, String unit, TestUser as) throws Exception {
        return id(recordResult(lotId, as, numericJson(code, value, unit)).andExpect(status().isCreated()));
    }

    /** Records a categorical result as {@code as}; answers its id. */
    public String categorical(String lotId, String code, String category, TestUser as) throws Exception {
        return id(recordResult(lotId, as, categoricalJson(code, category)).andExpect(status().isCreated()));
    }

    public ResultActions recordResult(String lotId, TestUser as, String json) throws Exception {
        return postJson("/api/lots/" + lotId + "/results", as, json);
    }

    /** Signs a release as {@code qa} with their own user name and password. */
    public ResultActions release(String lotId, TestUser qa) throws Exception {
        return sign(lotId, "release", qa, qa.username(), qa.password(), null);
    }

    /** Posts a signature to {@code /api/lots/{lot}/{action}} (release, rejection or quarantine). */
    public ResultActions sign(String lotId, String action, TestUser caller, String username, String password, String reason)
            throws Exception {
        String json = reason == null
                ? """
                  {"username": "%s", "password": "%s"}""".formatted(username, password)
                : """
                  {"username": "%s", "password": "%s", "reason": "%s"}""".formatted(username, password, reason);
        return postJson("/api/lots/" + lotId + "/" + action, caller, json);
    }

    public MvcResult lot(String lotId, TestUser as) throws Exception {
        return mvc.perform(get("/api/lots/" + lotId).with(httpBasic(as.username(), as.password())).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
    }

    public static String numericJson(String code, double value, String unit) {
        return """
                {"testCode": "%s", "value": %s, "unit": "%s", "method": "scenario method", "performedAt": "%s"}"""
                .formatted(code, value, unit, performedAt());
    }

    public static String categoricalJson(String code, String category) {
        return """
                {"testCode": "%s", "category": "%s", "method": "scenario method", "performedAt": "%s"}"""
                .formatted(code, category, performedAt());
    }

    /** An hour ago: in the past, and later than nothing a scenario entered before. */
    public static Instant performedAt() {
        return Instant.now().minus(1, ChronoUnit.HOURS);
    }

    private ResultActions postJson(String path, TestUser as, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(as.username(), as.password()))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
    }

    private static String id(ResultActions actions) throws Exception {
        return JsonPath.read(actions.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static Map<String, Object[]> passingRequired() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("size_mode", new Object[] {104.0, "nm"});
        m.put("particle_concentration", new Object[] {4.0e9, "particles/mL"});
        m.put("total_protein", new Object[] {250.0, "µg/mL"});
        m.put("particles_per_ug_protein", new Object[] {4.0e10, "particles/µg"});
        m.put("marker_transmembrane", new Object[] {"POSITIVE"});
        m.put("marker_cytosolic", new Object[] {"POSITIVE"});
        m.put("marker_calnexin", new Object[] {"NEGATIVE"});
        m.put("sterility", new Object[] {"NO_GROWTH"});
        m.put("endotoxin", new Object[] {0.1, "EU/mL"});
        m.put("mycoplasma", new Object[] {"NEGATIVE"});
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The sentence a refused release gives for a required test of the default specification that has no valid result. */
    public static String missingReason(String code) {
        org.exotrace.specification.TestDefinition test = org.exotrace.specification.DefaultSpecifications.humanMscExosomeSerum().stream()
                .filter(t -> t.code().equals(code)).findFirst().orElseThrow();
        if (!test.derived()) return test.name() + " is required and has no valid result";
        List<org.exotrace.specification.TestDefinition> spec = org.exotrace.specification.DefaultSpecifications.humanMscExosomeSerum();
        return test.name() + " is required and is computed as " + test.derivation().formula(spec) + ", which cannot be computed: "
                + String.join("; ", test.derivation().tests().stream().map(c -> spec.stream().filter(t -> t.code().equals(c))
                        .findFirst().orElseThrow().name() + " has no valid result").toList());
    }

    private static java.util.Set<String> resultsAReleaseNeeds() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        org.exotrace.specification.DefaultSpecifications.humanMscExosomeSerum().stream().filter(org.exotrace.specification.TestDefinition::required)
                .forEach(t -> codes.addAll(t.derived() ? t.derivation().tests() : List.of(t.code())));
        return java.util.Collections.unmodifiableSet(codes);
    }

    private static Map<String, String> requiredTestNames() {
        Map<String, String> m = new LinkedHashMap<>();
        org.exotrace.specification.DefaultSpecifications.humanMscExosomeSerum().stream()
                .filter(org.exotrace.specification.TestDefinition::required)
                .forEach(t -> m.put(t.code(), t.name()));
        return java.util.Collections.unmodifiableMap(m);
    }
}
