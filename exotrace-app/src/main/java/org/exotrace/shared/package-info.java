/**
 * Small value types and contracts that every business module may use: the problem types that
 * the web layer turns into RFC 9457 answers, the {@link org.exotrace.shared.RecordChanged} event
 * that feeds the audit trail, and the access-rule contract through which each module states who
 * may reach its pages and endpoints. Two domain-free toolkits sit beside them: {@code pdf}, the
 * house style of the generated PDFs (standard fonts, text the fonts can print, numbered page
 * footers), and {@code chart}, round axis steps and number formats for SVG and PDF charts.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.exotrace.shared;
