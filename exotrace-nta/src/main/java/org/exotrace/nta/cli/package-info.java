/**
 * The {@code exotrace nta} command line: {@code size}, {@code simulate} and {@code import-nanosight}.
 * A stable contract: scripts outside the project call it with these options and read the JSON.
 * Exit codes: 0 success, 1 the analysis could not produce a result, 2 bad input or usage (one
 * line on standard error naming the problem).
 */
package org.exotrace.nta.cli;
