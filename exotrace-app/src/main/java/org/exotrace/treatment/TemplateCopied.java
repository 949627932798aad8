package org.exotrace.treatment;

import java.util.UUID;

/**
 * A protocol template was copied into a clinic ({@link TreatmentPlans#copy}). Published inside the
 * copy's transaction, so that what other modules keep on a template (the follow-up module's
 * adjustment rules) is copied with it or not at all.
 *
 * @param templateId the template copied
 * @param copyId     the clinic's new copy
 */
public record TemplateCopied(UUID templateId, UUID copyId) {}
