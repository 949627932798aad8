package org.exotrace.clinic;

import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.Route;

/**
 * A treatment protocol drawn from a published study (or marked investigational when no human study
 * exists): route, sessions × interval, follow-up visits after the last session, endpoints and the
 * evidence. Shipped templates have no clinic; a clinic edits its own copies.
 *
 * @param followUpDays days after the last session of each follow-up visit
 */
public record ProtocolTemplate(UUID id, String code, String name, String indication, boolean investigational, Route route, int sessions,
                               int intervalDays, List<Integer> followUpDays, String primaryEndpoint, String secondaryEndpoints,
                               String delivery, String evidence, UUID clinicId, UUID copiedFrom) {

    public ProtocolTemplate {
        followUpDays = List.copyOf(followUpDays);
    }
}
