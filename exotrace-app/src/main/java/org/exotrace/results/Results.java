package org.exotrace.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.Texts;
import org.exotrace.shared.RecordChanged;
import org.exotrace.specification.DerivedValue;
import org.exotrace.specification.IncompatibleUnit;
import org.exotrace.specification.MeasurementUnits;
import org.exotrace.specification.Observation;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestCode;
import org.exotrace.specification.TestDefinition;
import org.exotrace.specification.TestKind;
import org.exotrace.specification.Verdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Test results of lots: record (with the out-of-specification flag), retest, invalidate, attach raw data. */
@Service
public class Results {

    /**
     * A result as entered. Numeric results give {@code value} and {@code unit} (any unit convertible
     * to the specification's); categorical results give {@code category}. A retest names the result
     * it replaces and a reason.
     */
    public record Entry(String testCode, Double value, String unit, String category, String detail, String method,
                        String instrument, Instant performedAt, UUID retestOf, String retestReason) {

        /** A result of a test the caller names by its typed code. */
        public Entry(TestCode test, Double value, String unit, String category, String detail, String method,
                     String instrument, Instant performedAt, UUID retestOf, String retestReason) {
            this(test.value(), value, unit, category, detail, method, instrument, performedAt, retestOf, retestReason);
        }
    }

    /** A raw data file to attach. */
    public record Upload(String filename, String contentType, byte[] content) {}

    /**
     * Where an NTA concentration comes from: the NTA measurement that computed it with the
     * detection volume of a calibration record. Only such a concentration counts; a typed one whose
     * method says NTA is refused ({@link #ntaConcentration}).
     *
     * @param measurementId   the NTA measurement
     * @param calibrationCode the calibration record whose detection volume it used, "CAL-2026-0001"
     */
    public record Calibrated(UUID measurementId, String calibrationCode) {
        public Calibrated {
            if (measurementId == null || calibrationCode == null || calibrationCode.isBlank()) {
                throw new IllegalArgumentException("a calibrated NTA concentration names its measurement and calibration record");
            }
        }
    }

    private static final java.util.regex.Pattern NTA = java.util.regex.Pattern.compile(
            "(?i)(\\bNTA\\b|nanoparticle tracking|nanosight|zetaview)");
    private static final String PER_ML = "particles/mL";

    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final SpecificationCatalog specifications;
    private final InvestigationRecords investigations;

    private final org.exotrace.product.Products products;

    Results(JdbcClient jdbc, ApplicationEventPublisher events, Lots lots, SpecificationCatalog specifications,
            InvestigationRecords investigations, org.exotrace.product.Products products) {
        this.products = products;
        this.jdbc = jdbc;
        this.events = events;
        this.lots = lots;
        this.specifications = specifications;
        this.investigations = investigations;
    }

    /**
     * Records a result and judges it against the lot's effective specification. A result out of
     * specification opens its {@link OosInvestigation} in the same transaction. A retest names the
     * result it supersedes and a reason; a result out of specification, and any result of a test
     * under an open investigation, cannot be retested here: further results of that test are
     * recorded inside the investigation ({@link OosInvestigations#recordResult}).
     */
    @Transactional
    public Result record(UUID lotId, Entry e, Upload file) {
        return record(lotId, e, file, null, null, null);
    }

    /**
     * Records a particle concentration computed by an NTA measurement with a calibration record's
     * detection volume (the characterization module's analysis); otherwise as {@link #record}.
     */
    @Transactional
    public Result recordCalibrated(UUID lotId, Entry e, Calibrated source) {
        if (source == null) throw new IllegalArgumentException("name the measurement and its calibration");
        return record(lotId, e, null, null, null, source);
    }

    /**
     * Whether a result of this test by this method is an NTA particle concentration: a numeric
     * test in particles per volume whose method names nanoparticle tracking analysis. Such a value
     * counts only from an NTA measurement with a calibration record, never typed.
     */
    public static boolean ntaConcentration(TestDefinition test, String method) {
        return test.kind() == TestKind.NUMERIC && !test.derived() && MeasurementUnits.compatible(test.unit(), PER_ML)
                && method != null && NTA.matcher(method).find();
    }

