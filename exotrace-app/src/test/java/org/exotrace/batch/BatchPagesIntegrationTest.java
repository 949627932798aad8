package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.exotrace.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class BatchPagesIntegrationTest extends IntegrationTest {

    static final RequestPostProcessor ANALYST = SecurityMockMvcRequestPostProcessors.user("batch.analyst").roles("LAB_ANALYST");
    static final RequestPostProcessor RESEARCHER = SecurityMockMvcRequestPostProcessors.user("batch.researcher").roles("RESEARCHER");

    /** Candidates per page of the pool form (LotUnitController.POOL_PAGE). */
    static final int POOL_PAGE = 20;

    @Autowired Donors donors;
    @Autowired Batches batches;
    @Autowired Lots lots;

    @Test
    void everyBatchAndLotPageRendersAndLabelsCarryABarcode() throws Exception {
        Donor d = donors.register(new Donors.Registration(SourceType.ADIPOSE_MSC, "pages", null));
        Batch b = batches.record(new Batches.NewBatch(d.id(), IsolationMethod.SIZE_EXCLUSION_CHROMATOGRAPHY, null, null, "qEV 70 nm",
                10.0, 1_000_000L, 3, LocalDate.now().minusDays(1), null, null, null));
        Lot lot = lots.create(b.id(), new Lots.NewLot("HMSC-EXO-SERUM", 1e9, 20.0, LocalDate.now(), null));
        Lot other = lots.create(b.id(), new Lots.NewLot("HMSC-EXO-BULK", 1e9, 20.0, LocalDate.now(), null));
        lots.split(lot.id(), 3, 2.0);

        mvc.perform(get("/batches").with(RESEARCHER)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(b.code())));
        mvc.perform(get("/batches").param("q", b.code()).header("HX-Request", "true").with(ANALYST))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(get("/batches/new").with(ANALYST)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(d.code().value())));
        mvc.perform(get("/batches/" + b.id()).with(ANALYST)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(lot.code())));
        mvc.perform(get("/lots/" + lot.id() + "/units").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(lot.code() + "-U003")));
        mvc.perform(get("/lots/" + lot.id() + "/labels").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data:image/svg+xml;base64,")))
                .andExpect(content().string(Matchers.containsString(lot.code() + "-U002")));
        mvc.perform(get("/lots/" + lot.id() + "/derive").with(ANALYST)).andExpect(status().isOk());
        mvc.perform(get("/lots/pool").with(ANALYST)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(other.code())));
        mvc.perform(get("/lots/" + lot.id() + "/lineage").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/donors/" + d.id())))
                .andExpect(content().string(Matchers.containsString("/batches/" + b.id())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
    }

    @Test
    void batchFormShowsFieldMessagesAndWritesNothing() throws Exception {
        Donor d = donors.register(new Donors.Registration(SourceType.BONE_MARROW_MSC, "form", null));
        long before = jdbc.sql("select count(*) from batch").query(Long.class).single();
        mvc.perform(post("/batches").with(ANALYST).with(csrf()).param("donorCode", d.code().value()).param("method", "ULTRACENTRIFUGATION")
                        .param("inputCellCount", "-1").param("startedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("field-error\">must be greater than or equal to 0")));
        mvc.perform(post("/batches").with(ANALYST).with(csrf()).param("donorCode", d.code().value()).param("method", "ULTRACENTRIFUGATION")
                        .param("startedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("give the g-force")));
        String value = d.code().value();
        String mistyped = value.substring(0, 13) + (value.charAt(13) == 'A' ? 'B' : 'A');
        mvc.perform(post("/batches").with(ANALYST).with(csrf()).param("donorCode", mistyped).param("method", "ULTRACENTRIFUGATION")
                        .param("gForce", "100000").param("durationMinutes", "70").param("startedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("the code is mistyped")));
        assertThat(jdbc.sql("select count(*) from batch").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/batches").with(ANALYST).with(csrf()).param("donorCode", d.code().display().toLowerCase(java.util.Locale.ROOT))
                        .param("method", "ULTRACENTRIFUGATION")
                        .param("gForce", "100000").param("durationMinutes", "70").param("startedOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/batches/*"));
        mvc.perform(post("/batches").with(RESEARCHER).with(csrf()).param("donorCode", d.code().value()))
                .andExpect(status().isForbidden());
    }

    @Test
    void poolFormCreatesAPoolAndRedirectsToTheLotPage() throws Exception {
        Donor d = donors.register(new Donors.Registration(SourceType.PLANT, "grape", null));
        Batch b = batches.record(new Batches.NewBatch(d.id(), IsolationMethod.PRECIPITATION, null, null, "PEG", 5.0, null, null,
                LocalDate.now(), null, null, null));
        List<Lot> parents = List.of(lots.create(b.id(), new Lots.NewLot("PLANT-EXO-GEL", null, 5.0, LocalDate.now(), null)),
                lots.create(b.id(), new Lots.NewLot("PLANT-EXO-GEL", null, 5.0, LocalDate.now(), null)));
        mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("parentLotIds", parents.get(0).id().toString(), parents.get(1).id().toString())
                        .param("productCode", "PLANT-EXO-GEL").param("volumeMl", "10").param("manufacturedOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/lots/*"));
        mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("parentLotIds", parents.get(0).id().toString())
                        .param("productCode", "PLANT-EXO-GEL").param("volumeMl", "10").param("manufacturedOn", LocalDate.now().toString()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("choose at least two different lots")));
    }

    /**
     * The pool form never lists every usable lot (at 100,000 lots it was 46 MB of HTML): it searches,
     * shows one page of matches, and keeps the lots already chosen and the fields typed across searches.
     */
    @Test
    void poolFormSearchesPagesAndKeepsWhatWasChosen() throws Exception {
        Donor d = donors.register(new Donors.Registration(SourceType.PLANT, "pool search", null));
        Batch b = batches.record(new Batches.NewBatch(d.id(), IsolationMethod.PRECIPITATION, null, null, "PEG", 5.0, null, null,
                LocalDate.now(), null, null, null));
        List<Lot> made = new java.util.ArrayList<>();
        for (int i = 0; i < POOL_PAGE + 5; i++) {
            made.add(lots.create(b.id(), new Lots.NewLot("PLANT-EXO-GEL", null, 5.0, LocalDate.now(), null)));
        }
        Lot chosen = made.get(0);
        Lot wanted = made.get(1);

        // searching by the batch's code finds its lots, one page of them, newest first
        String firstPage = mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("search", "0").param("q", b.code())
                        .param("parentLotIds", chosen.id().toString()).param("volumeMl", "12.5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(countOf(firstPage, "name=\"parentLotIds\"")).as("the chosen lot and one page of matches").isEqualTo(1 + POOL_PAGE);
        assertThat(firstPage).contains(made.get(made.size() - 1).code()).doesNotContain(">" + wanted.code() + "<")
                .contains((made.size() - 1) + " found").contains("value=\"12.5\"");
        // the chosen lot is ticked above the matches and not offered again among them
        assertThat(countOf(firstPage, ">" + chosen.code() + "<")).isEqualTo(1);
        assertThat(firstPage).containsPattern("value=\"" + chosen.id() + "\"[^>]*checked");

        String secondPage = mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("search", "1").param("q", b.code())
                        .param("parentLotIds", chosen.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(secondPage).contains(wanted.code()).contains("page 2 of 2");

        // a search by the lot's own code, then the pool of the two
        mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("search", "0").param("q", wanted.code()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("1 found")));
        mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("search", "0").param("q", "no such lot anywhere"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("matches &quot;no such lot anywhere&quot;")));
        mvc.perform(post("/lots/pool").with(ANALYST).with(csrf()).param("parentLotIds", chosen.id().toString(), wanted.id().toString())
                        .param("productCode", "PLANT-EXO-GEL").param("volumeMl", "10").param("manufacturedOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/lots/*"));
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }
}
