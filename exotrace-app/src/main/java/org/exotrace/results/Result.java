package org.exotrace.results;

import java.time.Instant;
import java.util.UUID;
import org.exotrace.specification.TestCode;
import org.exotrace.specification.Numbers;
import org.exotrace.specification.Verdict;

/**
 * A recorded test result. Results are never overwritten: a retest supersedes the earlier result
 * and an invalidation marks it, each with a reason. {@code verdictAtEntry} is the judgement
 * against the specification in force when the result was entered (out-of-specification flag).
 * A result out of specification is never superseded: results recorded inside its
 * {@link OosInvestigation} are additional, and it is invalidated only by the investigation's
 * approved conclusion.
 */
public record Result(UUID id, UUID lotId, String testCode, Double value, String unit, String category, String detail,
                     String method, String instrument, String analyst, Instant performedAt, Instant recordedAt,
                     Status status, UUID retestOf, String statusReason, Verdict verdictAtEntry, UUID specificationId,
                     RawFile rawFile) {

    public enum Status { VALID, INVALIDATED, SUPERSEDED }

    /** The attached raw data file, without its content. */
    public record RawFile(String filename, String contentType, long sizeBytes, String sha256) {}

    public boolean isValid() { return status == Status.VALID; }

    /** Whether this is a result of that test. */
    public boolean isOf(TestCode test) { return test.is(testCode); }

    public boolean outOfSpecification() { return verdictAtEntry == Verdict.FAIL; }

    /** The value without its unit, or the category. */
    public String valueText() {
        return category != null ? category : Numbers.format(value);
    }

    /** The value with its unit, or the category code: what the signature's content hash and the audit hold. */
    public String resultText() {
        return category != null ? category : Numbers.format(value) + (unit == null ? "" : " " + unit);
    }

    /** As people read it: the category in words ("No growth"), or the value with its unit. */
    public String resultLabel() {
        return category != null ? org.exotrace.shared.Words.words(category) : org.exotrace.shared.ScientificNotation.inText(resultText());
    }

    /** The value without its unit, or the category in words. */
    public String valueLabel() {
        return category != null ? org.exotrace.shared.Words.words(category) : org.exotrace.shared.ScientificNotation.inText(valueText());
    }
}
