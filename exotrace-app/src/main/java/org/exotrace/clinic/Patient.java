package org.exotrace.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/**
 * A patient of one clinic. Served only to that clinic's staff; other modules and roles see the
 * {@code pseudonym} alone.
 *
 * @param fitzpatrick skin phototype I-VI, or null when not yet assessed
 * @param indications what is treated, e.g. atopic dermatitis, acne scars
 */
public record Patient(UUID id, UUID clinicId, String pseudonym, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
                      String contact, String fitzpatrick, List<String> indications, String history, String contraindications,
                      String createdBy, Instant createdAt) {

    public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }

    public Patient {
        indications = List.copyOf(indications);
    }

    /** Age in whole years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }
}
