/**
 * Technical platform: the database (embedded PostgreSQL by default, an external server through
 * {@code EXOTRACE_DB_URL}), security (form login for people, HTTP Basic for the API, every
 * request denied unless a module's rule allows it), RFC 9457 error answers, and the page layout.
 * Business modules never depend on this module.
 */
package org.exotrace.platform;
