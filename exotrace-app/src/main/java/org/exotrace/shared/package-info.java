/**
 * Small value types and contracts that every business module may use: the problem types that
 * the web layer turns into RFC 9457 answers, the {@link org.exotrace.shared.RecordChanged} event
 * that feeds the audit trail, and the access-rule contract through which each module states who
 * may reach its pages and endpoints.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.exotrace.shared;
