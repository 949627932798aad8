package org.exotrace.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.exotrace.account.Accounts;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinics;
import org.exotrace.coldchain.ColdChain;
import org.exotrace.supply.Shipments;
import org.exotrace.characterization.NtaCalibration;
import org.exotrace.characterization.NtaCalibrationRequest;
import org.exotrace.characterization.NtaCalibrations;
import org.exotrace.characterization.NtaMeasurement;
import org.exotrace.characterization.NtaMeasurements;
import org.exotrace.characterization.NtaRequest;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.release.Releases;
import org.exotrace.specification.TestCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo dataset once (when the demo accounts do not exist yet). */
@Component
@Order(30)
@ConditionalOnProperty(name = "exotrace.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = DemoUsers.PASSWORD;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Accounts accounts;
    private final Donors donors;
    private final Batches batches;
    private final Lots lots;
    private final Results results;
    private final LotQuality quality;
    private final Releases releases;
    private final TransactionTemplate tx;
    private final NtaMeasurements nta;
    private final NtaCalibrations calibrations;
    private final ClinicDemoData clinics;
    private final DemoUsers users;
    private final OosInvestigations investigations;

    private final Units units;
    private final ColdChain coldChain;
    private final Shipments shipments;
    private final Clinics clinicDirectory;
    private final ResearchCohortDemoData researchCohort;

    DemoData(Accounts accounts, Donors donors, Batches batches, Lots lots, Results results, LotQuality quality,
             Releases releases, TransactionTemplate tx, NtaMeasurements nta, NtaCalibrations calibrations, ClinicDemoData clinics, Units units,
             Shipments shipments, Clinics clinicDirectory, OosInvestigations investigations, ColdChain coldChain,
             ResearchCohortDemoData researchCohort) {
        this.researchCohort = researchCohort;
        this.coldChain = coldChain;
        this.units = units;
        this.shipments = shipments;
        this.clinicDirectory = clinicDirectory;
        this.investigations = investigations;
        this.nta = nta;
        this.calibrations = calibrations;
        this.clinics = clinics;
        this.users = new DemoUsers(accounts);
        this.accounts = accounts;
        this.donors = donors;
        this.batches = batches;
        this.lots = lots;
        this.results = results;
        this.quality = quality;
        this.releases = releases;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find("qa").isPresent()) return;
        log.info("Loading the demo dataset");
        tx.executeWithoutResult(s -> {
            DemoUsers.createAll(accounts);
        });
        LocalDate today = LocalDate.now();
        Donor uc = as("analyst", () -> humanDonor(SourceType.UMBILICAL_CORD_MSC, "Wharton's jelly, full-term caesarean", today.minusDays(60),
                ConsentScope.COSMETIC_USE, ConsentScope.COMMERCIAL, ConsentScope.RESEARCH));
        Donor adipose = as("analyst", () -> humanDonor(SourceType.ADIPOSE_MSC, "Lipoaspirate, abdominal", today.minusDays(50),
                ConsentScope.COSMETIC_USE, ConsentScope.COMMERCIAL));
        // Pending: the serology is negative, the nucleic acid tests are not back yet.
        Donor marrow = as("analyst", () -> tx.execute(s -> {
            Donor d = donors.register(new Donors.Registration(SourceType.BONE_MARROW_MSC, "Iliac crest aspirate",
                    "Screening awaiting the NAT panel", today.minusDays(42), null));
            screenPanel(d, today.minusDays(44), List.of("HIV_1_NAT", "HBV_NAT", "HCV_NAT"));
            return d;
        }));
        Donor plant = as("analyst", () -> tx.execute(s -> donors.register(new Donors.Registration(SourceType.PLANT,
                "Centella asiatica leaf", "Greenhouse lot GH-7"))));
        as("analyst", () -> tx.execute(s -> donors.grantConsent(marrow.id(), new Donors.ConsentEntry(ConsentScope.CLINICAL_USE,
                today.minusDays(40), "ICF-2026-0311"))));

        Batch ucBatch = as("analyst", () -> tx.execute(s -> batches.record(new Batches.NewBatch(uc.id(), IsolationMethod.ULTRACENTRIFUGATION,
                100_000.0, 70, "Differential UC: 300 g, 2,000 g, 10,000 g, then 100,000 g x 70 min twice", 500.0, 2_000_000_000L, 4,
                today.minusDays(30), today.minusDays(29), "Alex Morgan", "Conditioned medium, 48 h serum-free"))));
        Batch ucSec = as("analyst", () -> tx.execute(s -> batches.record(new Batches.NewBatch(uc.id(), IsolationMethod.SIZE_EXCLUSION_CHROMATOGRAPHY,
                null, null, "qEV original 70 nm column, fractions 7-9", 250.0, 1_000_000_000L, 5,
                today.minusDays(20), today.minusDays(20), "Sam Lee", null))));
        Batch adiposeTff = as("analyst", () -> tx.execute(s -> batches.record(new Batches.NewBatch(adipose.id(), IsolationMethod.TANGENTIAL_FLOW_FILTRATION,
                null, null, "500 kDa hollow fibre, 20x concentration", 2000.0, 8_000_000_000L, 3,
                today.minusDays(25), today.minusDays(24), "Alex Morgan", null))));
        Batch plantBatch = as("analyst", () -> tx.execute(s -> batches.record(new Batches.NewBatch(plant.id(), IsolationMethod.PRECIPITATION,
                null, null, "PEG 8000 precipitation of leaf juice", 1000.0, null, null,
                today.minusDays(15), today.minusDays(14), "Sam Lee", null))));

        // Released with a certificate: every required test passes once endotoxin 0.8 EU/mL was invalidated inside its OOS
        // investigation for an assignable cause (a dilution error), approved by QA; the certificate prints both results.
        Lot released = lot(ucBatch, "HMSC-EXO-SERUM", 3.6e9, 40.0, today.minusDays(28));
        passingResults(released, "analyst", TestCode.ENDOTOXIN);
        Result endotoxin = as("analyst", () -> tx.execute(s -> results.record(released.id(),
                ExampleResults.numeric(TestCode.ENDOTOXIN, 0.8, "EU/mL", "LAL kinetic chromogenic"), null)));
        invalidatedForDilutionError(endotoxin);
        as("analyst", () -> tx.execute(s -> quality.recordSizeDistribution(released.id(), "NTA (NanoSight NS300), 5 videos of 60 s", lognormal(108, 1.35))));
        List<LotUnit> releasedUnits = as("analyst", () -> tx.execute(s -> lots.split(released.id(), 12, 2.0)));
        as("qa", () -> tx.execute(s -> releases.release(released.id(), new Releases.Signing("qa", PASSWORD, "Batch record reviewed"))));

        // Out of specification: endotoxin above its limit; no laboratory error in phase I, phase II under way, the second
        // analyst's retest fails too and the conclusion is still to be proposed.
        Lot oos = lot(ucSec, "HMSC-EXO-SERUM", 3.1e9, 20.0, today.minusDays(18));
        passingResults(oos, "analyst2", TestCode.ENDOTOXIN);
        Result high = as("analyst2", () -> tx.execute(s -> results.record(oos.id(), ExampleResults.numeric(TestCode.ENDOTOXIN, 1.8, "EU/mL", "LAL kinetic chromogenic"), null)));
        OosInvestigation underWay = investigations.forResult(high.id()).orElseThrow();
        noLaboratoryError(underWay, "analyst2");
        as("qa", () -> tx.execute(s -> investigations.escalate(underWay.id(), new OosInvestigations.PhaseTwoEntry(
                "Batch record, SEC column sanitisation log and water-for-injection monitoring reviewed: WFI loop endotoxin alert on the day of formulation",
                "Retest of the retained sample in duplicate by a second analyst (Alex Morgan); both results are reported, none averaged", null))));
        as("analyst", () -> tx.execute(s -> investigations.recordResult(underWay.id(), new Results.Entry(TestCode.ENDOTOXIN, 1.7, "EU/mL", null,
                "Retained sample, duplicate 1 of 2", "LAL kinetic chromogenic", "Reader ELx808", Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS),
                high.id(), "Phase II plan: retest by a second analyst"), null, OosInvestigation.Testing.RETEST)));

        // Blocked by consent: results pass, but the donor withdrew commercial consent.
        Lot consentBlocked = lot(adiposeTff, "HMSC-EXO-SERUM", 4.2e9, 60.0, today.minusDays(22));
        passingResults(consentBlocked, "analyst");
        as("analyst", () -> tx.execute(s -> donors.withdrawConsent(adipose.id(), donors.consents(adipose.id()).stream()
                .filter(c -> c.scope() == ConsentScope.COMMERCIAL).findFirst().orElseThrow().id(), today.minusDays(5),
                "Donor asked that her material not be sold")));

        // Rejected: sterility growth, confirmed on retest inside its OOS investigation (approved by QA), signed rejection.
        Lot rejected = lot(adiposeTff, "HMSC-EXO-BULK", 2.0e11, 100.0, today.minusDays(23));
        Result growth = as("analyst2", () -> tx.execute(s -> results.record(rejected.id(),
                ExampleResults.categorical(TestCode.STERILITY, "GROWTH", "Ph. Eur. 2.6.1 membrane filtration"), null)));
        OosInvestigation sterility = investigations.forResult(growth.id()).orElseThrow();
        noLaboratoryError(sterility, "analyst2");
        as("qa", () -> tx.execute(s -> investigations.escalate(sterility.id(), new OosInvestigations.PhaseTwoEntry(
                "Environmental monitoring: grade A settle plate excursion during filling; operator gowning record incomplete",
                "Repeat sterility test on two retained containers by a second analyst", null))));
        as("analyst", () -> tx.execute(s -> investigations.recordResult(sterility.id(), new Results.Entry(TestCode.STERILITY, null, null, "GROWTH",
                "Retained containers 2 and 5", "Ph. Eur. 2.6.1 membrane filtration", null, Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS),
                growth.id(), "Phase II plan: repeat on retained containers"), null, OosInvestigation.Testing.RETEST)));
        as("analyst", () -> tx.execute(s -> investigations.propose(sterility.id(), new OosInvestigations.ProposalEntry(OosInvestigation.Conclusion.OOS_CONFIRMED, null, null,
                "Growth confirmed on retained containers; no laboratory error; contamination attributed to the filling excursion"))));
        as("qa", () -> tx.execute(s -> investigations.approve(sterility.id(), new OosInvestigations.ApprovalEntry("qa", PASSWORD,
                "Investigation reviewed; the lot is rejected"))));
        as("qa", () -> tx.execute(s -> releases.reject(rejected.id(), new Releases.Signing("qa", PASSWORD,
                "Sterility failure confirmed on retest (" + sterility.number() + "); lot destroyed"))));

        // Quarantined plant lot pending investigation.
        Lot quarantined = lot(plantBatch, "PLANT-EXO-GEL", 1.5e9, 200.0, today.minusDays(12));
        as("analyst2", () -> tx.execute(s -> results.record(quarantined.id(), ExampleResults.numeric(TestCode.SIZE_MODE, 142, "nm", "NTA"), null)));
        as("qa", () -> tx.execute(s -> releases.quarantine(quarantined.id(), new Releases.Signing("qa", PASSWORD,
                "Appearance complaint from formulation: investigate particulates"))));

        // Awaiting results: a bulk isolate with a first size measurement, and a serum derived from it.
        Lot bulk = lot(ucBatch, "HMSC-EXO-BULK", 1.8e11, 30.0, today.minusDays(27));
        as("analyst", () -> tx.execute(s -> results.record(bulk.id(), ExampleResults.numeric(TestCode.SIZE_MODE, 112, "nm", "NTA"), null)));
        Lot serum = as("analyst", () -> tx.execute(s -> lots.derive(bulk.id(), new Lots.NewLot("HMSC-EXO-SERUM", 3.5e9, 10.0, today.minusDays(3), null))));
        NtaCalibration calibration = as("analyst", () -> beadCalibration(today));
        as("analyst", () -> ntaUpload(serum, calibration));

        // Declared and measured concentrations disagree (issue 9, defect 4): 1.5e11 /mL typed at creation (the bulk isolate's),
        // 3.2e9 /mL measured by TRPS. Particles per ampoule (6.4e9) passes, so it is no OOS result; the lot page flags the
        // disagreement and release is blocked until the declared value is corrected with a reason or a new measurement agrees.
        Lot disagreeing = lot(ucSec, "HMSC-EXO-SERUM", 1.5e11, 15.0, today.minusDays(6));
        passingResults(disagreeing, "analyst2", TestCode.PARTICLE_CONCENTRATION);
        as("analyst2", () -> tx.execute(s -> results.record(disagreeing.id(), ExampleResults.numeric(TestCode.PARTICLE_CONCENTRATION, 3.2e9,
                "particles/mL", "TRPS (Exoid)"), null)));

        clinics.load(clinicSupply(today));
        inboundAndDestroyed(releasedUnits, today);
        coldChain(releasedUnits.subList(4, 8));
        researchCohort.load();
        log.info("Demo dataset loaded: sign in as analyst, qa, researcher, clinician, clinician2, compliance or admin with password {}", PASSWORD);
    }

    /**
     * From the released lot: four units on their way to Seoul, for the clinician to confirm, and
     * one ampoule destroyed in the lab, so the units page and the clinic's inventory show each case.
     */
    /**
     * The cold chain: QA's storage condition for the serum (example values for the demonstration, not
     * taken from a product's instructions), a freezer, rack and box holding four units, one thaw within
     * the limits, and an excursion beyond them that holds its unit until QA decides.
     */
    private void coldChain(List<LotUnit> inLab) {
        as("qa", () -> tx.execute(s -> coldChain.declare("HMSC-EXO-SERUM", new ColdChain.ConditionEntry(-80.0, -60.0, 30, 1,
                "Example values for the demonstration"))));
        as("analyst", () -> tx.execute(s -> {
            coldChain.createLocation(new ColdChain.NewLocation("F1", "FREEZER", null, "-80 °C freezer, cell therapy suite"));
            coldChain.createLocation(new ColdChain.NewLocation("F1-R2", "RACK", "F1", "Rack 2"));
            coldChain.createLocation(new ColdChain.NewLocation("F1-R2-B07", "BOX", "F1-R2", "Box 7, 9 x 9"));
            for (int i = 0; i < inLab.size(); i++) coldChain.place(inLab.get(i).code(), new ColdChain.Placement("F1-R2-B07", "A" + (i + 1)));
            coldChain.recordThaw(inLab.get(0).code(), new ColdChain.NewEvent(null, null, null));
            return coldChain.recordExcursion(inLab.get(1).code(), new ColdChain.NewEvent(null, -45.0, 20));
        }));
    }

    private void inboundAndDestroyed(List<LotUnit> releasedUnits, LocalDate today) {
        UUID seoul = clinicDirectory.all().stream().filter(c -> c.code().equals(ClinicDemoData.SEOUL)).findFirst().orElseThrow().id();
        as("analyst", () -> tx.execute(s -> shipments.ship(new Shipments.NewShipment(seoul,
                releasedUnits.subList(0, 4).stream().map(LotUnit::code).toList(), today, "Courier, dry ice with temperature logger"))));
        as("analyst", () -> tx.execute(s -> units.destroy(releasedUnits.get(11).id(), today, "Ampoule cracked at visual inspection")));
    }

    /**
     * The detection-volume calibration the demo's NTA measurement uses: a simulated video of 100 nm
     * beads in the same light sheet (360 beads in the simulator's 360 pL box, so 1e9 /mL as
     * measured; the stock is stated at 1e12 /mL and diluted 1:1000), counted in five blocks of
     * frames. The simulated sheet's true detection volume is 100 × 80 × 10 µm = 80 pL.
     */
    private NtaCalibration beadCalibration(LocalDate today) {
        Path file = null;
        try {
            file = Files.createTempFile("exotrace-demo-beads", ".csv");
            BrownianSimulator.Settings video = BrownianSimulator.Settings.nanoSightLike().withRun(360, 1500);
            try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(166))) {
                new BrownianSimulator(video).run(org.exotrace.nta.simulate.SizeDistribution.monodisperse(100), 100, writer::position);
            }
            Path beads = file;
            return tx.execute(s -> calibrations.create(new NtaCalibrationRequest("TRACKS", "NanoSight NS300 (simulated video)", "", "25",
                    "100 nm polystyrene beads (simulated), stated 1.0E12 particles/mL ± 5%", "1e12", "5", "1000",
                    today.minusDays(10).toString(), today.plusDays(80).toString()), new NtaMeasurements.Upload("beads-100nm-video-1.csv", beads)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    /**
     * A simulated NanoSight-like video of the derived serum (lognormal, median 112 nm; measured
     * diluted 1:5, about 60 particles per frame, so about 3.7 × 10^9 particles/mL undiluted),
     * uploaded as tracks with the demo's bead calibration, so the demo shows a background analysis
     * and its results with a calibrated concentration.
     */
    private NtaMeasurement ntaUpload(Lot lot, NtaCalibration calibration) {
        Path file = null;
        try {
            file = Files.createTempFile("exotrace-demo-tracks", ".csv");
            BrownianSimulator.Settings video = BrownianSimulator.Settings.nanoSightLike().withRun(270, 800);
            try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(166))) {
                new BrownianSimulator(video).run(org.exotrace.nta.simulate.SizeDistribution.lognormal(112, 1.35), 2026, writer::position);
            }
            Path tracks = file;
            return tx.execute(s -> nta.submit(lot.id(), new NtaRequest("TRACKS", "166", "px", "25", "22", "", "vogel", "on", "ml", "5", "",
                    "", "5", "50", "1", "", "NanoSight NS300 (simulated video)", "", "", calibration.id().toString()),
                    new NtaMeasurements.Upload("serum-video-1.csv", tracks)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    /**
     * The lot the clinics were supplied from: made seven months ago from an earlier umbilical-cord
     * donor, tested soon after, released and filled into 40 ampoules of 2 mL, so that shipments and
     * sessions months ago come after the lot was made. (The release signature is dated today: a
     * signature cannot be backdated.)
     */
    private List<LotUnit> clinicSupply(LocalDate today) {
        Donor donor = as("analyst", () -> humanDonor(SourceType.UMBILICAL_CORD_MSC, "Wharton's jelly, full-term vaginal delivery",
                today.minusDays(240), ConsentScope.COSMETIC_USE, ConsentScope.COMMERCIAL));
        Batch batch = as("analyst", () -> tx.execute(s -> batches.record(new Batches.NewBatch(donor.id(), IsolationMethod.ULTRACENTRIFUGATION,
                100_000.0, 70, "Differential UC: 300 g, 2,000 g, 10,000 g, then 100,000 g x 70 min twice", 1000.0, 4_000_000_000L, 4,
                today.minusDays(215), today.minusDays(214), "Alex Morgan", "Conditioned medium for the partner clinics' supply"))));
        Lot supply = lot(batch, "HMSC-EXO-SERUM", 3.6e9, 100.0, today.minusDays(212));
        Instant tested = today.minusDays(205).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant();
        as("analyst", () -> tx.execute(s -> {
            ExampleResults.passing().forEach(e -> results.record(supply.id(), new Results.Entry(e.testCode(), e.value(), e.unit(), e.category(),
                    e.detail(), e.method(), e.instrument(), tested, null, null), null));
            // a number distribution with median 113 nm peaks at 104 nm, the size_mode result
            return quality.recordSizeDistribution(supply.id(), "NTA (NanoSight NS300), 5 videos of 60 s", lognormal(113, 1.33));
        }));
        List<LotUnit> units = as("analyst", () -> tx.execute(s -> lots.split(supply.id(), 40, 2.0)));
        as("qa", () -> tx.execute(s -> releases.release(supply.id(), new Releases.Signing("qa", PASSWORD,
                "Batch record reviewed; supplies the partner clinics"))));
        return units;
    }

    /** Phase I of an investigation in which the analyst and supervisor found no laboratory error. */
    private void noLaboratoryError(OosInvestigation investigation, String analyst) {
        as(analyst, () -> tx.execute(s -> investigations.recordPhaseOne(investigation.id(), new OosInvestigations.PhaseOneEntry(
                "Raw data and calculation re-checked with the supervisor: no error", "Instrument qualified, calibration and system suitability in date",
                "Controls and reference standard within their ranges", "Preparation per the worksheet, witnessed",
                "No assignable laboratory cause found: full-scale investigation needed"))));
    }

    /**
     * The defect that OOS investigations exist for, done right: endotoxin 0.8 EU/mL opened an
     * investigation; phase I found the sample diluted 1:4 instead of 1:10; a retest at the right
     * dilution gave 0.12 EU/mL; QA approved the invalidation for that assignable cause.
     */
    private void invalidatedForDilutionError(Result endotoxin) {
        OosInvestigation investigation = investigations.forResult(endotoxin.id()).orElseThrow();
        as("analyst", () -> tx.execute(s -> investigations.recordPhaseOne(investigation.id(), new OosInvestigations.PhaseOneEntry(
                "Calculation re-checked: correct for the dilution recorded", "Reader calibration and kinetic curve fit in order",
                "Control standard endotoxin recovery 96 %", "Worksheet photo shows the sample diluted 1:4, not 1:10 as the method requires",
                "Assignable cause: wrong dilution in sample preparation"))));
        as("analyst", () -> tx.execute(s -> investigations.recordResult(investigation.id(), new Results.Entry(TestCode.ENDOTOXIN, 0.12, "EU/mL", null,
                "Same retained sample, diluted 1:10", "LAL kinetic chromogenic", null, Instant.now().minus(1, java.time.temporal.ChronoUnit.DAYS),
                endotoxin.id(), "Test of the phase I hypothesis: dilution 1:10 as the method requires"), null, OosInvestigation.Testing.RETEST)));
        as("analyst", () -> tx.execute(s -> investigations.propose(investigation.id(), new OosInvestigations.ProposalEntry(OosInvestigation.Conclusion.INVALIDATED,
                OosInvestigation.Cause.SAMPLE_PREPARATION, "Sample diluted 1:4 instead of 1:10 (worksheet photo); the retest at 1:10 gave 0.12 EU/mL",
                "Laboratory error in sample preparation"))));
        as("qa", () -> tx.execute(s -> investigations.approve(investigation.id(), new OosInvestigations.ApprovalEntry("qa", PASSWORD,
                "Worksheet photo and retest reviewed"))));
    }

    /**
     * A human donor collected on {@code collectedOn} in the lab's country, with a negative result
     * for every test the applicable screening panel requires, sampled on the collection day, and
     * a consent for each scope: eligible because the whole panel is negative.
     */
    private Donor humanDonor(SourceType type, String detail, LocalDate collectedOn, ConsentScope... scopes) {
        return tx.execute(s -> {
            Donor d = donors.register(new Donors.Registration(type, detail, null, collectedOn, null));
            screenPanel(d, collectedOn, List.of());
            int n = 0;
            for (ConsentScope scope : scopes) {
                donors.grantConsent(d.id(), new Donors.ConsentEntry(scope, collectedOn, "ICF-2026-" + String.format("%04d", 100 + n++)));
            }
            return d;
        });
    }

    /** Records a negative result, sampled on {@code sampledOn}, for every required test of the donor's panel except those named. */
    private void screenPanel(Donor donor, LocalDate sampledOn, List<String> except) {
        donors.determination(donor.id()).findings().stream()
                .map(f -> f.required().test())
                .filter(t -> !except.contains(t.code()))
                .forEach(t -> donors.recordScreening(donor.id(), new Donors.ScreeningEntry(t.code(), t.negativeResult().code(), sampledOn)));
    }

    private Lot lot(Batch batch, String product, double perMl, double volumeMl, LocalDate made) {
        return as("analyst", () -> tx.execute(s -> lots.create(batch.id(), new Lots.NewLot(product, perMl, volumeMl, made, null))));
    }

    private void passingResults(Lot lot, String analyst, TestCode... except) {
        List<Results.Entry> entries = ExampleResults.passing();
        as(analyst, () -> tx.execute(s -> {
            entries.stream().filter(e -> java.util.Arrays.stream(except).noneMatch(c -> c.is(e.testCode()))).forEach(e -> results.record(lot.id(), e, null));
            return null;
        }));
    }

    /** A lognormal number distribution on a 5 nm grid from 30 to 400 nm, normalised to 1. */
    static List<SizeDistribution.Point> lognormal(double medianNm, double geometricSd) {
        List<SizeDistribution.Point> points = new ArrayList<>();
        double s = Math.log(geometricSd);
        double total = 0;
        for (double d = 30; d <= 400; d += 5) total += density(d, medianNm, s);
        for (double d = 30; d <= 400; d += 5) points.add(new SizeDistribution.Point(d, density(d, medianNm, s) / total));
        return points;
    }

    private static double density(double d, double median, double s) {
        double z = (Math.log(d) - Math.log(median)) / s;
        return Math.exp(-0.5 * z * z) / d;
    }

    private <T> T as(String username, Supplier<T> step) {
        return users.as(username, step);
    }
}
