/**
 * The lot dossier: one page per lot that assembles, from each module's public API, what a QA
 * releaser needs in one place: identity and lineage, results and their evaluation against the
 * specification, MISEV completeness, the release panel and a single timeline from creation to
 * disposition. Also the lot worklist and the dashboard. Nothing depends on this module.
 */
package org.exotrace.dossier;
