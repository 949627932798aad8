package org.exotrace.treatment;

import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.Route;

/**
 * A treatment protocol drawn from a published study (or marked investigational when no human study
 * exists): route, sessions × interval, follow-up visits after the last session, endpoints and the
 * evidence. Shipped templates have no clinic and are read-only; a clinic edits its own copies.
 *
 * @param followUpDays days after the last session of each follow-up visit
 * @param design       whole area or split-face
 * @param comparator   what the other side receives in a split-face design ("saline", "placebo cream"); null for a parallel one
 */
public record ProtocolTemplate(UUID id, String code, String name, String indication, boolean investigational, Route route, int sessions,
                               int intervalDays, List<Integer> followUpDays, String primaryEndpoint, String secondaryEndpoints,
                               String delivery, String evidence, UUID clinicId, UUID copiedFrom, Design design, String comparator) {

    public ProtocolTemplate {
        followUpDays = List.copyOf(followUpDays);
        if (design == null) design = Design.PARALLEL;
    }

    /** A whole-area template, as before designs were recorded. */
    public ProtocolTemplate(UUID id, String code, String name, String indication, boolean investigational, Route route, int sessions,
                            int intervalDays, List<Integer> followUpDays, String primaryEndpoint, String secondaryEndpoints,
                            String delivery, String evidence, UUID clinicId, UUID copiedFrom) {
        this(id, code, name, indication, investigational, route, sessions, intervalDays, followUpDays, primaryEndpoint, secondaryEndpoints,
                delivery, evidence, clinicId, copiedFrom, Design.PARALLEL, null);
    }

    /** Shipped with Exotrace (no clinic): read-only, to be copied into a clinic before it is adapted. */
    public boolean shipped() {
        return clinicId == null;
    }

    public boolean splitFace() {
        return design == Design.SPLIT_FACE;
    }
}
