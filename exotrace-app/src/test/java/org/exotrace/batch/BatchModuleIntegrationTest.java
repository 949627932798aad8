package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.DomainProblem;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

class BatchModuleIntegrationTest extends IntegrationTest {

    static final String ANALYST = "batch.analyst";
    static final String RESEARCHER = "batch.researcher";
    static final String PASSWORD = "correct-horse-battery";

    @Autowired TransactionTemplate tx;
    @Autowired Donors donors;
    @Autowired Batches batches;
    @Autowired Lots lots;

    @BeforeEach
    void users() {
        tx.executeWithoutResult(s -> {
            if (accounts.find(ANALYST).isEmpty()) accounts.create(ANALYST, "Batch Analyst", PASSWORD, Set.of(Role.LAB_ANALYST));
            if (accounts.find(RESEARCHER).isEmpty()) accounts.create(RESEARCHER, "Batch Researcher", PASSWORD, Set.of(Role.RESEARCHER));
        });
    }

    private Donor donor() {
        return donors.register(new Donors.Registration(SourceType.UMBILICAL_CORD_MSC, "test cord", null));
    }

    private Batch batch(Donor donor) {
        return batches.record(new Batches.NewBatch(donor.id(), IsolationMethod.ULTRACENTRIFUGATION, 100_000.0, 70, "SW32 Ti",
                50.0, 20_000_000L, 4, LocalDate.now().minusDays(3), LocalDate.now().minusDays(2), "op", null));
    }

    private Lot primary(Donor donor, double volume) {
        return lots.create(batch(donor).id(), new Lots.NewLot("HMSC-EXO-BULK", 1e10, volume, LocalDate.now().minusDays(1), null));
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String batchJson(UUID donorId, String method, String gForce, String cells, String volume) {
        return """
                {"donorId": "%s", "method": "%s", "gForce": %s, "durationMinutes": 70, "inputVolumeMl": %s,
                 "inputCellCount": %s, "passage": 3, "startedOn": "%s"}""".formatted(donorId, method, gForce, volume, cells, LocalDate.now().minusDays(1));
    }

    @Test
    void lineageThroughDeriveAndPoolReachesBothDonors() {
        Donor a = donor();
        Donor b = donor();
        Lot bulkA = primary(a, 100);
        Lot bulkB = primary(b, 100);
        Lot serumA = lots.derive(bulkA.id(), new Lots.NewLot("HMSC-EXO-SERUM", 5e9, 40.0, LocalDate.now(), null));
        Lot pooled = lots.pool(List.of(serumA.id(), bulkB.id()), new Lots.NewLot("HMSC-EXO-SERUM", 4e9, 60.0, LocalDate.now(), null));

        Lineage lineage = lots.lineage(pooled.id());
        assertThat(lineage.ancestors().code()).isEqualTo(pooled.code());
        assertThat(codes(lineage.ancestors(), "donor")).containsExactlyInAnyOrder(a.code().display(), b.code().display());
        assertThat(codes(lineage.ancestors(), "lot")).contains(serumA.code(), bulkA.code(), bulkB.code());

        Lineage fromBulk = lots.lineage(bulkA.id());
        assertThat(codes(fromBulk.descendants(), "lot")).contains(serumA.code(), pooled.code());
        assertThat(serumA.expiresOn()).isEqualTo(LocalDate.now().plusMonths(24));
        assertThat(lots.batchIds(pooled.id())).containsExactlyInAnyOrder(bulkA.batchId(), bulkB.batchId());
    }

    @Test
    void donorIdsOfAPoolAreEveryRootDonor() {
        Donor a = donor();
        Donor b = donor();
        Lot pooled = lots.pool(List.of(primary(a, 10).id(), primary(b, 10).id()),
                new Lots.NewLot("HMSC-EXO-BULK", null, 20.0, LocalDate.now(), null));
        assertThat(pooled.kind()).isEqualTo(LotKind.POOL);
        assertThat(pooled.batchId()).isNull();
        assertThat(lots.donorIds(pooled.id())).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void poolNeedsTwoDistinctParents() {
        Lot one = primary(donor(), 10);
        assertThatThrownBy(() -> lots.pool(List.of(one.id(), one.id()), new Lots.NewLot("HMSC-EXO-BULK", null, 5.0, LocalDate.now(), null)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.fieldErrors()).containsKey("parentLotIds"));
    }

    @Test
    void splitRefusesWhenTotalVolumeExceedsTheLot() {
        Lot lot = primary(donor(), 10);
        List<LotUnit> units = lots.split(lot.id(), 4, 2.0);
        assertThat(units).extracting(LotUnit::code).containsExactly(lot.code() + "-U001", lot.code() + "-U002", lot.code() + "-U003", lot.code() + "-U004");
        long before = rows("lot_unit");
        assertThatThrownBy(() -> lots.split(lot.id(), 2, 1.5))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.fieldErrors()).containsKey("volumeEachMl"));
        assertThat(rows("lot_unit")).isEqualTo(before);
        assertThat(lots.split(lot.id(), 1, 2.0)).extracting(LotUnit::number).containsExactly(5);
    }

