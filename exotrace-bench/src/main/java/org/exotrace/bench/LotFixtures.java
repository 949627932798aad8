package org.exotrace.bench;

import java.util.List;
import org.exotrace.demo.ExampleResults;
import org.exotrace.specification.Observation;
import org.exotrace.results.Results;

/**
 * A realistic, releasable lot's results for the human MSC exosome serum: the same 13 results the
 * demo dataset gives its released lot, every required test passing.
 */
final class LotFixtures {

    private LotFixtures() {
    }

    static List<Results.Entry> passingResults() {
        return ExampleResults.passing();
    }

    /** The entry as the evaluation sees it; the units above are already the specification's. */
    static Observation observation(Results.Entry entry) {
        return entry.value() != null
                ? Observation.numeric(entry.testCode(), entry.value())
                : Observation.categorical(entry.testCode(), entry.category());
    }
}
