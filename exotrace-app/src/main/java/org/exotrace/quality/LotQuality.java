package org.exotrace.quality;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.specification.DerivedValue;
import org.exotrace.specification.Evaluation;
import org.exotrace.specification.IncompatibleUnit;
import org.exotrace.specification.MeasurementUnits;
import org.exotrace.specification.MisevReport;
import org.exotrace.specification.Observation;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestDefinition;
import org.exotrace.specification.TestKind;
import org.exotrace.specification.Verdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Judges lots against their specification and keeps their size distribution. */
@Service
public class LotQuality {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_POINTS = 5000;
    private static final String PER_ML = "particles/mL";

    private final Lots lots;
    private final Products products;
    private final Results results;
    private final SpecificationCatalog specifications;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LotQuality(Lots lots, Products products, Results results, SpecificationCatalog specifications, JdbcClient jdbc,
               ApplicationEventPublisher events) {
        this.lots = lots;
        this.products = products;
        this.results = results;
        this.specifications = specifications;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Evaluates the lot against its product's effective specification using, per test, the latest
     * valid result converted to the specification's unit; a test with a valid result that was out
     * of specification at entry fails on that result whatever later results say.
     */
    @Transactional(readOnly = true)
    public LotEvaluation evaluate(UUID lotId) {
        Lot lot = lots.get(lotId);
        Specification spec = specifications.effective(lot.productCode()).orElseThrow(() -> DomainProblem.ruleViolation(
                "No specification", List.of("Product " + lot.productCode() + " has no effective specification")));
        return evaluate(lotId, spec);
    }

    /**
     * The lot's overall verdict, for lists: {@link Verdict#MISSING} when its product has no
     * effective specification, since nothing can pass then.
     */
    @Transactional(readOnly = true)
    public Verdict overallVerdict(UUID lotId) {
        Lot lot = lots.get(lotId);
        return overallVerdicts(List.of(lot)).get(lot);
    }

    /**
     * {@link #overallVerdict} of each lot, in the lots' order, judged exactly as one at a time but read
     * in a few queries (one for every lot's results, one specification and product per product) rather
     * than several per lot: the dashboard and the release queue judge up to hundreds of lots per view.
     */
    @Transactional(readOnly = true)
    public Map<Lot, Verdict> overallVerdicts(List<Lot> lotsToJudge) {
        Map<UUID, List<Result>> resultsByLot = results.forLots(lotsToJudge.stream().map(Lot::id).toList());
        Map<String, Optional<Specification>> specs = new HashMap<>();
        Map<String, Optional<Product>> productOf = new HashMap<>();
        Map<Lot, Verdict> verdicts = new LinkedHashMap<>();
        for (Lot lot : lotsToJudge) {
            Optional<Specification> spec = specs.computeIfAbsent(lot.productCode(), specifications::effective);
            Optional<Product> product = productOf.computeIfAbsent(lot.productCode(), products::find);
            verdicts.put(lot, spec.map(s -> evaluate(lot, s, resultsByLot.get(lot.id()), product).overall()).orElse(Verdict.MISSING));
        }
        return verdicts;
    }

    /** Evaluates the lot against a given specification version, e.g. the one a release was signed against. */
    @Transactional(readOnly = true)
    public LotEvaluation evaluate(UUID lotId, UUID specificationId) {
        lots.get(lotId);
        return evaluate(lotId, specifications.get(specificationId));
    }

    /**
     * Per test, the result that decides: the earliest valid result that was out of specification at
     * entry when there is one (the test fails on it, whatever later results say, until its
     * investigation invalidates it), otherwise the latest valid result.
     */
    private LotEvaluation evaluate(UUID lotId, Specification spec) {
        Lot lot = lots.get(lotId);
        return evaluate(lot, spec, results.forLot(lotId), products.find(lot.productCode()));
    }

    /** As {@link #evaluate(UUID, Specification)} on what was read already: the lot, all its results and its product. */
    private static LotEvaluation evaluate(Lot lot, Specification spec, List<Result> lotResults, Optional<Product> product) {
        UUID lotId = lot.id();
        Map<String, Result> latest = new LinkedHashMap<>();
        Map<String, Result> outOfSpecification = new LinkedHashMap<>();
        lotResults.stream()
                .filter(Result::isValid)
                .filter(r -> spec.test(r.testCode()).isPresent())
                .sorted(Comparator.comparing(Result::performedAt).thenComparing(Result::recordedAt))
                .forEach(r -> {
                    latest.put(r.testCode(), r);
                    if (r.outOfSpecification()) outOfSpecification.putIfAbsent(r.testCode(), r);
                });
        latest.putAll(outOfSpecification);
        // A derived test is computed, never typed: a result stored under its code (typed before it became derived) is ignored.
        latest.keySet().removeIf(code -> spec.test(code).map(TestDefinition::derived).orElse(false));
        outOfSpecification.keySet().removeIf(code -> !latest.containsKey(code));
        List<Observation> observations = new java.util.ArrayList<>(latest.values().stream()
                .map(r -> observation(spec.test(r.testCode()).orElseThrow(), r))
                .flatMap(Optional::stream)
                .toList());
        Map<String, Observation> measured = new LinkedHashMap<>();
        observations.forEach(o -> measured.put(o.testCode(), o));
        Double fillVolume = product.map(Product::ampouleVolumeMl).orElse(null);
        Map<String, DerivedValue> derived = DerivedValue.of(spec.tests(), measured, fillVolume, lot.productCode());
        derived.values().forEach(d -> d.observation().ifPresent(observations::add));
        return new LotEvaluation(lotId, spec, Evaluation.of(spec.tests(), observations, outOfSpecification.keySet()), Map.copyOf(latest),
                MisevReport.of(spec.tests(), observations), derived, concentration(lot, spec, measured, latest));
    }

    /** The lot's declared concentration beside the latest valid result of the specification's concentration test. */
    private static LotConcentration concentration(Lot lot, Specification spec, Map<String, Observation> measured, Map<String, Result> latest) {
        Optional<TestDefinition> test = spec.tests().stream().filter(t -> t.declaredTolerance() != null).findFirst()
                .or(() -> spec.tests().stream().filter(t -> t.kind() == TestKind.NUMERIC && !t.derived()
                        && MeasurementUnits.compatible(t.unit(), PER_ML)).findFirst());
        Observation o = test.map(t -> measured.get(t.code())).orElse(null);
        Double measuredPerMl = o == null ? null : MeasurementUnits.convert(o.value(), test.get().unit(), PER_ML);
        return new LotConcentration(lot.concentrationPerMl(), test.orElse(null), measuredPerMl,
                o == null ? null : latest.get(o.testCode()), spec.reference());
    }

    /** Records (or replaces) the lot's size distribution; fractions must be non-negative and sum to about 1. */
    @Transactional
    public SizeDistribution recordSizeDistribution(UUID lotId, String method, List<SizeDistribution.Point> points) {
        Lot lot = lots.get(lotId);
        if (method == null || method.isBlank() || method.length() > 200) throw DomainProblem.invalid("method", "name the method (at most 200 characters), e.g. NTA");
        if (points == null || points.size() < 2 || points.size() > MAX_POINTS) {
            throw DomainProblem.invalid("points", "give between 2 and " + MAX_POINTS + " points");
        }
        double sum = 0;
        double previous = -1;
        for (SizeDistribution.Point p : points) {
            if (!(p.diameterNm() > 0) || !(p.fraction() >= 0) || Double.isInfinite(p.diameterNm()) || Double.isInfinite(p.fraction())) {
                throw DomainProblem.invalid("points", "diameters must be positive and fractions non-negative finite numbers");
            }
            if (p.diameterNm() <= previous) throw DomainProblem.invalid("points", "diameters must increase");
            previous = p.diameterNm();
            sum += p.fraction();
        }
        if (Math.abs(sum - 1) > 0.02) throw DomainProblem.invalid("points", "fractions sum to " + String.format("%.3f", sum) + "; they must sum to 1 (±0.02)");
        Optional<SizeDistribution> before = sizeDistribution(lotId);
        jdbc.sql("""
                insert into size_distribution (lot_id, method, points, recorded_by) values (?, ?, ?, ?)
                on conflict (lot_id) do update set method = excluded.method, points = excluded.points,
                  recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(lotId, method.strip(), JSON.writeValueAsString(points), Actors.current()).update();
        SizeDistribution after = sizeDistribution(lotId).orElseThrow();
        Map<String, Object> summary = Map.of("lot", lot.code(), "method", after.method(), "points", after.points().size());
        events.publishEvent(before.isEmpty()
                ? RecordChanged.created("size_distribution", lotId, summary)
                : RecordChanged.changed("size_distribution", lotId, "UPDATE", Map.of("method", before.get().method(),
                "points", before.get().points().size()), summary, "size distribution replaced"));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<SizeDistribution> sizeDistribution(UUID lotId) {
        return jdbc.sql("select * from size_distribution where lot_id = ?").param(lotId)
                .query((rs, n) -> new SizeDistribution(lotId, rs.getString("method"),
                        JSON.readValue(rs.getString("points"), new TypeReference<List<SizeDistribution.Point>>() {}),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** A result as an observation in the test's current unit; empty when the specification changed so that it no longer fits. */
    private static Optional<Observation> observation(TestDefinition test, Result r) {
        try {
            if (test.kind() == TestKind.NUMERIC) {
                if (r.value() == null) return Optional.empty();
                return Optional.of(Observation.numeric(r.testCode(), MeasurementUnits.convert(r.value(), r.unit(), test)));
            }
            if (r.category() == null) return Optional.empty();
            test.judge(r.category());
            return Optional.of(Observation.categorical(r.testCode(), r.category()));
        } catch (IncompatibleUnit | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
