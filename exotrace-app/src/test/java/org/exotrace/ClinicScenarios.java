package org.exotrace;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.exotrace.IntegrationTest.TestUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Clinic set-ups through the API, as the people who do them: an administrator creates a clinic
 * and adds a clinician, the clinician registers a patient and plans a course, the lab ships
 * released units and the clinic receives them.
 */
public final class ClinicScenarios {

    private final MockMvc mvc;
    private final TestUser admin;

    public ClinicScenarios(MockMvc mvc, TestUser admin) {
        this.mvc = mvc;
        this.admin = admin;
    }

    /** A new clinic in {@code jurisdiction} with {@code doctors} on its staff; its id. */
    public String clinic(String jurisdiction, TestUser... doctors) throws Exception {
        String code = (jurisdiction + UUID.randomUUID().toString().substring(0, 6)).toUpperCase(Locale.ROOT).replace("-", "");
        String id = read(post("/api/clinics", admin, "{\"code\": \"" + code + "\", \"name\": \"Clinic " + code + "\", \"jurisdiction\": \""
                + jurisdiction + "\"}", 201), "$.id");
        for (TestUser doctor : doctors) {
            post("/api/clinics/" + id + "/members", admin, "{\"username\": \"" + doctor.username() + "\"}", 204);
        }
        return id;
    }

    /**
     * A patient (born 1985) of the clinic with the given indication, who signed the treatment consent
     * at registration (over a year ago, so that plans may start in the past); their id.
     */
    public String patient(String clinic, TestUser doctor, String indication) throws Exception {
        String patient = unconsentedPatient(clinic, doctor, indication);
        treatmentConsent(patient, doctor);
        return patient;
    }

    /** Records the patient's signed treatment consent, dated over a year ago so that plans may start in the past. */
    public void treatmentConsent(String patient, TestUser doctor) throws Exception {
        post("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-1\", \"signedOn\": \""
                + java.time.LocalDate.now().minusDays(400) + "\", \"signedBy\": \"Test Patient\"}", 201);
    }

    /** A patient of the clinic who has signed no consent yet; their id. */
    public String unconsentedPatient(String clinic, TestUser doctor, String indication) throws Exception {
        return read(post("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Test", "familyName": "Patient", "dateOfBirth": "1985-02-01", "sex": "FEMALE", "indications": ["%s"]}"""
                .formatted(indication), 201), "$.id");
    }

    /** The id of a shipped template (not a clinic's copy) by its code. */
    public String templateId(String code, TestUser as) throws Exception {
        MvcResult r = mvc.perform(get("/api/protocol-templates").with(as.basic())).andExpect(status().isOk()).andReturn();
        List<String> ids = read(r, "$[?(@.code == '" + code + "' && !@.clinicId)].id");
        return ids.get(0);
    }

    /** A cosmetic plan on a shipped template for an umbilical-cord MSC product, starting today (beside any running one); its id. */
    public String plan(String patient, TestUser doctor, String templateCode, String productCode) throws Exception {
        return read(post("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \"" + templateId(templateCode, doctor)
                + "\", \"productCode\": \"" + productCode + "\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", "
                + "\"confirmDuplicate\": true}", 201), "$.id");
    }

    /** A cosmetic plan on the template with this id, for the umbilical-cord MSC serum, starting on {@code startOn} (beside any running one); its id. */
    public String planFrom(String patient, TestUser doctor, String templateId, java.time.LocalDate startOn) throws Exception {
        return read(post("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \"" + templateId
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"confirmDuplicate\": true, \"startOn\": \""
                + startOn + "\"}", 201), "$.id");
    }

    /** An EASI under the plan with only the lower limbs affected, 70 % (area score 5): 0.4 x 5 x the sum of the four signs. */
    public void lowerLimbEasi(String patient, TestUser doctor, String plan, java.time.LocalDate on, double erythema, double oedema,
                              double excoriation, double lichenification) throws Exception {
        String clear = "{\"erythema\": 0, \"oedemaPapulation\": 0, \"excoriation\": 0, \"lichenification\": 0, \"areaPercent\": 0}";
        String lower = "{\"erythema\": %s, \"oedemaPapulation\": %s, \"excoriation\": %s, \"lichenification\": %s, \"areaPercent\": 70}"
                .formatted(erythema, oedema, excoriation, lichenification);
        post("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"EASI\", \"assessedOn\": \"" + on + "\", \"planId\": \""
                + plan + "\", \"components\": {\"headNeck\": " + clear + ", \"upperLimbs\": " + clear + ", \"trunk\": " + clear
                + ", \"lowerLimbs\": " + lower + "}}", 201);
    }

    /** Splits a lot into {@code count} units of 1 mL; their codes. */
    public List<String> split(String lot, TestUser analyst, int count) throws Exception {
        return read(post("/api/lots/" + lot + "/units", analyst, "{\"count\": " + count + ", \"volumeEachMl\": 1.0}", 201), "$[*].code");
    }

    /** Ships the units to the clinic (as the analyst) and confirms their receipt (as the doctor); the shipment id. */
    public String shipAndReceive(String clinic, TestUser analyst, TestUser doctor, List<String> units) throws Exception {
        String body = "{\"clinicId\": \"" + clinic + "\", \"unitCodes\": [" + String.join(", ", units.stream().map(u -> "\"" + u + "\"").toList()) + "]}";
        String shipment = read(post("/api/shipments", analyst, body, 201), "$.id");
        post("/api/shipments/" + shipment + "/receipt", doctor, "{}", 200);
        return shipment;
    }

    private MvcResult post(String path, TestUser as, String json, int expected) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as.basic()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is(expected)).andReturn();
    }

    private static <T> T read(MvcResult r, String path) throws Exception {
        return JsonPath.read(r.getResponse().getContentAsString(), path);
    }
}
