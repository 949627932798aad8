package org.exotrace.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pre-specified analysis plan, locked when it was saved: the cohort's filter and the analyses,
 * as the exact text that was hashed (SHA-256), who locked it and when. It is never changed; a
 * different plan is a new plan.
 */
public record AnalysisPlan(UUID id, String number, String title, UUID cohortId, CohortFilter filter, List<AnalysisSpec> analyses,
                           String content, String sha256, String lockedBy, Instant lockedAt) {

    public AnalysisReport.Provenance provenance() {
        return new AnalysisReport.Provenance(true, number, sha256, lockedAt);
    }
}
