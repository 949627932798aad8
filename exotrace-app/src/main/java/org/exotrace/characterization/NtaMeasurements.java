package org.exotrace.characterization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestCode;
import org.exotrace.specification.TestDefinition;
import org.exotrace.shared.Actors;
import org.exotrace.shared.BackgroundQueue;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * NTA characterizations of lots. An upload is checked in full before anything is stored (a bad row
 * is refused with its line), then the file and its settings are stored in one transaction and the
 * analysis runs in the background ({@link NtaRunner}). When it finishes, its size and
 * concentration results, and the size distribution, are recorded on the lot in one transaction,
 * as results of the analyst who uploaded the file; a failure records nothing but the reason.
 */
@Service
public class NtaMeasurements {

    /** The specification tests an NTA measurement fills, with their units. */
    static final TestCode SIZE_MODE = TestCode.SIZE_MODE;
    static final TestCode SIZE_D50 = TestCode.SIZE_D50;
    static final TestCode CONCENTRATION = TestCode.PARTICLE_CONCENTRATION;
    private static final List<TestCode> NTA_TESTS = List.of(SIZE_MODE, SIZE_D50, CONCENTRATION);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An uploaded file, already on local disk (a multipart temporary file). */
    public record Upload(String filename, Path file) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final Results results;
    private final LotQuality quality;
    private final SpecificationCatalog specifications;
    private final OosInvestigations investigations;
    private final NtaCalibrations calibrations;

    NtaMeasurements(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, Lots lots, Results results,
                    LotQuality quality, SpecificationCatalog specifications, OosInvestigations investigations, NtaCalibrations calibrations) {
        this.investigations = investigations;
        this.calibrations = calibrations;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.lots = lots;
        this.results = results;
        this.quality = quality;
        this.specifications = specifications;
    }

