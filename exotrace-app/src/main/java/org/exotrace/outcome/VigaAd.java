package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Validated Investigator Global Assessment for atopic dermatitis: one grade, 0 clear, 1 almost
 * clear, 2 mild, 3 moderate, 4 severe. Treatment success is a grade of 0 or 1.
 *
 * @param grade 0-4
 */
public record VigaAd(Integer grade) implements ScoreComponents {

    /** The label of each grade, by grade. */
    public static final List<String> LABELS = List.of("clear", "almost clear", "mild", "moderate", "severe");

    /**
     * @throws org.exotrace.shared.DomainProblem on {@code grade} if missing or outside 0-4
     */
    public VigaAd {
        Check.whole("grade", grade, 0, 4);
    }

    /** Whether the grade counts as treatment success: clear or almost clear. */
    public boolean success() {
        return grade <= 1;
    }

    @Override
    public Instrument instrument() {
        return Instrument.VIGA_AD;
    }

    /** The grade as the value, its label as the band. */
    @Override
    public Score score() {
        return new Score(Instrument.VIGA_AD, BigDecimal.valueOf(grade), LABELS.get(grade), Map.of());
    }
}
