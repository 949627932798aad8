/**
 * The {@code exotrace evidence} command line: {@code paired} (change from baseline and responders from
 * a CSV file), on the same engine as the application's evidence pages. A stable contract: scripts call
 * it with these options and read the JSON. Exit codes: 0 success, 2 bad input or usage (one line on
 * standard error naming the problem, with the CSV line or the column).
 */
package org.exotrace.stats.cli;
