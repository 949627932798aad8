package org.exotrace.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.exotrace.IntegrationTest;
import org.exotrace.InvestigationScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Release of a lot that had an out-of-specification result: blocked while its investigation is
 * open, and once QA approved the invalidation, a signature whose content hash covers every result
 * (with status and reason) and every investigation (with its conclusion), and a certificate that
 * prints them.
 */
class OosReleaseIntegrationTests extends IntegrationTest {

    private static final String[] SIGNATURE_TABLES = {"lot_decision", "electronic_signature", "audit_entry"};

    @Autowired Releases releases;

    TestUser analyst;
    TestUser qa;
    TestUser approver;
    LotScenarios scenarios;
    InvestigationScenarios investigations;
    String lot;
    String oos;
    String retest;
    String investigation;

    @BeforeEach
    void endotoxinOutOfSpecificationRetestedInsideItsInvestigation() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        approver = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
        investigations = new InvestigationScenarios(mvc);
        lot = scenarios.lotInTesting();
        scenarios.resultsPassing(lot, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("endotoxin")).toList());
        oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        retest = read(investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
    }

    @Test
    void refusesReleaseWhileInvestigationOpenEvenThoughTheRetestPasses() throws Exception {
        String number = read(getJson("/api/investigations/" + investigation, qa).andReturn(), "$.number");
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", hasItem(containsString("Out-of-specification investigation " + number
                        + " (Endotoxin 0.8 EU/mL) is open (Phase I, awaiting QA approval); no release until QA approves its conclusion"))))
                .andExpect(jsonPath("$.reasons", hasItem(containsString("Endotoxin is out of specification: 0.8 EU/mL"))));
        getJson("/api/lots/" + lot + "/release-check", qa).andExpect(jsonPath("$.allowed").value(false));

        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
        assertThat((String) read(scenarios.lot(lot, analyst), "$.state")).isEqualTo("IN_TESTING");
    }

    @Test
    void releasesAfterTheApprovedInvalidationAndTheSignatureCoversEveryResultAndInvestigation() throws Exception {
        investigations.approve(investigation, approver).andExpect(status().isOk());
        scenarios.release(lot, qa).andExpect(status().isOk());
        Decision release = releases.decisions(UUID.fromString(lot)).get(0);
        String number = read(getJson("/api/investigations/" + investigation, qa).andReturn(), "$.number");

        assertThat(release.evaluationSnapshot()).anySatisfy(line -> assertThat(line).startsWith("result|" + oos).contains("status=INVALIDATED",
                "investigation=" + number, "reason=Invalidated under " + number));
        assertThat(release.evaluationSnapshot()).anySatisfy(line -> assertThat(line).startsWith("result|" + retest).contains("status=VALID"));
        assertThat(release.evaluationSnapshot()).anySatisfy(line -> assertThat(line).startsWith("investigation|" + number)
                .contains("conclusion=INVALIDATED", "approvedBy=" + approver.username()));
        assertThat(releases.contentUnchanged(release)).isTrue();

        // Changing any of them afterwards (here behind the application's back) no longer matches the signed hash.
        assertThat(changed(release, "update result set status_reason = 'a gentler reason' where id = '" + oos + "'")).isFalse();
        assertThat(changed(release, "update result set status = 'SUPERSEDED' where id = '" + retest + "'")).isFalse();
        assertThat(changed(release, "update oos_investigation set approved_by = 'someone' where id = '" + investigation + "'")).isFalse();
        assertThat(changed(release, "update oos_investigation set cause_description = 'nothing' where id = '" + investigation + "'")).isFalse();
        assertThat(releases.contentUnchanged(release)).isTrue();
    }

    @Test
    void theCertificatePrintsTheInvalidatedResultTheRetestAndTheConclusion() throws Exception {
        investigations.approve(investigation, approver).andExpect(status().isOk());
        scenarios.release(lot, qa).andExpect(status().isOk());
        String number = read(getJson("/api/investigations/" + investigation, qa).andReturn(), "$.number");

        byte[] pdf = mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        PdfReader reader = new PdfReader(pdf);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        // Compared without white space: a narrow table column wraps text anywhere, even after a hyphen.
        String all = text.toString().replaceAll("\\s+", "");

        assertThat(all).contains(Stream.of("Every result on record", "0.8 EU/mL", "0.2 EU/mL", "Invalidated", "Out of specification",
                "Out-of-specification result, " + number, "Retest in " + number, "Out-of-specification investigations",
                "Conclusion: Invalidated: assignable laboratory cause", "Assignable cause: Sample preparation",
                "Out-of-specification investigations concluded: " + number, "Approved by Test [QA_RELEASER] (" + approver.username() + ")")
                .map(t -> t.replaceAll("\\s+", "")).toArray(String[]::new));
    }

    /** Applies the change in a transaction that is rolled back, and answers whether the signed content still matches then. */
    private boolean changed(Decision decision, String sql) {
        return transaction().execute(tx -> {
            jdbc.sql(sql).update();
            boolean unchanged = releases.contentUnchanged(decision);
            tx.setRollbackOnly();
            return unchanged;
        });
    }
}
