/**
 * Technical platform: the database (embedded PostgreSQL by default, an external server through
 * {@code EXOTRACE_DB_URL}), security (form login for people, HTTP Basic for the API, every
 * request denied unless a module's rule allows it), RFC 9457 error answers, and the page layout.
 * Business modules never depend on this module.
 *
 * <p>Promises: every request is denied unless a module's {@link org.exotrace.shared.AccessRules}
 * allow it, and every error leaves as RFC 9457 problem+json or the error page. It depends on
 * {@code account} (sign-in throttling and API tokens) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "shared"})
package org.exotrace.platform;
