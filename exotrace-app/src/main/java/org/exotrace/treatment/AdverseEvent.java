package org.exotrace.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * An untoward medical occurrence after a session, linked to the session and the unit it used so
 * that a lot's events can be found in a recall. Severity is how intense it was; seriousness is a
 * regulatory criterion (death, hospitalization...) and independent of severity.
 *
 * @param seriousness empty unless {@code serious}
 * @param resolvedOn  when it resolved, for a recovered outcome
 */
public record AdverseEvent(UUID id, UUID sessionId, UUID patientId, String unitCode, UUID lotId, String lotCode, String term, LocalDate onsetOn,
                           Severity severity, boolean serious, Set<Seriousness> seriousness, Causality causality, Outcome outcome,
                           LocalDate resolvedOn, String actionTaken, String description, String reportedBy, Instant reportedAt) {

    public enum Severity { MILD, MODERATE, SEVERE }

    /** The ICH E2A criteria that make an event serious. */
    public enum Seriousness {
        DEATH("results in death"),
        LIFE_THREATENING("is life-threatening"),
        HOSPITALIZATION("requires or prolongs hospitalization"),
        DISABILITY("results in persistent or significant disability"),
        CONGENITAL_ANOMALY("is a congenital anomaly or birth defect"),
        MEDICALLY_IMPORTANT("is another medically important event");

        private final String label;

        Seriousness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** WHO-UMC causality categories: how likely the product caused the event. */
    public enum Causality { CERTAIN, PROBABLE, POSSIBLE, UNLIKELY, CONDITIONAL, UNASSESSABLE, NOT_RELATED }

    public enum Outcome { RECOVERED, RECOVERING, NOT_RECOVERED, RECOVERED_WITH_SEQUELAE, FATAL, UNKNOWN }

    public AdverseEvent {
        seriousness = Set.copyOf(seriousness);
    }
}
