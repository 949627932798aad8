package org.exotrace.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.springframework.context.ApplicationContext;

/**
 * Set-up through the Java APIs for tests whose subject is later in the flow. Call inside
 * {@link BrowserTest#as} so that the records carry an analyst's name. Not a bean: the application
 * scans org.exotrace, and test classes must not become part of its context.
 */
class LotFixtures {

    static final String SERUM = "HMSC-EXO-SERUM";
    /** The concentration a fixture lot declares, and measures: × 2 mL ampoules = 7.2e9 particles per ampoule. */
    static final double DECLARED_PER_ML = 3.6e9;

    private final Donors donors;
    private final Batches batches;
    private final Lots lots;
    private final Results results;
    private final OosInvestigations investigations;

    LotFixtures(Donors donors, Batches batches, Lots lots, Results results, OosInvestigations investigations) {
        this.donors = donors;
        this.batches = batches;
        this.lots = lots;
        this.results = results;
        this.investigations = investigations;
    }

    static LotFixtures of(ApplicationContext context) {
        return new LotFixtures(context.getBean(Donors.class), context.getBean(Batches.class), context.getBean(Lots.class),
                context.getBean(Results.class), context.getBean(OosInvestigations.class));
    }

    /**
     * Endotoxin 0.8 EU/mL (out of specification) on the lot, its investigation's phase I finding a
     * dilution error, a retest of 0.2 EU/mL inside it and the invalidation proposed: everything but
     * QA's approval. Answers the investigation.
     */
    OosInvestigation endotoxinRetestedInsideItsInvestigationAwaitingApproval(Lot lot) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Result oos = results.record(lot.id(), numeric("endotoxin", 0.8, "EU/mL", "LAL kinetic", at.minus(1, ChronoUnit.HOURS)), null);
        OosInvestigation investigation = investigations.forResult(oos.id()).orElseThrow();
        investigations.recordPhaseOne(investigation.id(), new OosInvestigations.PhaseOneEntry("Calculation verified", "Reader calibrated",
                "Control standard recovery 96 %", "Sample diluted 1:4 instead of 1:10", "Assignable cause: wrong dilution"));
        investigations.recordResult(investigation.id(), new Results.Entry("endotoxin", 0.2, "EU/mL", null, null, "LAL kinetic", null, at,
                oos.id(), "Retest at the method's dilution"), null, "RETEST");
        return investigations.propose(investigation.id(), new OosInvestigations.ProposalEntry("INVALIDATED", "SAMPLE_PREPARATION",
                "Sample diluted 1:4 instead of 1:10 (worksheet photo)", null));
    }

    /** A serum lot in testing from an eligible umbilical-cord donor who consented to cosmetic and commercial use. */
    Lot serumLotInTesting() {
        return serumLotInTesting(DECLARED_PER_ML);
    }

    /** As {@link #serumLotInTesting()}, declaring the given concentration (particles/mL). */
    Lot serumLotInTesting(double declaredPerMl) {
        return lots.create(eligibleDonorsBatch().id(), new Lots.NewLot(SERUM, declaredPerMl, 30.0, LocalDate.now(), null));
    }

    /** An isolation batch from an eligible umbilical-cord donor who consented to cosmetic and commercial use: where a new serum lot starts. */
    Batch eligibleDonorsBatch() {
        Donor donor = donors.register(new Donors.Registration(SourceType.UMBILICAL_CORD_MSC, "browser test fixture", null,
                LocalDate.now(), null));
        screenFullPanel(donor);
        donors.grantConsent(donor.id(), new Donors.ConsentEntry(ConsentScope.COSMETIC_USE, LocalDate.now(), "ICF-FIX-1"));
        donors.grantConsent(donor.id(), new Donors.ConsentEntry(ConsentScope.COMMERCIAL, LocalDate.now(), "ICF-FIX-2"));
        return batches.record(new Batches.NewBatch(donor.id(), IsolationMethod.ULTRACENTRIFUGATION, 100_000.0, 70, "SW32 Ti",
                50.0, 20_000_000L, 4, LocalDate.now().minusDays(2), LocalDate.now().minusDays(1), null, null));
    }

    /** Records a negative result, sampled on the collection day, for every required test of the donor's screening panel. */
    void screenFullPanel(Donor donor) {
        donors.determination(donor.id()).findings().stream().map(f -> f.required().test()).forEach(t ->
                donors.recordScreening(donor.id(), new Donors.ScreeningEntry(t.code(), t.negativeResult().code(), donor.collectedOn())));
    }

    /**
     * Records a conforming result for every required test of the serum specification except those
     * named; particles per ampoule is derived from the particle concentration recorded here.
     */
    void conformingResultsExcept(Lot lot, String... left) {
        List<String> skip = List.of(left);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Results.Entry> entries = List.of(
                numeric("size_mode", 104, "nm", "NTA", at),
                numeric("particle_concentration", DECLARED_PER_ML, "particles/mL", "TRPS (Exoid)", at),
                numeric("total_protein", 42, "µg/mL", "BCA", at),
                numeric("particles_per_ug_protein", 8.6e10, "particles/µg", "NTA/BCA", at),
                numeric("endotoxin", 0.1, "EU/mL", "LAL kinetic", at),
                categorical("marker_transmembrane", "POSITIVE", "western blot", at),
                categorical("marker_cytosolic", "POSITIVE", "western blot", at),
                categorical("marker_calnexin", "NEGATIVE", "western blot", at),
                categorical("sterility", "NO_GROWTH", "Ph. Eur. 2.6.1", at),
                categorical("mycoplasma", "NEGATIVE", "qPCR", at));
        entries.stream().filter(e -> !skip.contains(e.testCode())).forEach(e -> results.record(lot.id(), e, null));
    }

    /** Records one numeric result performed a minute ago. */
    void numericResult(Lot lot, String code, double value, String unit, String method) {
        results.record(lot.id(), numeric(code, value, unit, method, Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES)), null);
    }

    private static Results.Entry numeric(String code, double value, String unit, String method, Instant at) {
        return new Results.Entry(code, value, unit, null, null, method, null, at, null, null);
    }

    private static Results.Entry categorical(String code, String category, String method, Instant at) {
        return new Results.Entry(code, null, null, category, null, method, null, at, null, null);
    }
}
