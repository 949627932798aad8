package org.exotrace.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.Cohorts;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The de-identified export and the costs on small cohorts of this test's own: each cohort is the
 * courses that used a unit of one lot made for the test, so other tests' patients never count.
 * Patients are all born on 1985-02-01, female, without a phototype; EASI on the lower limbs only
 * (70 %, area score 5) is 0.4 x 5 x the sum of the four signs: all four at 2 score 16.
 */
class ExportAndCostIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser analyst;
    private TestUser qa;
    private TestUser doctor;
    private TestUser researcher;
    private ClinicScenarios scenarios;
    private final LocalDate start = LocalDate.now().minusDays(60);

    @BeforeEach
    void setUp() {
        admin = user(Role.ADMIN);
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctor = user(Role.CLINICIAN);
        researcher = user(Role.RESEARCHER);
        scenarios = new ClinicScenarios(mvc, admin);
    }

    /** A released lot split into {@code units} units; its code and the unit codes. */
    private record TestLot(String code, List<String> units) {}

    private TestLot lot(int units) throws Exception {
        String id = new LotScenarios(mvc, analyst).released(qa);
        List<String> codes = scenarios.split(id, analyst, units);
        return new TestLot(jdbc.sql("select code from lot where id = ?::uuid").param(id).query(String.class).single(), codes);
    }

    /**
     * A patient of the clinic with one AD-REDNESS-EP course: one session 60 days ago with the unit,
     * EASI {@code baseline} at baseline and {@code day28} 28 days later (each sign an eighth of the score)
     * (none when null); with a research-use consent when {@code research}. The plan's id.
     */
    private String course(String clinic, String unit, boolean research, double baseline, Double day28) throws Exception {
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        if (research) {
            postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"RESEARCH_USE\", \"formVersion\": \"RU-1\", \"signedOn\": \""
                    + LocalDate.now().minusDays(100) + "\", \"signedBy\": \"Test Patient\"}").andExpect(status().isCreated());
        }
        String plan = read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \"" + scenarios.templateId("AD-REDNESS-EP", doctor)
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"startOn\": \""
                + start + "\", \"confirmDuplicate\": true}").andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/plans/" + plan + "/sessions", doctor, "{\"unitCode\": \"" + unit + "\", \"volumeMl\": 0.5, \"area\": \"face\", \"performedOn\": \""
                + start + "\"}").andExpect(status().isCreated());
        scenarios.lowerLimbEasi(patient, doctor, plan, start, baseline / 8, baseline / 8, baseline / 8, baseline / 8);
        if (day28 != null) scenarios.lowerLimbEasi(patient, doctor, plan, start.plusDays(28), day28 / 8, day28 / 8, day28 / 8, day28 / 8);
        return plan;
    }

    /** Ships the units to the clinic and has them received there on the day the courses start, so that sessions may be dated then. */
    private void shipAndReceive(String clinic, TestUser analyst, TestUser doctor, List<String> units) throws Exception {
        String body = "{\"clinicId\": \"" + clinic + "\", \"shippedOn\": \"" + start + "\", \"unitCodes\": [\""
                + String.join("\", \"", units) + "\"]}";
        String shipment = read(postJson("/api/shipments", analyst, body).andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/shipments/" + shipment + "/receipt", doctor, "{\"on\": \"" + start + "\"}").andExpect(status().isOk());
    }

    private String clinicCode(String clinicId) {
        return jdbc.sql("select code from clinic where id = ?::uuid").param(clinicId).query(String.class).single();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
    }

    private String exportBody(String lotCode, String extra) {
        return "{\"filter\": {\"lotCode\": \"" + lotCode + "\"}, \"instrument\": \"EASI\", \"visits\": [0, 28]" + extra + "}";
    }

    @Test
    void anExportHoldsOnlyConsentingPatientsWithoutPseudonymsOrDatesIsFiveAnonymousAndIsAudited() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        String other = scenarios.clinic("KR", doctor);
        TestLot lot = lot(8);
        shipAndReceive(clinic, analyst, doctor, lot.units().subList(0, 7));
        shipAndReceive(other, analyst, doctor, lot.units().subList(7, 8));
        for (int i = 0; i < 6; i++) course(clinic, lot.units().get(i), true, 16, 8.0);
        course(clinic, lot.units().get(6), false, 16, 8.0);
        course(other, lot.units().get(7), true, 16, 4.0);
        List<String> pseudonyms = jdbc.sql("select pseudonym from patient where clinic_id in (?::uuid, ?::uuid)").params(clinic, other)
                .query(String.class).list();
        long audited = jdbc.sql("select count(*) from audit_entry where record_type = 'evidence_export'").query(Long.class).single();

        MvcResult r = postJson("/api/evidence/exports", researcher, exportBody(lot.code(), "")).andExpect(status().isOk())
                .andExpect(content().contentType("application/zip")).andReturn();

        byte[] zip = r.getResponse().getContentAsByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("data.csv", "data-dictionary.csv", "README.txt");
        List<CSVRecord> rows = csv(files.get("data.csv"));
        // Seven consenting patients, two visits each; the eighth patient signed no research consent.
        assertThat(rows).hasSize(14);
        Set<String> studyIds = new HashSet<>();
        rows.forEach(row -> studyIds.add(row.get("study_id")));
        assertThat(studyIds).hasSize(7).allMatch(s -> s.matches("S\\d{3}"));
        // The one patient of the other clinic would be alone: the clinics go to their jurisdiction (ages to twenty-year bands and
        // phototypes to groups before it), and nobody is left out.
        Map<String, Set<String>> classes = new HashMap<>();
        for (CSVRecord row : rows) {
            classes.computeIfAbsent(row.get("age_band") + "|" + row.get("sex") + "|" + row.get("fitzpatrick") + "|" + row.get("site"),
                    k -> new HashSet<>()).add(row.get("study_id"));
        }
        assertThat(classes.values()).allSatisfy(people -> assertThat(people).hasSizeGreaterThanOrEqualTo(5));
        assertThat(classes).containsOnlyKeys("40-59|FEMALE|unknown|KR");
        assertThat(rows.stream().filter(row -> row.get("visit_day").equals("0")).map(row -> row.get("score"))).containsOnly("16");
        assertThat(rows.stream().filter(row -> row.get("visit_day").equals("28")).map(row -> row.get("score"))).containsOnly("8", "4");

        String everything = new String(files.get("data.csv"), StandardCharsets.UTF_8) + new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(pseudonyms).hasSize(8).allSatisfy(p -> assertThat(everything).doesNotContain(p));
        assertThat(everything).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain(lot.code()).doesNotContain(clinicCode(clinic));
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("k = 5 asked").contains("Smallest combination written: 7 people")
                .contains("Suppressed: 0 courses");

        String sha = r.getResponse().getHeader("X-Export-Sha256");
        assertThat(sha).isEqualTo(DeidentifiedExport.sha256(zip));
        Map<String, Object> row = jdbc.sql("select * from evidence_export where sha256 = ?").param(sha).query().singleRow();
        assertThat(row).containsEntry("created_by", researcher.username()).containsEntry("courses", 7).containsEntry("rows_written", 14)
                .containsEntry("k", 5).containsEntry("k_reached", 7).containsEntry("suppressed", 0).containsEntry("instrument", "EASI");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'evidence_export'").query(Long.class).single()).isEqualTo(audited + 1);
        assertThat(jdbc.sql("select new_value from audit_entry where record_type = 'evidence_export' and record_id = ?").param(row.get("id").toString())
                .query(String.class).single()).contains(sha).contains("lot = " + lot.code()).contains("\"suppressed\":0");

        // Asking for k = 8 leaves nobody: every course is suppressed and counted, and the export says so.
        MvcResult none = postJson("/api/evidence/exports", researcher, exportBody(lot.code(), ", \"k\": 8")).andExpect(status().isOk()).andReturn();
        Map<String, byte[]> empty = unzip(none.getResponse().getContentAsByteArray());
        assertThat(csv(empty.get("data.csv"))).isEmpty();
        assertThat(new String(empty.get("README.txt"), StandardCharsets.UTF_8)).contains("Suppressed: 7 courses of 7 people").contains("Nothing was written");

        getJson("/api/evidence/exports", researcher).andExpect(status().isOk()).andExpect(jsonPath("$[?(@.sha256 == '" + sha + "')].rows").value(14));
    }

    @Test
    void onlyResearchersExportAndBadInputIsRefusedFieldByFieldWithNothingWritten() throws Exception {
        for (Role role : List.of(Role.CLINICIAN, Role.QA_RELEASER, Role.ADMIN)) {
            postJson("/api/evidence/exports", user(role), exportBody("L-NONE", "")).andExpect(status().isForbidden());
        }
        List<Long> before = counts("evidence_export");
        postJson("/api/evidence/exports", researcher, exportBody("L-NONE", ", \"k\": 1")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andExpect(jsonPath("$.errors.k").value("k is at least 5"));
        postJson("/api/evidence/exports", researcher, "{\"instrument\": \"NOPE\", \"visits\": [0]}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.instrument").value(org.hamcrest.Matchers.startsWith("\"NOPE\" is not one of")));
        postJson("/api/evidence/exports", researcher, "{\"instrument\": \"EASI\", \"visits\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.visits").exists());
        assertThat(counts("evidence_export")).isEqualTo(before);

        mvc.perform(get("/evidence/export").with(researcher.basic())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("export-form")));
        mvc.perform(post("/evidence/export").with(researcher.basic()).param("instrument", "EASI").param("visits", "0, 28").param("k", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/evidence/export").with(researcher.basic()).with(csrf()).param("instrument", "EASI").param("visits", "0, x").param("k", "5"))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("is not a whole number of days")));
        mvc.perform(get("/evidence/export").with(doctor.basic())).andExpect(status().isForbidden());
    }

    @Test
    void costPerResponderIsTheGroupsCostOverItsRespondersAndAMissingCostIsReportedNotTakenAsZero() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        TestLot lot = lot(10);
        shipAndReceive(clinic, analyst, doctor, lot.units().subList(0, 4));
        // EASI 16 at baseline; at day 28: 4 and 4 (a 75 % drop: responders at 50 %), 12 (25 %: not), and one never assessed again.
        course(clinic, lot.units().get(0), true, 16, 4.0);
        course(clinic, lot.units().get(1), true, 16, 4.0);
        course(clinic, lot.units().get(2), true, 16, 12.0);
        course(clinic, lot.units().get(3), true, 16, null);
        String query = "/api/evidence/costs?instrument=EASI&day=28&window=7&dropPercent=50&groupBy=ALL";

        postJson("/api/evidence/costs/lots", researcher, "{\"code\": \"" + lot.code() + "\", \"amount\": 1000, \"currency\": \"hkd\", \"note\": \"invoice 7\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.currency").value("HKD"));
        String withLot = saveCohort(lot.code());
        getJson(query + "&cohortId=" + withLot, researcher).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].courses").value(4))
                .andExpect(jsonPath("$.groups[0].assessed").value(3))
                .andExpect(jsonPath("$.groups[0].responders").value(2))
                .andExpect(jsonPath("$.groups[0].costed").value(0))
                .andExpect(jsonPath("$.groups[0].withoutCost").value(4))
                .andExpect(jsonPath("$.groups[0].missing[0]").value("clinic " + clinicCode(clinic) + " has no session cost"))
                .andExpect(jsonPath("$.groups[0].total").doesNotExist())
                .andExpect(jsonPath("$.groups[0].perResponder").doesNotExist());

        postJson("/api/evidence/costs/sessions", researcher, "{\"code\": \"" + clinicCode(clinic) + "\", \"amount\": 50, \"currency\": \"HKD\"}")
                .andExpect(status().isCreated());
        // A unit costs 1000 / 10 = 100, a session 50: each course 150, four courses 600, two responders 300 each.
        getJson(query + "&cohortId=" + withLot, researcher).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].group").value("all"))
                .andExpect(jsonPath("$.groups[0].costed").value(4))
                .andExpect(jsonPath("$.groups[0].withoutCost").value(0))
                .andExpect(jsonPath("$.groups[0].currency").value("HKD"))
                .andExpect(jsonPath("$.groups[0].total").value(600.0))
                .andExpect(jsonPath("$.groups[0].perCourse").value(150.0))
                .andExpect(jsonPath("$.groups[0].perResponder").value(300.0))
                .andExpect(jsonPath("$.groups[0].problem").doesNotExist());

        // The lot's cost recorded again in dollars: the newest is in force, and dollars are not added to the clinic's Hong Kong dollars.
        postJson("/api/evidence/costs/lots", researcher, "{\"code\": \"" + lot.code() + "\", \"amount\": 130, \"currency\": \"USD\"}")
                .andExpect(status().isCreated());
        getJson(query + "&cohortId=" + withLot, researcher).andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].total").doesNotExist())
                .andExpect(jsonPath("$.groups[0].problem").value("cannot add amounts in different currencies: HKD, USD"));

        postJson("/api/evidence/costs/lots", researcher, "{\"code\": \"L-NOPE\", \"amount\": -1, \"currency\": \"XX\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("no lot L-NOPE")).andExpect(jsonPath("$.errors.amount").exists())
                .andExpect(jsonPath("$.errors.currency").exists());
        getJson("/api/evidence/costs?instrument=EASI&dropPercent=50", researcher).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.day").exists());
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'evidence_lot_cost' and actor = ?").param(researcher.username())
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/evidence/costs").with(researcher.basic()).param("cohortId", withLot).param("instrument", "EASI").param("day", "28")
                .param("window", "7").param("dropPercent", "50").param("groupBy", "ALL")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot add amounts in different currencies: HKD, USD")));
    }

    /** Saves a cohort of the courses that used a unit of the lot; its id. */
    private String saveCohort(String lotCode) throws Exception {
        return transaction().execute(tx -> {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(researcher.username(), null,
                            List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_RESEARCHER"))));
            try {
                return cohorts.save("cost test " + lotCode, new CohortFilter(null, null, null, null, lotCode, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null)).id().toString();
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        });
    }

    @org.springframework.beans.factory.annotation.Autowired private Cohorts cohorts;
}
