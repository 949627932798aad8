/**
 * Open, reproducible nanoparticle tracking analysis: from particle tracks to a size distribution
 * and a concentration, with the physics, estimators and uncertainties stated. This library has no
 * Spring and no web code so that it can be embedded, re-run and audited on its own.
 */
package org.exotrace.nta;
