/**
 * The lot dossier: one page per lot that assembles, from each module's public API, what a QA
 * releaser needs in one place: identity and lineage, results and their evaluation against the
 * specification, MISEV completeness, the release panel and a single timeline from creation to
 * disposition. Also the lot worklist and the dashboard. Nothing depends on this module.
 *
 * <p>Promises: composition only: it owns no table and writes nothing; every panel it shows comes
 * from the owning module's public API or its htmx fragment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "batch", "product", "clinic", "donor", "quality", "release", "results", "specification", "supply", "shared"})
package org.exotrace.dossier;
