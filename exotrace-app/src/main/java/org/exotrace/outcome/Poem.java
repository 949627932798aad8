package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patient-Oriented Eczema Measure, 0-28: seven questions on how many of the last seven days the
 * patient's skin showed a symptom, each scored 0 no days, 1 for 1-2 days, 2 for 3-4 days, 3 for
 * 5-6 days, 4 every day ({@link #itemFromDays}).
 *
 * <p>Bands: 0-2 clear, 3-7 mild, 8-16 moderate, 17-24 severe, 25-28 very severe. Minimal
 * important change about 3 points ({@link ResponseCriterion#POEM_MINIMAL_IMPORTANT_CHANGE}).
 *
 * @param itch days the skin was itchy, scored 0-4
 * @param sleepDisturbance nights sleep was disturbed, scored 0-4
 * @param bleeding days the skin was bleeding, scored 0-4
 * @param weeping days the skin was weeping or oozing clear fluid, scored 0-4
 * @param cracking days the skin was cracked, scored 0-4
 * @param flaking days the skin was flaking off, scored 0-4
 * @param dryness days the skin felt dry or rough, scored 0-4
 */
public record Poem(Integer itch, Integer sleepDisturbance, Integer bleeding, Integer weeping, Integer cracking,
        Integer flaking, Integer dryness) implements ScoreComponents {

    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "clear"),
            Bands.Band.from("3", "mild"),
            Bands.Band.from("8", "moderate"),
            Bands.Band.from("17", "severe"),
            Bands.Band.from("25", "very severe"));

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing item or one outside 0-4
     */
    public Poem {
        items(itch, sleepDisturbance, bleeding, weeping, cracking, flaking, dryness)
                .forEach((name, item) -> Check.whole(name, item, 0, 4));
    }

    /**
     * The item score for the number of days (of the last seven) with the symptom.
     *
     * @throws org.exotrace.shared.DomainProblem on {@code field} if the days are missing or outside 0-7
     */
    public static int itemFromDays(String field, Integer days) {
        int checked = Check.whole(field, days, 0, 7);
        return checked == 7 ? 4 : (checked + 1) / 2;
    }

    @Override
    public Instrument instrument() {
        return Instrument.POEM;
    }

    /** POEM with each item as a part. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        items(itch, sleepDisturbance, bleeding, weeping, cracking, flaking, dryness)
                .forEach((name, item) -> parts.put(name, BigDecimal.valueOf(item)));
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Score(Instrument.POEM, total, BANDS.label(total), parts);
    }

    private static Map<String, Integer> items(Integer itch, Integer sleepDisturbance, Integer bleeding, Integer weeping,
            Integer cracking, Integer flaking, Integer dryness) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("itch", itch);
        items.put("sleepDisturbance", sleepDisturbance);
        items.put("bleeding", bleeding);
        items.put("weeping", weeping);
        items.put("cracking", cracking);
        items.put("flaking", flaking);
        items.put("dryness", dryness);
        return items;
    }
}
