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
        assertThat(jdbc.sql("select count(*) from batch").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/batches").with(ANALYST).with(csrf()).param("donorCode", d.code().value()).param("method", "ULTRACENTRIFUGATION")
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
}
