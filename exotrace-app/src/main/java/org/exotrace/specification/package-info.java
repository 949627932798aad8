/**
 * What a lot of exosome (extracellular vesicle) product must meet, and how an observation is
 * judged against it. Owns the definition of each release test (numeric with limits and warning
 * bands, or categorical with its vocabulary; derived tests such as particles per ampoule =
 * concentration × fill volume; the declared-versus-measured concentration tolerance), measurement
 * units and their conversion into a specification's unit, versioned specifications per product
 * with their catalog, the default specification and its seeder, the specification editor, the
 * judgement of observations against the tests ({@link org.exotrace.specification.Evaluation}) and
 * completeness of characterization against MISEV2018 (Théry et al. 2018) and MISEV2023 (Welsh et
 * al. 2024) ({@link org.exotrace.specification.MisevReport}).
 *
 * <p>Promises: a published specification version is never changed, a new version supersedes it
 * ({@link org.exotrace.specification.SpecificationCatalog}, publishing {@code RecordChanged});
 * every numeric value is judged in the specification's own unit; the well-known test codes other
 * modules name are typed ({@link org.exotrace.specification.TestCode}). Tables owned:
 * {@code specification}, {@code specification_test} (their migrations stay in
 * {@code db/migration/quality}, where they were first written).
 *
 * <p>The value types (tests, limits, units, evaluations) are plain domain logic; the catalog, the
 * seeder and the editor use Spring and JDBC.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Specification", allowedDependencies = {"batch", "product", "shared"})
package org.exotrace.specification;
