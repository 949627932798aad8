package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/** A product is made from the sources it names: a human MSC serum cannot be a lot of plant material, nor a plant gel of human cells. */
class ProductSourceIntegrationTests extends IntegrationTest {

    @Test
    void aLotIsMadeOnlyFromMaterialOfItsProductsSources() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        LotScenarios scenarios = new LotScenarios(mvc, analyst);
        String plant = read(postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "sourceDetail": "Centella asiatica leaf"}""").andExpect(status().isCreated()).andReturn(), "$.id");
        String plantBatch = scenarios.batch(plant);
        String humanLot = scenarios.lotInTesting();
        List<Long> before = counts("lot", "audit_entry");

        postJson("/api/batches/" + plantBatch + "/lots", analyst, lot("HMSC-EXO-SERUM"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.productCode").value("Human MSC exosome serum is made from umbilical-cord MSC, bone-marrow MSC "
                        + "or adipose MSC; this material comes from a plant source"));
        postJson("/api/lots/" + humanLot + "/derivatives", analyst, lot("PLANT-EXO-GEL"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.productCode").value("Plant-derived vesicle gel is made from plant; this material comes from "
                        + "an umbilical-cord MSC source"));
        assertThat(counts("lot", "audit_entry")).isEqualTo(before);

        postJson("/api/batches/" + plantBatch + "/lots", analyst, lot("PLANT-EXO-GEL")).andExpect(status().isCreated());
    }

    private static String lot(String product) {
        return """
                {"productCode": "%s", "concentrationPerMl": 1.0E9, "volumeMl": 10, "manufacturedOn": "%s"}""".formatted(product, LocalDate.now());
    }
}
