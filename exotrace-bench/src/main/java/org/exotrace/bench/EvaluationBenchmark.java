package org.exotrace.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exotrace.specification.DefaultSpecifications;
import org.exotrace.specification.Evaluation;
import org.exotrace.specification.MisevReport;
import org.exotrace.specification.Observation;
import org.exotrace.specification.TestDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pure domain evaluation, no database and no Spring: how many times per second one lot's results
 * can be judged against the default human MSC exosome serum specification
 * ({@link Evaluation#of}) and scored against MISEV ({@link MisevReport#of}).
 *
 * <p>The lot is realistic: the 13 results the demo's released lot carries (all required tests
 * passing, the optional appearance test without a result), as {@link Observation}s already in the
 * specification's units. Unit conversion and reading results from the database are not measured
 * here; {@link LotReleaseBenchmark#evaluateLot} measures the whole path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EvaluationBenchmark {

    private List<TestDefinition> specification;
    private List<Observation> observations;

    @Setup
    public void prepare() {
        specification = DefaultSpecifications.humanMscExosomeSerum();
        observations = LotFixtures.passingResults().stream().map(LotFixtures::observation).toList();
    }

    /** Both computations the service does for one lot; the blackhole keeps the JIT from dropping either. */
    @Benchmark
    public void evaluateAndScore(Blackhole blackhole) {
        Evaluation evaluation = Evaluation.of(specification, observations);
        blackhole.consume(evaluation.overall());
        blackhole.consume(MisevReport.of(specification, observations));
    }
}
