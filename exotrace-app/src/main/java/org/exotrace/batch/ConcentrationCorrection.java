package org.exotrace.batch;

import java.time.Instant;
import java.util.UUID;

/**
 * A correction of the concentration declared on a lot, with its reason.
 *
 * @param previousPerMl  the declared concentration before, particles/mL; null when the lot declared none
 * @param correctedPerMl the declared concentration after, particles/mL
 */
public record ConcentrationCorrection(UUID id, UUID lotId, Double previousPerMl, double correctedPerMl, String reason, String correctedBy,
                                      Instant correctedAt) {}
