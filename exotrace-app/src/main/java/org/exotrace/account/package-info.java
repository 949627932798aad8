/**
 * Accounts and roles: who may sign in, with which roles, and the password check that electronic
 * signatures re-use (21 CFR Part 11: two components, re-entered at signing). Passwords are kept
 * only as Argon2id hashes. The first start without demo data creates an administrator whose
 * random password is printed once.
 */
package org.exotrace.account;
