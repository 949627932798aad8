package org.exotrace.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.outcome.Instrument;
import org.exotrace.outcome.Score;
import org.exotrace.treatment.Side;

/**
 * One outcome assessment of a patient: an instrument's components as entered and the score and
 * band computed from them. Served, like the patient, only to the staff of the patient's clinic.
 *
 * @param planId the treatment plan it belongs to, or null
 * @param side which side of a split design was assessed; {@link Side#BOTH} for the whole area
 * @param components the components by field name ({@code headNeck.erythema}), as entered
 * @param value the score or reading; null only for a GAIS rating, which has no number
 * @param band the band, grade or rating label; null where the instrument has none
 * @param parts each part's contribution (a region's weighted EASI), or the three Cutometer ratios
 * @param supersededBy the correction that replaced this assessment, when {@code CORRECTED}
 * @param correctionReason why it was corrected, when {@code CORRECTED}
 */
public record Assessment(UUID id, UUID patientId, UUID planId, LocalDate assessedOn, Instrument instrument, Side side,
                         Map<String, Object> components, BigDecimal value, String band, Map<String, BigDecimal> parts, String assessor,
                         Status status, UUID supersededBy, String correctionReason, Instant createdAt) {

    public enum Status { VALID, CORRECTED }

    public Assessment {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public boolean valid() {
        return status == Status.VALID;
    }

    /** The score to compare with baseline; empty for a rating without a number. */
    public Optional<Score> score() {
        return value == null ? Optional.empty()
                : Optional.of(new Score(instrument, value, band, instrument == Instrument.CUTOMETER ? Map.of() : parts));
    }

    /** "EASI 8 (moderate)", "GAIS much improved". */
    @JsonProperty("summary")
    public String summary() {
        String unit = instrument.unit().isEmpty() ? "" : " " + instrument.unit();
        if (value == null) return instrument.code() + " " + band;
        return instrument.code() + " " + value.toPlainString() + unit + (band == null ? "" : " (" + band + ")");
    }
}
