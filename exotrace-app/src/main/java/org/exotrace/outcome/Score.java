package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A computed score: its exact value, the band it falls in, and how much each part (region, item)
 * contributed.
 *
 * @param instrument what was scored
 * @param value the exact value, without trailing zeros (72, 5.9, 0.05)
 * @param band the band label, or {@code null} where the instrument has no validated bands (PASI,
 *     MASI, the scar scales) or none were configured (mMASI)
 * @param parts each part's contribution in the order the instrument lists them, for example the
 *     weighted EASI of each region; the parts sum to {@code value}
 */
public record Score(Instrument instrument, BigDecimal value, String band, Map<String, BigDecimal> parts) {

    public Score {
        Objects.requireNonNull(instrument, "instrument");
        value = Check.plain(Objects.requireNonNull(value, "value"));
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        parts.forEach((name, part) -> ordered.put(name, Check.plain(part)));
        parts = Collections.unmodifiableMap(ordered);
    }

    /** The band label, if the instrument has bands. */
    public Optional<String> bandLabel() {
        return Optional.ofNullable(band);
    }
}
