package org.exotrace.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up score compared with the patient's baseline: the change, the percent improvement and
 * the responses (EASI-75, SCORAD-35, POEM minimal important change...). For every score here a
 * lower value is better, so improvement is a reduction.
 *
 * <p>Responses are decided on exact values: EASI 20 to 5 is exactly 75 % and an EASI-75
 * response, whatever the rounding of the percent shown. A baseline of 0 leaves nothing to
 * improve: the percent improvement is undefined (it would divide by zero) and every response is
 * {@link Response.Outcome#NOT_APPLICABLE} with that reason, rather than quietly "not achieved".
 *
 * @param instrument what was scored
 * @param baseline the baseline value
 * @param current the follow-up value
 * @param percentImprovement (baseline − current) / baseline × 100, one decimal, negative when
 *     worse; {@code null} when the baseline is 0
 * @param responses one per criterion, in the criteria's order
 */
public record BaselineComparison(Instrument instrument, BigDecimal baseline, BigDecimal current,
        BigDecimal percentImprovement, List<Response> responses) {

    /** Why nothing is computed against a zero baseline. */
    public static final String ZERO_BASELINE = "baseline is 0: there is nothing to improve from, so no percent change or response is defined";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Whether one criterion was met.
     *
     * @param name the criterion's name ("EASI-75")
     * @param outcome achieved, not achieved, or not applicable
     * @param reason why not applicable; {@code null} otherwise
     */
    public record Response(String name, Outcome outcome, String reason) {

        public enum Outcome { ACHIEVED, NOT_ACHIEVED, NOT_APPLICABLE }

        public boolean achieved() {
            return outcome == Outcome.ACHIEVED;
        }
    }

    public BaselineComparison {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        responses = List.copyOf(responses);
    }

    /** Compares with the instrument's usual responses ({@link ResponseCriterion#defaults}). */
    public static BaselineComparison of(Score baseline, Score current) {
        return of(baseline, current, ResponseCriterion.defaults(baseline.instrument()));
    }

    /**
     * Compares with the given criteria, for example a protocol's own minimal important change.
     *
     * @throws IllegalArgumentException if the scores are of different instruments, or of an
     *     instrument that is not a computed score (a vIGA-AD grade has no percent change)
     */
    public static BaselineComparison of(Score baseline, Score current, List<ResponseCriterion> criteria) {
        Instrument instrument = baseline.instrument();
        if (current.instrument() != instrument) {
            throw new IllegalArgumentException("cannot compare " + current.instrument().code() + " with a "
                    + instrument.code() + " baseline");
        }
        if (instrument.kind() != Instrument.Kind.SCORE) {
            throw new IllegalArgumentException(instrument.code() + " is not a score; compare its grades instead");
        }
        BigDecimal before = baseline.value();
        BigDecimal after = current.value();
        BigDecimal reduction = before.subtract(after);
        boolean zero = before.signum() == 0;
        BigDecimal percent = zero ? null : Check.plain(reduction.multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP));
        List<Response> responses = criteria.stream().map(criterion -> {
            if (zero) {
                return new Response(criterion.name(), Response.Outcome.NOT_APPLICABLE, ZERO_BASELINE);
            }
            boolean met = criterion.metBy(before, after);
            return new Response(criterion.name(), met ? Response.Outcome.ACHIEVED : Response.Outcome.NOT_ACHIEVED, null);
        }).toList();
        return new BaselineComparison(instrument, before, after, percent, responses);
    }

    /** The percent improvement, empty when the baseline is 0. */
    public Optional<BigDecimal> percent() {
        return Optional.ofNullable(percentImprovement);
    }

    /** The change from baseline, current − baseline (negative is better). */
    public BigDecimal change() {
        return Check.plain(current.subtract(baseline));
    }

    /** The response of the given name ("EASI-75"). */
    public Optional<Response> response(String name) {
        return responses.stream().filter(response -> response.name().equals(name)).findFirst();
    }
}
