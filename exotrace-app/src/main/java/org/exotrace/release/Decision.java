package org.exotrace.release;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signed disposition of a lot, with the specification version and the evaluation it was based on. */
public record Decision(UUID id, UUID lotId, SignatureMeaning kind, String reason, UUID specificationId, String specificationReference,
                       String certificateNumber, ElectronicSignature signature, List<String> evaluationSnapshot, Instant decidedAt) {}
