/**
 * A patient's course in one place, assembled from the public APIs of the clinic modules: the
 * clinic home (patients, visits due, units on their way), the patient's page (record, consents,
 * plans and the plan form), the progress page with its assessment and decision forms, a protocol
 * template's page with its adjustment rules, the progress report PDF and the FHIR R5 export of a
 * course.
 *
 * <p>Composition only, like {@code dossier}: it owns no table and writes nothing itself (the
 * forms it shows call the owning module), and nothing depends on it. Serves
 * {@code /api/patients/{id}/fhir} and the pages {@code /clinic}, {@code /patients/{id}} (with its
 * plan form, progress, report and export) and {@code /protocol-templates/{id}}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Course of treatment",
        allowedDependencies = {"clinic", "supply", "treatment", "followup", "outcome", "batch", "product", "compliance", "donor", "shared"})
package org.exotrace.course;