    @Test
    void negativeCellCountIsRefusedWith400AndWritesNothing() throws Exception {
        Donor d = donor();
        long before = rows("batch");
        mvc.perform(post("/api/batches").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(batchJson(d.id(), "SIZE_EXCLUSION_CHROMATOGRAPHY", "null", "-5", "10")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.inputCellCount").exists());
        assertThat(rows("batch")).isEqualTo(before);
    }

    @Test
    void negativeVolumeIsRefusedWith400AndWritesNothing() throws Exception {
        Donor d = donor();
        long before = rows("batch");
        mvc.perform(post("/api/batches").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(batchJson(d.id(), "ULTRAFILTRATION", "null", "1000", "-0.5")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.inputVolumeMl").exists());
        assertThat(rows("batch")).isEqualTo(before);
    }

    @Test
    void ultracentrifugationWithoutGForceIsRefusedWith400AndWritesNothing() throws Exception {
        Donor d = donor();
        long before = rows("batch");
        long audit = rows("audit_entry");
        mvc.perform(post("/api/batches").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(batchJson(d.id(), "ULTRACENTRIFUGATION", "null", "1000", "10")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.gForce").exists());
        assertThat(rows("batch")).isEqualTo(before);
        assertThat(rows("audit_entry")).isEqualTo(audit);
    }

    @Test
    void analystCanPostABatchAndResearcherGets403() throws Exception {
        Donor d = donor();
        mvc.perform(post("/api/batches").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(batchJson(d.id(), "ULTRACENTRIFUGATION", "120000", "1000", "10")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("B-")))
                .andExpect(jsonPath("$.gForce").value(120000.0));
        long before = rows("batch");
        mvc.perform(post("/api/batches").with(httpBasic(RESEARCHER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(batchJson(d.id(), "ULTRACENTRIFUGATION", "120000", "1000", "10")))
                .andExpect(status().isForbidden());
        assertThat(rows("batch")).isEqualTo(before);
        mvc.perform(get("/api/batches").with(httpBasic(RESEARCHER, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void stateMachineRefusesRejectedToReleasedWith409() throws Exception {
        Lot lot = primary(donor(), 10);
        lots.reject(lot.id(), UUID.randomUUID(), "endotoxin out of specification");
        assertThatThrownBy(() -> lots.release(lot.id(), UUID.randomUUID(), "released"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(DomainProblem.Kind.CONFLICT);
                    assertThat(p.getMessage()).contains("is rejected").contains("final");
                });
        assertThat(lots.get(lot.id()).state()).isEqualTo(LotState.REJECTED);
        mvc.perform(post("/api/lots/" + lot.id() + "/units").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\": 1, \"volumeEachMl\": 1.0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void releasedLotCanBeQuarantinedForARecallAndTheAuditKeepsTheSignature() {
        Lot lot = primary(donor(), 10);
        UUID signature = UUID.randomUUID();
        assertThat(lots.release(lot.id(), signature, "Released by Dr. Quinn Park (qa)").state()).isEqualTo(LotState.RELEASED);
        assertThat(lots.quarantine(lot.id(), UUID.randomUUID(), "recall hold").state()).isEqualTo(LotState.QUARANTINED);
        List<String> reasons = jdbc.sql("select reason from audit_entry where record_type = 'lot' and record_id = ? order by seq")
                .param(lot.id().toString()).query(String.class).list();
        assertThat(reasons).contains("Released by Dr. Quinn Park (qa)", "recall hold");
        assertThat(jdbc.sql("select new_value from audit_entry where record_type = 'lot' and record_id = ? and action = 'RELEASE'")
                .param(lot.id().toString()).query(String.class).single()).contains(signature.toString());
    }

    @Test
    void correctionWithoutReasonIsRefused() throws Exception {
        Batch b = batch(donor());
        Batches.NewBatch change = new Batches.NewBatch(b.donorId(), b.method(), 110_000.0, b.durationMinutes(), b.methodDetail(),
                b.inputVolumeMl(), b.inputCellCount(), b.passage(), b.startedOn(), b.completedOn(), b.operator(), b.notes());
        assertThatThrownBy(() -> batches.correct(b.id(), change, " "))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.fieldErrors()).containsKey("reason"));
        mvc.perform(post("/api/batches/" + b.id() + "/corrections").with(httpBasic(ANALYST, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"donorId": "%s", "method": "ULTRACENTRIFUGATION", "gForce": 110000, "durationMinutes": 70, "startedOn": "%s"}"""
                                .formatted(b.donorId(), b.startedOn())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        assertThat(batches.get(b.id()).gForce()).isEqualTo(100_000.0);
        Batch corrected = batches.correct(b.id(), change, "rotor setting misread");
        assertThat(corrected.gForce()).isEqualTo(110_000.0);
        String oldValue = jdbc.sql("select old_value from audit_entry where record_type = 'batch' and record_id = ? and action = 'UPDATE'")
                .param(b.id().toString()).query(String.class).single();
        assertThat(oldValue).contains("100000");
    }

    private static List<String> codes(LineageNode node, String type) {
        List<String> found = new java.util.ArrayList<>();
        if (node.type().equals(type)) found.add(node.code());
        node.children().forEach(c -> found.addAll(codes(c, type)));
        return found;
    }
}
