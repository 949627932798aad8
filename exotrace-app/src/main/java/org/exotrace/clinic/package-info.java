/**
 * Clinics and their patients: clinics as organizations with a jurisdiction, the staff who work
 * in each, patients with identifying details that only their clinic's staff see (a pseudonym
 * everywhere else), their phototype, indications, history and contraindications, and their
 * versioned, signed consents with withdrawal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "batch", "compliance", "donor", "outcome", "release", "shared"})
package org.exotrace.clinic;
