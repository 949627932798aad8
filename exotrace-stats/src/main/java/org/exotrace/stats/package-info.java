/**
 * The evidence statistics of Exotrace: summaries, paired change from baseline, responder rates,
 * two-group and split-face comparisons, dose-response and multiplicity adjustment, each answered
 * as a record that carries its warnings (small n, ties, dropped values). Tests, intervals and
 * descriptive statistics come from Apache Commons Statistics and Commons Math; only what no library
 * provides is written here (Holm's adjustment, Newcombe's hybrid-score interval, effect sizes, the
 * Spearman p-value), each with its formula and source in the Javadoc. Pure Java: no Spring, no web.
 */
package org.exotrace.stats;
