/**
 * Clinical photographs of a patient, per visit and standard view (and side on a split-face plan),
 * accepted only while the patient's photographs consent is active, stored with their metadata
 * (EXIF with GPS position and camera, XMP, IPTC, comments) removed without re-encoding the pixels
 * and the SHA-256 of the stored bytes kept, shown only to the staff of the patient's clinic and
 * withheld once the consent is withdrawn.
 *
 * <p>Promises {@link org.exotrace.photograph.Photographs} as the only way to a photograph's content.
 * Serves {@code /api/patients/{id}/photographs} and {@code /api/photographs}, and the photograph
 * pages.
 *
 * <p>Owns the table {@code patient_photograph} (migration in {@code db/migration/clinic}); that a
 * photograph's plan is the patient's own is asked of {@link org.exotrace.treatment.TreatmentPlans}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinical photographs",
        allowedDependencies = {"clinic", "treatment", "shared"})
package org.exotrace.photograph;
