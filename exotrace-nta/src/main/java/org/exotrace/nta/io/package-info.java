/**
 * Reading and writing particle data: trackpy-style trajectory CSVs (streamed row by row into a
 * {@link org.exotrace.nta.io.PositionSink}, so memory does not grow with the number of rows) and
 * NanoSight NTA 3.x ExperimentSummary.csv exports (read whole into a {@link
 * org.exotrace.nta.io.NanoSightSummary}, to compare our sizing with the vendor's). Readers are
 * strict about numbers and report the line and field of the first problem.
 */
package org.exotrace.nta.io;
