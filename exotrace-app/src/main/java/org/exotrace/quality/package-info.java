/**
 * Quality control of exosome (extracellular vesicle) lots: specifications of release tests with
 * limits, warning bands and categorical vocabularies; judging observed results against them;
 * the lot-level verdict that decides whether a lot may be released; unit conversion into a
 * specification's unit; and completeness of characterization against MISEV2018 (Théry et al.
 * 2018) and MISEV2023 (Welsh et al. 2024). Out-of-specification results open an investigation
 * ({@link org.exotrace.quality.OosInvestigations}, after the FDA OOS guidance): retests and
 * invalidations of such a result happen only inside it, and the lot's evaluation fails the test
 * while the result stands.
 *
 * <p>The types in this package are plain domain logic with no framework, database or web code.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "batch", "shared"})
package org.exotrace.quality;
