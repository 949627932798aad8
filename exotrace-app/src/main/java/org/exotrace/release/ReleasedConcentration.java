package org.exotrace.release;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The particle concentration a lot was released with, recorded with the release decision: the
 * value a clinic doses with.
 *
 * @param particlesPerMl    particles per mL
 * @param measured          whether it is a measured result (else the concentration declared on the lot)
 * @param method            the measured result's method, e.g. "NTA (NanoSight NS300)"; null when declared
 * @param resultId          the measured result; null when declared or not known
 * @param releasedAt        when the release was signed
 * @param certificateNumber the release's certificate of analysis
 */
public record ReleasedConcentration(double particlesPerMl, boolean measured, String method, UUID resultId, Instant releasedAt,
                                    String certificateNumber) {

    /** Where the value comes from, as a clinician reads it: "measured by NTA (NanoSight NS300), released 2026-11-03, certificate CoA-2026-00003". */
    public String describe(ZoneId zone) {
        String what = measured ? "measured" + (method == null ? "" : " by " + method) : "declared on the lot (no measured concentration)";
        return what + ", released " + releasedAt.atZone(zone).toLocalDate() + ", certificate " + certificateNumber;
    }
}
