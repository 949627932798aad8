/**
 * Accounts and roles: who may sign in, with which roles, and the password check that electronic
 * signatures re-use (21 CFR Part 11: two components, re-entered at signing). Passwords are kept
 * only as Argon2id hashes and must meet the {@link org.exotrace.account.PasswordPolicy}. Every
 * password check (sign-in form, HTTP Basic, signatures) passes the
 * {@link org.exotrace.account.LoginThrottle}; programs use the API with personal
 * {@link org.exotrace.account.ApiTokens tokens} (one SHA-256 per request, no password hash). The
 * first start without demo data creates an administrator whose random password is printed once.
 *
 * <p>Promises: {@link org.exotrace.account.Accounts} answers who an account is and checks a
 * re-entered password for a signature; no other module reads the account tables. Depends only on
 * {@code shared}; the platform's security chains use its throttle and token filter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.exotrace.account;
