/**
 * Outcome assessments of treated patients: validated dermatology scores computed from their
 * components, banded, and compared with baseline.
 *
 * <p>Each instrument is a record of its components ({@link org.exotrace.outcome.Easi},
 * {@link org.exotrace.outcome.Scorad}, {@link org.exotrace.outcome.Pasi}, ...). Constructing one
 * refuses a missing or out-of-range component with a
 * {@link org.exotrace.shared.DomainProblem#invalid field problem} whose field names the component
 * ({@code headNeck.erythema}) and whose message gives the allowed range, so a form can show it
 * beside the field. {@link org.exotrace.outcome.ScoreComponents#score()} then computes the
 * {@link org.exotrace.outcome.Score} exactly (decimal arithmetic, no binary floating point) and
 * bands it. {@link org.exotrace.outcome.BaselineComparison} turns a baseline and a follow-up score
 * into percent improvement and responses (EASI-75, SCORAD-35, POEM minimal important change...).
 * {@link org.exotrace.outcome.ComponentEntry} describes each instrument's entry form and reads
 * what was entered, by field name, into its calculator, refusing every bad field at once.
 *
 * <p>Formulas, weights and bands follow the project's clinical domain notes (section "Scores and
 * instruments"). Values the notes mark UNVERIFIED (mMASI bands, Vancouver Scar Scale item ranges,
 * ECCA weights) are parameters with defaults labelled as such, never built-in truth. Plain domain
 * code: no Spring, no persistence, no web.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.exotrace.outcome;
