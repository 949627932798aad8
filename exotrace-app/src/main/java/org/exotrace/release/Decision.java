package org.exotrace.release;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed disposition of a lot, with the specification version and the evaluation it was based on.
 *
 * @param concentration the particle concentration a release states (null for rejections and quarantines, and for a
 *                      lot released with neither a measured nor a declared concentration)
 */
public record Decision(UUID id, UUID lotId, SignatureMeaning kind, String reason, UUID specificationId, String specificationReference,
                       String certificateNumber, ElectronicSignature signature, List<String> evaluationSnapshot, Instant decidedAt,
                       ReleasedConcentration concentration) {}
