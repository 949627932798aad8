package org.exotrace.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * What keeps the lab's lists fast at a million lots (issue 13) without changing what they show: the
 * counts of the dashboard are kept by triggers and always equal the rows; a list is counted only up
 * to 1,000 rows past its page ("more than 1,000"); the lot search's filters combine.
 */
class LargeListsIntegrationTests extends IntegrationTest {

    @Test
    void theKeptCountsEqualTheRowsAfterLotsAreCreatedAndReleased() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        Map<String, Long> before = keptLotCounts();

        lots.lotInTesting();
        lots.released(qa);

        assertKeptCountsEqualRows();
        Map<String, Long> after = keptLotCounts();
        assertThat(after.get("IN_TESTING") - before.get("IN_TESTING")).as("one new lot still in testing").isGreaterThanOrEqualTo(1);
        assertThat(after.get("RELEASED") - before.get("RELEASED")).as("one lot released").isGreaterThanOrEqualTo(1);
        String dashboard = mvc.perform(get("/dashboard").with(analyst.basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (String state : List.of("IN_TESTING", "RELEASED")) {
            var shown = Pattern.compile("href=\"/lots\\?state=" + state + "\"><span class=\"n\">(\\d+)</span>").matcher(dashboard);
            assertThat(shown.find()).as("the dashboard's count of " + state).isTrue();
            assertThat(Long.parseLong(shown.group(1))).isEqualTo(keptLotCounts().get(state));
        }
        assertKeptCountsEqualRows();
    }

    @Test
    void retiringADonorLowersTheActiveCount() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        assertKeptCountsEqualRows();
        long before = jdbc.sql("select active from donor_count").query(Long.class).single();

        jdbc.sql("update donor set retired = true, retired_reason = 'test of the kept count' where id = cast(? as uuid)").param(donor).update();

        assertThat(jdbc.sql("select active from donor_count").query(Long.class).single()).isEqualTo(before - 1);
        assertKeptCountsEqualRows();
    }

    @Test
    void aListLongerThanTheCapSaysMoreThanAndTheLastPagesAreCountedExactly() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String lot = lots.lotInTesting();
        String code = read(lots.lot(lot, analyst), "$.code");
        jdbc.sql("""
                insert into lot_unit (id, code, lot_id, number, volume_ml, created_by)
                select gen_random_uuid(), ? || '-T' || n, cast(? as uuid), n, 0.1, 'test' from generate_series(1, 1030) n""")
                .params(code, lot).update();

        String first = page("/units?lot=" + code, analyst);
        assertThat(first).contains("more than 1,000 units · page 1").contains("page=1");
        String second = page("/units?lot=" + code + "&page=1", analyst);
        assertThat(second).as("the count stops 1,000 past the page's first row: past 1,030 it is exact")
                .contains("1030 units · page 2 of 21");
        String last = page("/units?lot=" + code + "&page=20", analyst);
        assertThat(Pattern.compile("<tr data-unit=").matcher(last).results().count()).isEqualTo(30);
    }

    @Test
    void theLotSearchCombinesTextAndState() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        LotScenarios.DonorRef donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String batch = lots.batch(donor.id());
        String batchCode = read(getJson("/api/batches/" + batch, analyst).andReturn(), "$.code");
        String inTesting = lots.lot(batch);
        String toRelease = lots.lot(batch);
        lots.allRequiredResultsPassing(toRelease);
        lots.release(toRelease, qa).andExpect(status().isOk());

        assertThat(lotIds("/api/lots?q=" + batchCode, analyst)).containsExactlyInAnyOrder(inTesting, toRelease);
        assertThat(lotIds("/api/lots?q=" + batchCode + "&state=IN_TESTING", analyst)).containsExactly(inTesting);
        assertThat(lotIds("/api/lots?q=" + batchCode + "&state=RELEASED", analyst)).containsExactly(toRelease);
        assertThat(lotIds("/api/lots?q=" + batchCode + "&state=REJECTED", analyst)).isEmpty();
        getJson("/api/lots?q=" + batchCode, analyst).andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.moreThanTotal").value(false));
        getJson("/api/lots?size=1", analyst).andExpect(jsonPath("$.rows.length()").value(1));
        String html = page("/lots?q=" + batchCode + "&state=RELEASED", analyst);
        assertThat(html).contains("1 in all · page 1 of 1");
    }

    private void assertKeptCountsEqualRows() {
        List<String> wrong = jdbc.sql("""
                select 'lot ' || c.state from lot_state_count c where c.lots <> (select count(*) from lot l where l.state = c.state)
                union all select 'batch' from batch_count where batches <> (select count(*) from batch)
                union all select 'donor' from donor_count where active <> (select count(*) from donor where not retired)""")
                .query(String.class).list();
        assertThat(wrong).as("kept counts that differ from the rows").isEmpty();
    }

    private Map<String, Long> keptLotCounts() {
        return jdbc.sql("select state, lots from lot_state_count").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> lotIds(String path, TestUser as) throws Exception {
        return read(getJson(path, as).andReturn(), "$.rows[*].id");
    }

    private String page(String path, TestUser as) throws Exception {
        return mvc.perform(get(path).with(as.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
