package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Specifications through the API: the seeded default, publishing a new version (QA only, with a
 * reason), and that a release keeps citing the version it was signed against.
 *
 * <p>The database is shared by every test class of the JVM, so version numbers are taken relative
 * to the version effective when a test starts ("version 1 → 2" on a fresh database), and every
 * test that publishes a tighter version restores the default afterwards.
 */
class SpecificationIntegrationTests extends IntegrationTest {

    private static final String PRODUCT = LotScenarios.PRODUCT;
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired SpecificationCatalog catalog;
    @Autowired AuditTrail trail;

    TestUser qa;
    TestUser analyst;

    @BeforeEach
    void people() {
        qa = user(Role.QA_RELEASER);
        analyst = user(Role.LAB_ANALYST);
    }

    @AfterEach
    void restoreTheDefaultSpecification() throws Exception {
        if (!catalog.effective(PRODUCT).orElseThrow().tests().equals(DefaultSpecifications.humanMscExosomeSerum())) {
            publish(DefaultSpecifications.humanMscExosomeSerum(), "restore the default after a test").andExpect(status().isCreated());
        }
    }

    @Test
    void theDefaultSpecificationExistsWithEveryTestLabelledWithASource() throws Exception {
        MvcResult versions = getJson("/api/specifications/" + PRODUCT + "/versions", analyst)
                .andExpect(status().isOk())
                .andReturn();

        List<Integer> numbers = read(versions, "$[*].version");
        int first = numbers.size() - 1;
        assertThat(numbers.get(first)).isEqualTo(1);
        List<String> codes = read(versions, "$[" + first + "].tests[*].code");
        List<String> sources = read(versions, "$[" + first + "].tests[*].source");
        assertThat(codes).containsExactlyElementsOf(DefaultSpecifications.humanMscExosomeSerum().stream().map(TestDefinition::code).toList());
        assertThat(sources).hasSameSizeAs(codes).allSatisfy(source -> assertThat(source).isNotBlank());
        assertThat((String) read(versions, "$[" + first + "].createdBy")).isEqualTo("system");

        MvcResult effective = getJson("/api/specifications/" + PRODUCT, analyst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andReturn();
        List<String> effectiveSources = read(effective, "$.tests[*].source");
        assertThat(effectiveSources).isNotEmpty().allSatisfy(source -> assertThat(source).isNotBlank());
    }

    @Test
    void qaPublishesATighterEndotoxinLimitWithAReasonAndThePreviousVersionIsSuperseded() throws Exception {
        int previous = catalog.effective(PRODUCT).orElseThrow().version();
        String reason = "Customer requires endotoxin at most 0.25 EU/mL (change control CC-17)";

        publish(withEndotoxinAtMost(0.25), reason)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(previous + 1))
                .andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.changeReason").value(reason))
                .andExpect(jsonPath("$.createdBy").value(qa.username()))
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].upper.value").value(0.25));

        MvcResult versions = getJson("/api/specifications/" + PRODUCT + "/versions", analyst).andExpect(status().isOk()).andReturn();
        assertThat((List<String>) read(versions, "$[?(@.version == " + previous + ")].status")).containsExactly("SUPERSEDED");
        assertThat((List<String>) read(versions, "$[?(@.version == " + (previous + 1) + ")].status")).containsExactly("EFFECTIVE");
        assertThat((List<String>) read(versions, "$[?(@.status == 'EFFECTIVE')].status")).hasSize(1);

        List<AuditEntry> history = trail.history("specification", PRODUCT);
        AuditEntry change = history.get(history.size() - 1);
        assertThat(change.action()).isEqualTo("NEW_VERSION");
        assertThat(change.reason()).isEqualTo(reason);
        assertThat(change.actor()).isEqualTo(qa.username());
        assertThat(change.oldValue()).contains("\"version\":" + previous).contains("endotoxin ≤ 0.5 EU/mL");
        assertThat(change.newValue()).contains("\"version\":" + (previous + 1)).contains("endotoxin ≤ 0.25 EU/mL");
    }

    @Test
    void refusesToPublishWithoutAReasonAndWritesNothing() throws Exception {
        int effective = catalog.effective(PRODUCT).orElseThrow().version();
        List<Long> before = counts("specification", "specification_test", "audit_entry");

        publish(withEndotoxinAtMost(0.25), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.reason", containsString("say why")));
        publish(withEndotoxinAtMost(0.25), "  ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").isNotEmpty());

        assertThat(counts("specification", "specification_test", "audit_entry")).isEqualTo(before);
        assertThat(catalog.effective(PRODUCT).orElseThrow().version()).isEqualTo(effective);
    }

    @Test
    void forbidsAnAnalystToPublishAndWritesNothing() throws Exception {
        List<Long> before = counts("specification", "specification_test", "audit_entry");

        postJson("/api/specifications/" + PRODUCT + "/versions", analyst, body(withEndotoxinAtMost(0.25), "analyst tries"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));

        assertThat(counts("specification", "specification_test", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aLotReleasedUnderOneVersionKeepsCitingItOnItsCertificateAfterANewVersionIsPublished() throws Exception {
        int signedAgainst = catalog.effective(PRODUCT).orElseThrow().version();
        String lot = new LotScenarios(mvc, analyst).released(qa);

        publish(withEndotoxinAtMost(0.25), "Tighter endotoxin limit from change control CC-18").andExpect(status().isCreated());
        assertThat(catalog.effective(PRODUCT).orElseThrow().version()).isEqualTo(signedAgainst + 1);

        String text = certificateText(lot);
        assertThat(text).contains(PRODUCT + " version " + signedAgainst + " ")
                .contains("Conforms to specification " + PRODUCT + " version " + signedAgainst + ": released")
                .doesNotContain(PRODUCT + " version " + (signedAgainst + 1))
                .contains("0.5 EU/mL")
                .doesNotContain("0.25");
        getJson("/api/lots/" + lot + "/decisions", analyst)
                .andExpect(jsonPath("$[0].specificationReference").value(PRODUCT + " version " + signedAgainst));
    }

    private String certificateText(String lot) throws Exception {
        byte[] pdf = mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append(' ');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private org.springframework.test.web.servlet.ResultActions publish(List<TestDefinition> tests, String reason) throws Exception {
        return postJson("/api/specifications/" + PRODUCT + "/versions", qa, body(tests, reason));
    }

    private static String body(List<TestDefinition> tests, String reason) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("tests", tests);
        if (reason != null) body.put("reason", reason);
        return JSON.writeValueAsString(body);
    }

    /** The default specification with endotoxin's upper limit changed. */
    private static List<TestDefinition> withEndotoxinAtMost(double limit) {
        List<TestDefinition> tests = new ArrayList<>();
        for (TestDefinition t : DefaultSpecifications.humanMscExosomeSerum()) {
            tests.add(!t.code().equals("endotoxin") ? t : new TestDefinition(t.code(), t.name(), t.kind(), t.unit(), t.lower(),
                    Limit.including(limit), t.warnLower(), t.warnUpper(), t.allowedValues(), t.acceptedValues(), t.required(),
                    t.misevItem(), "change control: customer requirement"));
        }
        return tests;
    }
}
