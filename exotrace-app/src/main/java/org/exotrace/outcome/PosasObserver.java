package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSAS 2.0 observer scale, 6-60: six items each 1 (like normal skin) to 10 (worst imaginable
 * scar). The observer's overall opinion, also 1-10, is recorded but not part of the sum. No bands.
 *
 * @param vascularity 1-10
 * @param pigmentation 1-10
 * @param thickness 1-10
 * @param relief 1-10
 * @param pliability 1-10
 * @param surfaceArea 1-10
 * @param overallOpinion 1-10, not summed
 */
public record PosasObserver(Integer vascularity, Integer pigmentation, Integer thickness, Integer relief,
        Integer pliability, Integer surfaceArea, Integer overallOpinion) implements ScoreComponents {

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing item or one outside 1-10
     */
    public PosasObserver {
        items(vascularity, pigmentation, thickness, relief, pliability, surfaceArea)
                .forEach((name, item) -> Check.whole(name, item, 1, 10));
        Check.whole("overallOpinion", overallOpinion, 1, 10);
    }

    @Override
    public Instrument instrument() {
        return Instrument.POSAS_OBSERVER;
    }

    /** The sum of the six items, each a part; the overall opinion is not included. */
    @Override
    public Score score() {
        return sum(Instrument.POSAS_OBSERVER, items(vascularity, pigmentation, thickness, relief, pliability, surfaceArea));
    }

    static Score sum(Instrument instrument, Map<String, Integer> items) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        items.forEach((name, item) -> parts.put(name, BigDecimal.valueOf(item)));
        return new Score(instrument, parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), null, parts);
    }

    private static Map<String, Integer> items(Integer vascularity, Integer pigmentation, Integer thickness, Integer relief,
            Integer pliability, Integer surfaceArea) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("vascularity", vascularity);
        items.put("pigmentation", pigmentation);
        items.put("thickness", thickness);
        items.put("relief", relief);
        items.put("pliability", pliability);
        items.put("surfaceArea", surfaceArea);
        return items;
    }
}
