package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Global Acne Grading System, 0-44: the sum of factor × grade over six locations, with the grade
 * of the most severe lesion there: 0 none, 1 comedone, 2 papule, 3 pustule, 4 nodule. Factors:
 * forehead 2, each cheek 2, nose 1, chin 1, chest and upper back 3.
 *
 * <p>Bands: 1-18 mild, 19-30 moderate, 31-38 severe, 39 and above very severe. The notes give no
 * band for 0; it is labelled "clear" (no lesion anywhere).
 *
 * @param forehead grade 0-4
 * @param rightCheek grade 0-4
 * @param leftCheek grade 0-4
 * @param nose grade 0-4
 * @param chin grade 0-4
 * @param chestUpperBack chest and upper back, grade 0-4
 */
public record Gags(Integer forehead, Integer rightCheek, Integer leftCheek, Integer nose, Integer chin,
        Integer chestUpperBack) implements ScoreComponents {

    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "clear"),
            Bands.Band.from("1", "mild"),
            Bands.Band.from("19", "moderate"),
            Bands.Band.from("31", "severe"),
            Bands.Band.from("39", "very severe"));

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing grade or one outside 0-4
     */
    public Gags {
        locations(forehead, rightCheek, leftCheek, nose, chin, chestUpperBack)
                .forEach((name, grade) -> Check.whole(name, grade, 0, 4));
    }

    @Override
    public Instrument instrument() {
        return Instrument.GAGS;
    }

    /** GAGS with each location's factor × grade as parts. */
    @Override
    public Score score() {
        Map<String, Integer> factors = locations(2, 2, 2, 1, 1, 3);
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        locations(forehead, rightCheek, leftCheek, nose, chin, chestUpperBack)
                .forEach((name, grade) -> parts.put(name, BigDecimal.valueOf((long) factors.get(name) * grade)));
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Score(Instrument.GAGS, total, BANDS.label(total), parts);
    }

    private static Map<String, Integer> locations(Integer forehead, Integer rightCheek, Integer leftCheek, Integer nose,
            Integer chin, Integer chestUpperBack) {
        Map<String, Integer> locations = new LinkedHashMap<>();
        locations.put("forehead", forehead);
        locations.put("rightCheek", rightCheek);
        locations.put("leftCheek", leftCheek);
        locations.put("nose", nose);
        locations.put("chin", chin);
        locations.put("chestUpperBack", chestUpperBack);
        return locations;
    }
}