    /**
     * Checks the request and the whole file, stores both, and queues the analysis. Nothing is
     * stored when anything is wrong.
     */
    @Transactional
    public NtaMeasurement submit(UUID lotId, NtaRequest request, Upload upload) {
        Lot lot = openLot(lotId);
        NtaSettings settings = request.settings();
        UUID calibrationId = request.parsedCalibrationId();
        if (calibrationId != null) {
            NtaCalibration c = calibrations.find(calibrationId).orElseThrow(() -> DomainProblem.invalid("calibrationId",
                    "there is no calibration record " + calibrationId + "; choose one from the list"));
            if (c.status() == NtaCalibration.Status.WITHDRAWN) {
                throw DomainProblem.invalid("calibrationId", c.code() + " was withdrawn (" + c.withdrawnReason() + "); choose another calibration");
            }
            settings = settings.withCalibration(c.snapshot());
        }
        Texts.check("instrument", request.instrument(), 200, false);
        Texts.check("retestReason", request.retestReason(), 1000, false);
        Instant measuredAt = request.measuredAtInstant(ZoneId.systemDefault());
        if (measuredAt.isAfter(Instant.now().plusSeconds(300))) throw DomainProblem.invalid("measuredAt", "cannot be in the future");
        if (upload == null || upload.file() == null) throw DomainProblem.invalid("file", "choose the file to upload");
        String filename = safeName(upload.filename(), settings.source());
        try {
            if (Files.size(upload.file()) == 0) throw DomainProblem.invalid("file", "the file is empty");
            if (settings.source() == NtaSource.TRACKS) {
                NtaAnalyzer.checkTracks(upload.file(), settings);
            } else {
                settings = withExportDilution(settings, NtaAnalyzer.checkNanoSight(upload.file()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        checkRetest(lot, request.retestReason(), null, settings.calibration() != null);
        return insert(lot, settings, filename, storeFile(upload.file()), request.instrument(), measuredAt,
                Texts.blankToNull(request.retestReason()), null, null);
    }

    /**
     * Runs a finished measurement again with the same file and settings, as a new measurement; the
     * numbers must come out the same (the analysis is deterministic, the bootstrap seeded).
     * Recording its results on the lot needs a retest reason, as for any second result.
     */
    @Transactional
    public NtaMeasurement rerun(UUID measurementId, String reason) {
        return rerun(measurementId, reason, null);
    }

    /**
     * A re-run inside an out-of-specification investigation: when a size or concentration result
     * of the lot is out of specification, a re-run is a retest of it and is refused outside its
     * investigation; inside it, the re-run's result of the investigated test is recorded as an
     * additional result of the investigation, and the out-of-specification result stays on record.
     *
     * @param investigationId the open investigation of the lot's out-of-specification NTA result, or null
     */
    @Transactional
    public NtaMeasurement rerun(UUID measurementId, String reason, UUID investigationId) {
        NtaMeasurement earlier = get(measurementId);
        if (!earlier.status().finished()) throw DomainProblem.conflict("This measurement is still " + earlier.status().name().toLowerCase() + ".");
        Lot lot = openLot(earlier.lotId());
        Texts.check("reason", reason, 1000, true);
        checkRetest(lot, reason, investigationId, earlier.settings().calibration() != null);
        // The stored file never changes: the re-run reads the same large object.
        StoredFile file = new StoredFile(jdbc.sql("select file_oid from nta_measurement where id = ?").param(earlier.id()).query(Long.class).single(),
                earlier.sizeBytes(), earlier.sha256());
        return insert(lot, earlier.settings(), earlier.filename(), file, earlier.instrument(), earlier.measuredAt(), reason.strip(), earlier.id(),
                investigationId);
    }

    /** The investigation a measurement was re-run in, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> investigationOf(UUID measurementId) {
        return jdbc.sql("select investigation_id from nta_measurement where id = ?").param(measurementId).query(UUID.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** The lot's open investigations of a size or concentration result: the ones an NTA re-run may be recorded in. */
    @Transactional(readOnly = true)
    public List<OosInvestigation> openInvestigations(UUID lotId) {
        return investigations.forLot(lotId).stream().filter(i -> i.isOpen() && NTA_TESTS.stream().anyMatch(i::isAbout)).toList();
    }

    @Transactional(readOnly = true)
    public NtaMeasurement get(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(NtaMeasurements::measurement).optional()
                .orElseThrow(() -> DomainProblem.notFound("NTA measurement", id));
    }

    /** A lot's measurements, newest first. */
    @Transactional(readOnly = true)
    public List<NtaMeasurement> forLot(UUID lotId) {
        return jdbc.sql(SELECT + " where lot_id = ? order by submitted_at desc").param(lotId).query(NtaMeasurements::measurement).list();
    }

    /** The settings of the newest trajectory measurement anywhere, to pre-fill the next form. */
    @Transactional(readOnly = true)
    public Optional<NtaSettings> latestTrackSettings() {
        return jdbc.sql("select settings from nta_measurement where source = 'TRACKS' order by submitted_at desc limit 1")
                .query((rs, n) -> JSON.readValue(rs.getString(1), NtaSettings.class)).optional();
    }

    /** Writes the uploaded file, as stored, to {@code out}. */
    @Transactional(readOnly = true)
    public void copyInput(UUID id, OutputStream out) {
        long oid = jdbc.sql("select file_oid from nta_measurement where id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> DomainProblem.notFound("NTA measurement", id));
        jdbcTemplate.execute((ConnectionCallback<Void>) con -> {
            LargeObjectManager objects = con.unwrap(PGConnection.class).getLargeObjectAPI();
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ); InputStream in = object.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Marks the claimed measurement running from the start; false when it is no longer waiting (already finished). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean start(BackgroundQueue.Claim claim) {
        return jdbc.sql("""
                update nta_measurement set status = 'RUNNING', started_at = now(), progress = 0, progress_message = 'starting'
                where id = ? and status = 'RUNNING' and claimed_by = ?""").params(claim.id(), claim.token()).update() == 1;
    }

    /** Locks the measurement's row for the rest of the transaction if this claim still holds it; {@link BackgroundQueue.ClaimLost} otherwise. */
    private void hold(BackgroundQueue.Claim claim) {
        jdbc.sql("select id from nta_measurement where id = ? and status = 'RUNNING' and claimed_by = ? for update")
                .params(claim.id(), claim.token()).query(UUID.class).optional().orElseThrow(() -> new BackgroundQueue.ClaimLost(claim.id()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID id, double fraction, String message) {
        jdbc.sql("update nta_measurement set progress = ?, progress_message = ? where id = ? and status = 'RUNNING'")
                .params(Math.max(0, Math.min(1, fraction)), message.length() > 500 ? message.substring(0, 500) : message, id).update();
    }

    /**
     * Records what the analysis found: the size (and concentration) results the lot's specification
     * has tests for, and the size distribution; all or nothing.
     */
    @Transactional
    NtaMeasurement complete(BackgroundQueue.Claim claim, NtaOutcome outcome) {
        hold(claim);
        UUID id = claim.id();
        NtaMeasurement m = get(id);
        Lot lot = openLot(m.lotId());
        Specification spec = specifications.effective(lot.productCode()).orElseThrow(() -> DomainProblem.ruleViolation(
                "No specification", List.of("Product " + lot.productCode() + " has no effective specification; QA must publish one first")));
        Map<String, UUID> recorded = new LinkedHashMap<>();
        String detail = String.format(Locale.ROOT, "NTA measurement %s of %s (SHA-256 %s); D10/D50/D90 %.1f/%.1f/%.1f nm; %d tracks",
                m.id(), m.filename(), m.sha256().substring(0, 12), outcome.d10Nm(), outcome.d50Nm(), outcome.d90Nm(), outcome.tracksUsed());
        List<String> contradictions = contradictions(m, outcome);
        outcome = outcome.withWarnings(contradictions);
        if (outcome.concentrationPerMl() != null && m.settings().uncalibrated()) {
            outcome = outcome.withWarnings(List.of("the concentration uses a detection volume typed by the analyst, not a calibration "
                    + "record: it is UNCALIBRATED and recorded as no result; upload the measurement again with a calibration record"));
        }
        Map<String, Result> valid = validResults(lot.id());
        OosInvestigation within = investigationOf(id).map(investigations::get).orElse(null);
        record(spec, lot, m, valid, SIZE_MODE, outcome.modeNm(), "nm", outcome.method(), detail, recorded, within, null);
        record(spec, lot, m, valid, SIZE_D50, outcome.d50Nm(), "nm", outcome.method(), detail, recorded, within, null);
        NtaSettings.Calibration c = m.settings().calibration();
        // Only a concentration from a calibration record counts: an uncalibrated one stays in the measurement, not on the lot.
        if (outcome.concentrationPerMl() != null && c != null) {
            String method = outcome.method() + "; detection volume from " + c.code();
            String concentrationDetail = detail + "; " + outcome.concentrationBasis()
                    + (contradictions.isEmpty() ? "" : "; WARNING: " + String.join("; ", contradictions));
            record(spec, lot, m, valid, CONCENTRATION, outcome.concentrationPerMl(), "particles/mL", truncate(method, 200),
                    truncate(concentrationDetail, 1000), recorded, within, new Results.Calibrated(m.id(), c.code()));
        }
        quality.recordSizeDistribution(lot.id(), outcome.method() + ", measurement " + m.id(),
                outcome.distribution().stream().map(p -> new SizeDistribution.Point(p.diameterNm(), p.fraction())).toList());
        jdbc.sql("""
                update nta_measurement set status = 'SUCCEEDED', progress = 1, progress_message = 'done', finished_at = now(),
                  outcome = ?, recorded_results = ? where id = ?""")
                .params(JSON.writeValueAsString(outcome), JSON.writeValueAsString(recorded), id).update();
        NtaMeasurement after = get(id);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "SUCCEEDED");
        summary.put("modeNm", outcome.modeNm());
        summary.put("d50Nm", outcome.d50Nm());
        if (outcome.concentrationPerMl() != null) {
            summary.put("concentrationPerMl", outcome.concentrationPerMl());
            summary.put("concentrationBasis", outcome.concentrationBasis());
        } else {
            summary.put("concentration", outcome.noConcentration());
        }
        summary.put("results", recorded);
        events.publishEvent(RecordChanged.changed("nta_measurement", id, "COMPLETE", Map.of("status", m.status().name()), summary,
                "analysis finished"));
        return after;
    }

    /** What in the measurement contradicts the calibration it used (none without a calibration). */
    private static List<String> contradictions(NtaMeasurement m, NtaOutcome outcome) {
        NtaSettings.Calibration c = m.settings().calibration();
        if (c == null) return List.of();
        List<Double> rates = m.source() == NtaSource.TRACKS ? java.util.Collections.singletonList(m.settings().fps())
                : outcome.videos().stream().map(NtaOutcome.Video::fps).distinct().toList();
        List<Integer> levels = outcome.videos().stream().map(NtaOutcome.Video::cameraLevel).distinct().toList();
        return c.contradictions(m.instrument(), m.measuredAt().atZone(ZoneId.systemDefault()).toLocalDate(), m.source(), rates, levels);
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

        /** Records why the analysis failed; nothing else of it is kept. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void fail(BackgroundQueue.Claim claim, String reason) {
        hold(claim);
        UUID id = claim.id();
        NtaMeasurement m = get(id);
        String why = reason == null || reason.isBlank() ? "the analysis failed" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        jdbc.sql("update nta_measurement set status = 'FAILED', error = ?, finished_at = now() where id = ?").params(why, id).update();
        events.publishEvent(RecordChanged.changed("nta_measurement", id, "FAIL", Map.of("status", m.status().name()),
                Map.of("status", "FAILED", "error", why), "analysis failed"));
    }

    private void record(Specification spec, Lot lot, NtaMeasurement m, Map<String, Result> valid, TestCode testCode, double value, String unit,
                        String method, String detail, Map<String, UUID> recorded, OosInvestigation within, Results.Calibrated source) {
        Optional<TestDefinition> test = spec.test(testCode);
        if (test.isEmpty()) return;
        if (within != null && within.isAbout(testCode)) {
            Results.Entry entry = new Results.Entry(testCode, reported(value, unit), unit, null, detail, method,
                    m.instrument(), m.measuredAt(), within.resultId(), m.retestReason());
            Result r = source == null
                    ? investigations.recordResult(within.id(), entry, null, OosInvestigation.Testing.RETEST)
                    : investigations.recordCalibratedResult(within.id(), entry, source, OosInvestigation.Testing.RETEST);
            recorded.put(testCode.value(), r.id());
            return;
        }
        Optional<Result> existing = Optional.ofNullable(valid.get(testCode.value()));
        if (existing.isPresent() && m.retestReason() == null) {
            throw DomainProblem.conflict(test.get().name() + " already has a valid result (" + existing.get().resultLabel()
                    + "); upload again with a reason for the retest.");
        }
        Results.Entry entry = new Results.Entry(testCode, reported(value, unit), unit, null, detail, method,
                m.instrument(), m.measuredAt(), existing.map(Result::id).orElse(null), existing.isPresent() ? m.retestReason() : null);
        Result r = source == null ? results.record(lot.id(), entry, null) : results.recordCalibrated(lot.id(), entry, source);
        recorded.put(testCode.value(), r.id());
    }

    /**
     * A result as reported: diameters to 0.1 nm, concentrations to three significant figures (the
     * measurement keeps the full-precision numbers in its outcome).
     */
    static double reported(double value, String unit) {
        if ("nm".equals(unit)) return Math.round(value * 10) / 10.0;
        if (value == 0 || !Double.isFinite(value)) return value;
        return new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }

    /**
     * The lot's valid result of each test: the newest, or the out-of-specification one when a test
     * has one (results recorded inside its investigation are additional, so it may have several).
     */
    private Map<String, Result> validResults(UUID lotId) {
        Map<String, Result> valid = new LinkedHashMap<>();
        List<Result> all = results.forLot(lotId);
        all.stream().filter(r -> r.isValid() && r.outOfSpecification()).forEach(r -> valid.putIfAbsent(r.testCode(), r));
        all.stream().filter(Result::isValid).forEach(r -> valid.putIfAbsent(r.testCode(), r));
        return valid;
    }

    private Lot openLot(UUID lotId) {
        Lot lot = lots.get(lotId);
        if (!lot.acceptsResults()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase()
                    + "; results can no longer be added. Quarantine it first if it must be re-examined.");
        }
        if (specifications.effective(lot.productCode()).isEmpty()) {
            throw DomainProblem.ruleViolation("No specification", List.of("Product " + lot.productCode()
                    + " has no effective specification; QA must publish one before results can be recorded"));
        }
        return lot;
    }

    /**
     * A NanoSight export's concentrations are for the dilution it records: that is the dilution of the
     * measurement; a different one typed at upload is refused.
     */
    private static NtaSettings withExportDilution(NtaSettings settings, org.exotrace.nta.io.NanoSightSummary summary) {
        java.util.OptionalDouble recorded = NtaAnalyzer.exportDilution(summary);
        if (recorded.isEmpty() || settings.detectionVolumePl() == null) return settings;
        if (settings.dilution() != null && Math.abs(settings.dilution() - recorded.getAsDouble()) > 1e-9 * recorded.getAsDouble()) {
            throw DomainProblem.invalid("dilution", "the export records a dilution of " + NtaSettings.plain(recorded.getAsDouble())
                    + "; leave the dilution empty or give the export's");
        }
        return settings.withDilution(recorded.getAsDouble());
    }

    /**
     * A second size result needs a reason, asked for before the upload is accepted rather than after
     * the analysis; and a size or concentration result out of specification (or under an open
     * investigation) is retested only inside its investigation.
     */
    private void checkRetest(Lot lot, String reason, UUID investigationId, boolean withConcentration) {
        List<OosInvestigation> open = openInvestigations(lot.id());
        OosInvestigation within = null;
        if (investigationId != null) {
            within = open.stream().filter(i -> i.id().equals(investigationId)).findFirst().orElseThrow(() -> DomainProblem.invalid("investigationId",
                    "not an open investigation of a size or concentration result of lot " + lot.code()));
            if (within.phaseOne() == null) {
                throw DomainProblem.conflict("Record the phase I findings of " + within.number() + " before re-running inside it.");
            }
            if (within.awaitingApproval()) throw DomainProblem.conflict(within.number() + " has a conclusion waiting for QA approval.");
            if (within.phase() == OosInvestigation.Phase.PHASE_II && within.analyst().equals(Actors.current())) {
                throw DomainProblem.conflict("In phase II the additional testing is done by a second analyst; " + within.analyst()
                        + " obtained the out-of-specification result.");
            }
        }
        for (OosInvestigation i : open) {
            if (within == null || !within.id().equals(i.id())) {
                throw DomainProblem.conflict(i.testCode() + " of lot " + lot.code() + " is out of specification and under investigation " + i.number()
                        + "; an NTA re-run is a retest of it and is done only inside that investigation (choose it on the measurement's page).");
            }
        }
        for (Result r : validResults(lot.id()).values()) {
            if (NTA_TESTS.stream().anyMatch(r::isOf) && r.outOfSpecification() && open.stream().noneMatch(i -> i.resultId().equals(r.id()))) {
                throw DomainProblem.conflict(r.testCode() + " = " + r.resultLabel() + " of lot " + lot.code()
                        + " is out of specification and its investigation is closed with the result standing; it cannot be retested.");
            }
        }
        if (reason != null && !reason.isBlank()) return;
        Specification spec = specifications.effective(lot.productCode()).orElseThrow();
        Map<String, Result> valid = validResults(lot.id());
        for (TestCode code : withConcentration ? List.of(SIZE_MODE, SIZE_D50, CONCENTRATION) : List.of(SIZE_MODE, SIZE_D50)) {
            Optional<TestDefinition> test = spec.test(code);
            Optional<Result> existing = Optional.ofNullable(valid.get(code.value()));
            if (test.isPresent() && existing.isPresent()) {
                throw DomainProblem.invalid("retestReason", test.get().name() + " already has a valid result ("
                        + existing.get().resultLabel() + "); give the reason for this retest");
            }
        }
    }

    /** A file kept as a PostgreSQL large object, with its size and SHA-256. */
    private record StoredFile(long oid, long sizeBytes, String sha256) {}

    /** Streams the file into a new large object of the current transaction, hashing it on the way. */
    private StoredFile storeFile(Path file) {
        return jdbcTemplate.execute((ConnectionCallback<StoredFile>) con -> {
            LargeObjectManager objects = con.unwrap(PGConnection.class).getLargeObjectAPI();
            long created = objects.createLO(LargeObjectManager.READWRITE);
            try (LargeObject object = objects.open(created, LargeObjectManager.WRITE);
                 OutputStream out = object.getOutputStream();
                 DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                long size = in.transferTo(out);
                return new StoredFile(created, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private NtaMeasurement insert(Lot lot, NtaSettings settings, String filename, StoredFile file, String instrument, Instant measuredAt,
                                  String retestReason, UUID rerunOf, UUID investigationId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into nta_measurement (id, lot_id, source, status, filename, size_bytes, sha256, file_oid, settings,
                  instrument, measured_at, retest_reason, rerun_of, submitted_by, investigation_id, calibration_id)
                values (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lot.id(), settings.source().name(), filename, file.sizeBytes(), file.sha256(), file.oid(), JSON.writeValueAsString(settings),
                        Texts.blankToNull(instrument), Timestamp.from(measuredAt), retestReason, rerunOf, Actors.current(), investigationId,
                        settings.calibration() == null ? null : settings.calibration().id())
                .update();
        NtaMeasurement m = get(id);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("lot", lot.code());
        snapshot.put("source", settings.source().name());
        snapshot.put("file", filename);
        snapshot.put("sha256", m.sha256());
        snapshot.put("settings", settings);
        snapshot.put("concentration", settings.detectionVolumePl() == null ? "none (no detection volume)" : settings.concentrationBasis());
        if (rerunOf != null) snapshot.put("rerunOf", rerunOf.toString());
        if (investigationId != null) snapshot.put("investigation", investigations.get(investigationId).number());
        events.publishEvent(RecordChanged.created("nta_measurement", id, snapshot));
        events.publishEvent(new NtaSubmitted(id));
        return m;
    }

    private static String safeName(String name, NtaSource source) {
        String n = name == null || name.isBlank() ? (source == NtaSource.TRACKS ? "tracks.csv" : "ExperimentSummary.csv")
                : name.replaceAll("[\\\\/\\r\\n\\x00-\\x1f]", "_");
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    private static final String SELECT = "select * from nta_measurement";

    private static NtaMeasurement measurement(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        String recorded = rs.getString("recorded_results");
        return new NtaMeasurement(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
                NtaSource.valueOf(rs.getString("source")), NtaStatus.valueOf(rs.getString("status")), rs.getDouble("progress"),
                rs.getString("progress_message"), rs.getString("filename"), rs.getLong("size_bytes"), rs.getString("sha256"),
                JSON.readValue(rs.getString("settings"), NtaSettings.class),
                outcome == null ? null : JSON.readValue(outcome, NtaOutcome.class), rs.getString("error"), rs.getString("instrument"),
                rs.getTimestamp("measured_at").toInstant(), rs.getString("retest_reason"), rs.getObject("rerun_of", UUID.class),
                rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                recorded == null ? null : JSON.readValue(recorded, new TypeReference<Map<String, UUID>>() {}));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
