package org.exotrace.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A consent a patient signed, on a given version of the form; withdrawn with a date and reason. */
public record PatientConsent(UUID id, UUID patientId, Kind kind, String formVersion, LocalDate signedOn, String signedBy,
                             String recordedBy, Instant recordedAt, LocalDate withdrawnOn, String withdrawalReason) {

    public enum Kind {
        TREATMENT("Treatment"),
        PHOTOGRAPHS("Photographs"),
        RESEARCH_USE("Research use");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean activeOn(LocalDate day) {
        return !signedOn.isAfter(day) && (withdrawnOn == null || day.isBefore(withdrawnOn));
    }
}