    /**
     * Records a result; inside an investigation ({@code within} not null) it is an additional
     * result of the investigation's test: it names the investigation's result as the one retested,
     * needs a reason, and supersedes nothing.
     */
    Result record(UUID lotId, Entry e, Upload file, OosInvestigation within, OosInvestigation.Testing kind, Calibrated source) {
        Lot lot = lots.get(lotId);
        if (!lot.acceptsResults()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase()
                    + "; results can no longer be added. Quarantine it first if it must be re-examined.");
        }
        Specification spec = specifications.effective(lot.productCode()).orElseThrow(() -> DomainProblem.ruleViolation(
                "No specification", List.of("Product " + lot.productCode() + " has no effective specification; QA must publish one first")));
        if (e.testCode() == null || e.testCode().isBlank()) throw DomainProblem.invalid("testCode", "choose the test");
        TestDefinition test = spec.test(e.testCode()).orElseThrow(() -> DomainProblem.invalid("testCode",
                "'" + e.testCode() + "' is not a test of " + spec.reference() + "; use one of "
                        + spec.tests().stream().map(TestDefinition::code).toList()));
        if (test.derived()) {
            throw DomainProblem.invalid("testCode", test.name() + " is computed as " + test.derivation().formula(spec.tests())
                    + " and cannot be entered by hand; record " + test.derivation().tests().stream()
                    .map(c -> spec.test(c).map(TestDefinition::name).orElse(c)).toList().stream().reduce((a, b) -> a + " and " + b).orElse("its factors")
                    + " instead");
        }
        Texts.check("method", e.method(), 200, true);
        if (source == null && ntaConcentration(test, e.method())) {
            throw DomainProblem.invalid("method", "an NTA " + test.name().toLowerCase(java.util.Locale.ROOT)
                    + " counts only from an NTA measurement with its calibration: upload the NTA measurement and choose its calibration record"
                    + " instead of typing the value (a concentration measured by another method, e.g. TRPS, may be typed with that method)");
        }
        if (source != null && !ntaConcentration(test, e.method())) {
            throw new IllegalArgumentException("a calibrated NTA result is a particle concentration whose method names NTA");
        }
        Texts.check("instrument", e.instrument(), 200, false);
        Texts.check("detail", e.detail(), 1000, false);
        if (e.performedAt() == null) throw DomainProblem.invalid("performedAt", "give when the test was performed");
        if (e.performedAt().isAfter(Instant.now().plusSeconds(300))) throw DomainProblem.invalid("performedAt", "cannot be in the future");
        // a day's grace for time zones: the lot's manufacturing date has no time of day or zone
        if (lot.manufacturedOn() != null && e.performedAt().isBefore(lot.manufacturedOn().minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            throw DomainProblem.invalid("performedAt", "cannot be before lot " + lot.code() + " was made (" + lot.manufacturedOn() + ")");
        }

        Verdict verdict;
        String derivedFailure = null;
        String unit = null;
        String category = null;
        if (test.kind() == TestKind.NUMERIC) {
            if (e.value() == null) throw DomainProblem.invalid("value", "give the numeric result of " + test.name());
            if (e.value().isNaN() || e.value().isInfinite()) throw DomainProblem.invalid("value", "must be a finite number");
            if (e.category() != null && !e.category().isBlank()) throw DomainProblem.invalid("category", test.name() + " takes a number, not a category");
            unit = e.unit() == null || e.unit().isBlank() ? test.unit() : e.unit().strip();
            double inSpecUnit;
            try {
                inSpecUnit = MeasurementUnits.convert(e.value(), unit, test);
            } catch (IncompatibleUnit ex) {
                throw DomainProblem.invalid("unit", ex.getMessage());
            }
            if (!Double.isFinite(inSpecUnit)) throw DomainProblem.invalid("value", "is too large to express in " + test.unit() + "; check the value and unit");
            if (e.value() < 0 && !"°C".equals(test.unit())) throw DomainProblem.invalid("value", "cannot be negative for " + test.name());
            unit = MeasurementUnits.normalise(unit);
            verdict = test.judge(inSpecUnit);
            if (verdict != Verdict.FAIL) {
                derivedFailure = derivedFailure(lot, spec, test, inSpecUnit);
                if (derivedFailure != null) verdict = Verdict.FAIL;
            }
        } else {
            if (e.category() == null || e.category().isBlank()) {
                throw DomainProblem.invalid("category", "choose one of " + test.allowedValues() + " for " + test.name());
            }
            if (e.value() != null) throw DomainProblem.invalid("value", test.name() + " takes one of " + test.allowedValues() + ", not a number");
            try {
                verdict = test.judge(e.category());
            } catch (IllegalArgumentException ex) {
                throw DomainProblem.invalid("category", ex.getMessage());
            }
            category = test.allowedValues().stream().filter(v -> v.equalsIgnoreCase(e.category().strip())).findFirst().orElseThrow();
        }

        UUID retestOf = e.retestOf();
        if (within != null) {
            if (!test.code().equals(within.testCode())) {
                throw DomainProblem.invalid("testCode", within.number() + " investigates " + within.testCode() + "; record results of that test in it");
            }
            if (retestOf != null && !retestOf.equals(within.resultId())) {
                throw DomainProblem.invalid("retestOf", "a result inside " + within.number() + " is an additional result for the result it investigates");
            }
            Texts.check("retestReason", e.retestReason(), 1000, true);
            retestOf = within.resultId();
        } else {
            Optional<OosInvestigation> open = openInvestigation(lotId, test.code());
            if (open.isPresent()) {
                Result oos = get(open.get().resultId());
                throw DomainProblem.conflict(test.name() + " is out of specification (" + oos.resultLabel() + ") and under investigation "
                        + open.get().number() + "; a retest of it is recorded only inside that investigation, and the original result stays on record.");
            }
            if (retestOf == null) {
                forLot(lotId).stream().filter(r -> r.isValid() && r.testCode().equals(test.code())).findFirst().ifPresent(existing -> {
                    throw DomainProblem.conflict(test.name() + " already has a valid result (" + existing.resultLabel()
                            + (existing.outOfSpecification() ? ", out of specification, " + investigationText(existing) + ")" : ")")
                            + "; record a retest of it with a reason, or invalidate it first.");
                });
            } else {
                Result earlier = get(retestOf);
                if (!earlier.lotId().equals(lotId) || !earlier.testCode().equals(test.code())) {
                    throw DomainProblem.invalid("retestOf", "a retest must replace a result of the same lot and test");
                }
                if (!earlier.isValid()) throw DomainProblem.conflict("The result being retested is already " + earlier.status().name().toLowerCase() + ".");
                if (earlier.outOfSpecification()) {
                    throw DomainProblem.conflict("The result being retested (" + earlier.resultLabel() + ") is out of specification ("
                            + investigationText(earlier) + "); it cannot be replaced by a retest: it stays valid until its investigation concludes.");
                }
                Texts.check("retestReason", e.retestReason(), 1000, true);
                changeStatus(earlier, Result.Status.SUPERSEDED, e.retestReason().strip(), "SUPERSEDE");
            }
        }

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into result (id, lot_id, test_code, value, unit, category, detail, method, instrument, analyst, performed_at,
                  status, retest_of, verdict_at_entry, specification_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?, ?)""")
                .params(id, lotId, test.code(), test.kind() == TestKind.NUMERIC ? e.value() : null, unit, category,
                        Texts.blankToNull(e.detail()), e.method().strip(), Texts.blankToNull(e.instrument()), Actors.current(),
                        java.sql.Timestamp.from(e.performedAt()), retestOf, verdict.name(), spec.id())
                .update();
        if (file != null) attach(id, file);
        Result result = get(id);
        Map<String, Object> snapshot = snapshot(result, lot.code());
        if (derivedFailure != null) snapshot.put("outOfSpecificationThrough", derivedFailure);
        if (source != null) {
            snapshot.put("ntaMeasurement", source.measurementId().toString());
            snapshot.put("calibration", source.calibrationCode());
        }
        if (within != null) {
            investigations.addResult(within.id(), id, kind, within.phase());
            snapshot.put("investigation", within.number());
            snapshot.put("testing", kind.label());
            snapshot.put("reason", e.retestReason().strip());
        }
        events.publishEvent(RecordChanged.created("result", id, snapshot));
        if (within == null && verdict == Verdict.FAIL) open(result, lot);
        return result;
    }

    /**
     * Why a value that meets its own test's limits is still out of specification: a derived test
     * computed from it (e.g. particles per ampoule = concentration × fill volume) fails. The other
     * factors are the lot's latest valid results. Null when every derived test it enters passes or
     * cannot be computed yet.
     */
    private String derivedFailure(Lot lot, Specification spec, TestDefinition test, double inSpecUnit) {
        List<TestDefinition> dependents = spec.tests().stream()
                .filter(t -> t.derived() && t.derivation().tests().contains(test.code())).toList();
        if (dependents.isEmpty()) return null;
        Map<String, Observation> measured = new LinkedHashMap<>();
        forLot(lot.id()).stream().filter(Result::isValid)
                .sorted(java.util.Comparator.comparing(Result::performedAt).thenComparing(Result::recordedAt))
                .forEach(r -> spec.test(r.testCode()).filter(t -> t.kind() == TestKind.NUMERIC && !t.derived() && r.value() != null)
                        .ifPresent(t -> {
                            try {
                                measured.put(t.code(), Observation.numeric(t.code(), MeasurementUnits.convert(r.value(), r.unit(), t)));
                            } catch (IncompatibleUnit ignored) {
                                // a result in a unit the specification no longer takes does not enter the computation
                            }
                        }));
        measured.put(test.code(), Observation.numeric(test.code(), inSpecUnit));
        Double fill = products.find(lot.productCode()).map(org.exotrace.product.Product::ampouleVolumeMl).orElse(null);
        Map<String, DerivedValue> values = DerivedValue.of(spec.tests(), measured, fill, lot.productCode());
        for (TestDefinition d : dependents) {
            DerivedValue v = values.get(d.code());
            if (v != null && v.value() != null && d.judge(v.value()) == Verdict.FAIL) {
                return d.name() + " " + v.expression() + " is out of specification";
            }
        }
        return null;
    }

    /** Opens the investigation of a result out of specification at entry (FDA OOS guidance, phase I). */
    private void open(Result result, Lot lot) {
        UUID id = investigations.open(result, Actors.current(), java.time.Year.now().getValue());
        OosInvestigation opened = investigations.get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", opened.number());
        m.put("lot", lot.code());
        m.put("test", result.testCode());
        m.put("result", result.resultText());
        m.put("resultId", result.id().toString());
        m.put("analyst", result.analyst());
        m.put("phase", opened.phase().label());
        events.publishEvent(RecordChanged.created("oos_investigation", id, m));
    }

    private Optional<OosInvestigation> openInvestigation(UUID lotId, String testCode) {
        return investigations.forLot(lotId).stream().filter(i -> i.isOpen() && i.testCode().equals(testCode)).findFirst();
    }

    private String investigationText(Result oos) {
        return investigations.forResult(oos.id()).map(i -> "investigation " + i.number() + ", " + i.stateText())
                .orElse("no investigation on record");
    }

    /**
     * Marks a result invalid with a reason; it stays on record. A result out of specification is
     * invalidated only by its investigation's approved conclusion, and a result recorded inside an
     * open investigation stays as it is until the investigation concludes.
     */
    @Transactional
    public Result invalidate(UUID resultId, String reason) {
        Result r = get(resultId);
        if (!r.isValid()) throw DomainProblem.conflict("This result is already " + r.status().name().toLowerCase() + ".");
        if (r.outOfSpecification()) {
            throw DomainProblem.conflict("This result (" + r.testCode() + " = " + r.resultLabel() + ") is out of specification ("
                    + investigationText(r) + "); it is invalidated only inside its investigation, for an assignable cause approved by QA.");
        }
        Optional<OosInvestigation> within = investigations.forResult(r.id()).filter(OosInvestigation::isOpen);
        if (within.isPresent()) {
            throw DomainProblem.conflict("This result was recorded inside investigation " + within.get().number()
                    + ", which is still open; it stays on record as it is until the investigation concludes.");
        }
        Texts.check("reason", reason, 1000, true);
        return invalidateNow(r, reason.strip());
    }

    /** Invalidates an out-of-specification result under its investigation's approved conclusion. */
    Result invalidateApproved(Result r, String reason) {
        return invalidateNow(r, reason);
    }

    private Result invalidateNow(Result r, String reason) {
        Lot lot = lots.get(r.lotId());
        if (!lot.acceptsResults()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase() + "; its results are locked.");
        }
        Result after = changeStatus(r, Result.Status.INVALIDATED, reason, "INVALIDATE");
        events.publishEvent(new ResultInvalidated(r.id(), lot.id(), lot.code(), r.testCode(), reason));
        return after;
    }

    @Transactional
    public Result attachRawFile(UUID resultId, Upload file) {
        Result r = get(resultId);
        Lot lot = lots.get(r.lotId());
        if (!lot.acceptsResults()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase() + "; its results are locked.");
        }
        if (r.rawFile() != null) throw DomainProblem.conflict("This result already has a raw file (" + r.rawFile().filename() + "); record a retest to replace it.");
        attach(resultId, file);
        Result after = get(resultId);
        events.publishEvent(RecordChanged.changed("result", resultId, "ATTACH_RAW_FILE", null,
                Map.of("filename", after.rawFile().filename(), "sha256", after.rawFile().sha256()), "raw data attached"));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<Upload> rawFile(UUID resultId) {
        return jdbc.sql("select filename, content_type, content from result_file where result_id = ?").param(resultId)
                .query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    @Transactional(readOnly = true)
    public Result get(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Results::result).optional()
                .orElseThrow(() -> DomainProblem.notFound("Result", id));
    }

    /** Every result of a lot, newest first, including superseded and invalidated ones. */
    @Transactional(readOnly = true)
    public List<Result> forLot(UUID lotId) {
        return jdbc.sql(SELECT + " where r.lot_id = ? order by r.recorded_at desc").param(lotId).query(Results::result).list();
    }

    /** The results of each of the lots (one query), newest first per lot as {@link #forLot}; a lot without results maps to an empty list. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Result>> forLots(Collection<UUID> lotIds) {
        Map<UUID, List<Result>> byLot = new LinkedHashMap<>();
        lotIds.forEach(id -> byLot.put(id, new ArrayList<>()));
        if (lotIds.isEmpty()) return byLot;
        jdbc.sql(SELECT + " where r.lot_id = any(?) order by r.recorded_at desc").param(lotIds.toArray(UUID[]::new)).query(Results::result).list()
                .forEach(r -> byLot.get(r.lotId()).add(r));
        return byLot;
    }

    /** Everyone who entered a result for the lot, valid or not: they may not release it (two-person rule). */
    @Transactional(readOnly = true)
    public Set<String> analysts(UUID lotId) {
        return Set.copyOf(jdbc.sql("select distinct analyst from result where lot_id = ?").param(lotId).query(String.class).list());
    }

    private Result changeStatus(Result r, Result.Status status, String reason, String action) {
        jdbc.sql("update result set status = ?, status_reason = ? where id = ?").params(status.name(), reason, r.id()).update();
        Result after = get(r.id());
        events.publishEvent(RecordChanged.changed("result", r.id(), action, Map.of("status", r.status().name()),
                Map.of("status", after.status().name()), reason));
        return after;
    }

    private void attach(UUID resultId, Upload file) {
        if (file.content() == null || file.content().length == 0) throw DomainProblem.invalid("file", "the raw data file is empty");
        if (file.content().length > MAX_FILE_BYTES) throw DomainProblem.invalid("file", "the raw data file is larger than 20 MB");
        String name = file.filename() == null || file.filename().isBlank() ? "raw-data" : file.filename().replaceAll("[\\\\/\\r\\n]", "_");
        if (name.length() > 255) name = name.substring(name.length() - 255);
        jdbc.sql("insert into result_file (result_id, filename, content_type, size_bytes, sha256, content, uploaded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(resultId, name, file.contentType() == null ? "application/octet-stream" : file.contentType(),
                        file.content().length, Hashes.sha256(file.content()), file.content(), Actors.current())
                .update();
    }

    private static final String SELECT = """
            select r.*, f.filename, f.content_type, f.size_bytes, f.sha256
            from result r left join result_file f on f.result_id = r.id""";

    private static Result result(ResultSet rs, int n) throws SQLException {
        String filename = rs.getString("filename");
        return new Result(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), rs.getString("test_code"),
                (Double) rs.getObject("value"), rs.getString("unit"), rs.getString("category"), rs.getString("detail"),
                rs.getString("method"), rs.getString("instrument"), rs.getString("analyst"), rs.getTimestamp("performed_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), Result.Status.valueOf(rs.getString("status")),
                rs.getObject("retest_of", UUID.class), rs.getString("status_reason"), Verdict.valueOf(rs.getString("verdict_at_entry")),
                rs.getObject("specification_id", UUID.class),
                filename == null ? null : new Result.RawFile(filename, rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")));
    }

    private static Map<String, Object> snapshot(Result r, String lotCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lot", lotCode);
        m.put("test", r.testCode());
        m.put("result", r.resultText());
        m.put("verdict", r.verdictAtEntry().name());
        m.put("method", r.method());
        m.put("instrument", r.instrument());
        m.put("performedAt", r.performedAt().toString());
        if (r.retestOf() != null) m.put("retestOf", r.retestOf().toString());
        if (r.rawFile() != null) m.put("rawFileSha256", r.rawFile().sha256());
        return m;
    }

}
