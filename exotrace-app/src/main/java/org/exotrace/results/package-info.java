/**
 * The laboratory record of a lot's test results and of the investigation of every result out of
 * specification. Owns results (entered one at a time or as a set, all or nothing; retests and
 * invalidations with their reasons; raw data files), each judged at entry against the lot's
 * effective specification, and out-of-specification investigations after the FDA guidance
 * "Investigating Out-of-Specification (OOS) Test Results for Pharmaceutical Production" (phase I
 * and II, additional results recorded inside the investigation, a conclusion approved by a second
 * QA person who re-enters user name and password).
 *
 * <p>Promises: a result is never overwritten or deleted; a result out of specification opens its
 * investigation in the same transaction ({@link org.exotrace.results.OosInvestigations}), cannot be
 * replaced by a retest, and stops counting only when its investigation's approved conclusion
 * invalidates it; {@link org.exotrace.results.ResultsOnRecord} gives every result and investigation
 * of a lot with a canonical text for signatures. Every change publishes {@code RecordChanged};
 * it publishes
 * {@link org.exotrace.results.ResultInvalidated}. Tables owned: {@code result}, {@code result_file},
 * {@code oos_sequence}, {@code oos_investigation}, {@code oos_additional_result},
 * {@code oos_approval_failure} (their migrations stay in {@code db/migration/quality}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Results and OOS investigations",
        allowedDependencies = {"specification", "batch", "product", "account", "shared"})
package org.exotrace.results;
