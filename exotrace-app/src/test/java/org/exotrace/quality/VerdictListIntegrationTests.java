package org.exotrace.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.shared.Role;
import org.exotrace.specification.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard and the release queue judge their lots in a few queries ({@link LotQuality#overallVerdicts});
 * every verdict they show must be the one the lot's own page gives ({@link LotQuality#overallVerdict}).
 */
class VerdictListIntegrationTests extends IntegrationTest {

    @Autowired LotQuality quality;
    @Autowired Lots lots;

    @Test
    void judgingLotsTogetherGivesEachTheVerdictItGetsAlone() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        LotScenarios scenarios = new LotScenarios(mvc, analyst);
        String missing = scenarios.lotInTesting();
        String passing = scenarios.lotInTesting();
        scenarios.allRequiredResultsPassing(passing);
        String failing = scenarios.lotInTesting();
        scenarios.resultsPassing(failing, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("endotoxin")).toList());
        scenarios.numeric(failing, "endotoxin", 0.9, "EU/mL", analyst);
        String partial = scenarios.lotInTesting();
        scenarios.numeric(partial, "endotoxin", 0.1, "EU/mL", analyst);

        List<Lot> judged = new ArrayList<>();
        for (String id : List.of(missing, passing, failing, partial)) judged.add(lots.get(UUID.fromString(id)));
        // and some lots of other tests, of any product and state
        judged.addAll(lots.search("", null, new org.exotrace.shared.Page.Request(0, 50)).rows());

        Map<Lot, Verdict> together = quality.overallVerdicts(judged);
        assertThat(together.keySet()).containsExactlyElementsOf(new java.util.LinkedHashSet<>(judged));
        for (Lot lot : judged) {
            assertThat(together.get(lot)).as("lot %s", lot.code()).isEqualTo(quality.overallVerdict(lot.id()));
        }
        assertThat(together.get(judged.get(0))).isEqualTo(Verdict.MISSING);
        assertThat(together.get(judged.get(1))).isIn(Verdict.PASS, Verdict.WARNING);
        assertThat(together.get(judged.get(2))).isEqualTo(Verdict.FAIL);
        assertThat(together.get(judged.get(3))).isEqualTo(Verdict.MISSING);
    }
}
