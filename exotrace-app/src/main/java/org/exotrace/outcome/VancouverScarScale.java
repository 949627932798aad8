package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vancouver Scar Scale: the sum of vascularity, pigmentation, pliability and height. No bands.
 *
 * <p>The item ranges are UNVERIFIED in the domain notes (0-3, 0-2, 0-5, 0-3, total 0-13, as
 * commonly printed); they are {@link ItemMaxima#UNVERIFIED_DEFAULT} and may be replaced by the
 * ranges of the version a protocol uses.
 *
 * @param vascularity 0 to {@code maxima.vascularity()}
 * @param pigmentation 0 to {@code maxima.pigmentation()}
 * @param pliability 0 to {@code maxima.pliability()}
 * @param height 0 to {@code maxima.height()}
 * @param maxima the highest grade of each item
 */
public record VancouverScarScale(Integer vascularity, Integer pigmentation, Integer pliability, Integer height,
        ItemMaxima maxima) implements ScoreComponents {

    /**
     * The highest grade of each item; each item starts at 0.
     */
    public record ItemMaxima(int vascularity, int pigmentation, int pliability, int height) {

        /** UNVERIFIED: 0-3, 0-2, 0-5, 0-3 (total 0-13) as commonly printed, not checked against the original paper. */
        public static final ItemMaxima UNVERIFIED_DEFAULT = new ItemMaxima(3, 2, 5, 3);

        public ItemMaxima {
            if (vascularity < 1 || pigmentation < 1 || pliability < 1 || height < 1) {
                throw new IllegalArgumentException("every item needs a maximum of at least 1");
            }
        }

        /** The highest possible total. */
        public int total() {
            return vascularity + pigmentation + pliability + height;
        }
    }

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing item or one outside its range
     */
    public VancouverScarScale {
        Check.required("maxima", maxima);
        Check.whole("vascularity", vascularity, 0, maxima.vascularity());
        Check.whole("pigmentation", pigmentation, 0, maxima.pigmentation());
        Check.whole("pliability", pliability, 0, maxima.pliability());
        Check.whole("height", height, 0, maxima.height());
    }

    /** Scored with the UNVERIFIED default item ranges. */
    public VancouverScarScale(Integer vascularity, Integer pigmentation, Integer pliability, Integer height) {
        this(vascularity, pigmentation, pliability, height, ItemMaxima.UNVERIFIED_DEFAULT);
    }

    @Override
    public Instrument instrument() {
        return Instrument.VSS;
    }

    /** The total with each item as a part; no band. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        parts.put("vascularity", BigDecimal.valueOf(vascularity));
        parts.put("pigmentation", BigDecimal.valueOf(pigmentation));
        parts.put("pliability", BigDecimal.valueOf(pliability));
        parts.put("height", BigDecimal.valueOf(height));
        return new Score(Instrument.VSS, BigDecimal.valueOf((long) vascularity + pigmentation + pliability + height), null, parts);
    }
}
