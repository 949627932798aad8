/**
 * The quality of a lot as a whole: its evaluation against its product's effective specification
 * ({@link org.exotrace.quality.LotQuality}, the lot-level verdict that decides whether a lot may
 * be released), using per test the result that decides (an out-of-specification result on record
 * fails the test until its investigation invalidates it, however many later results pass); the
 * values of derived tests; the lot's declared concentration beside the measured one; MISEV
 * completeness; and the lot's size distribution. Also the lab's quality pages and API: the lot's
 * results page, the result sheet and worksheet, the investigation pages, and {@code /api} for
 * specifications, results, evaluations and size distributions, composed from the
 * {@code specification} and {@code results} modules.
 *
 * <p>Promises: {@link org.exotrace.quality.LotEvaluation#releasable()} is false while a required
 * test fails or is missing or the declared and measured concentrations disagree. Recording a size
 * distribution publishes {@code RecordChanged}. Table owned: {@code size_distribution}. The
 * services and controllers here use Spring (transactions, JDBC, MVC); the evaluation records are
 * plain values.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lot quality",
        allowedDependencies = {"specification", "results", "batch", "product", "shared"})
package org.exotrace.quality;
