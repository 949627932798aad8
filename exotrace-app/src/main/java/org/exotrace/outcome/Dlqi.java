package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dermatology Life Quality Index, 0-30: ten questions about the last week, each scored 0-3.
 * The components follow the questionnaire's order (question 1 to 10).
 *
 * <p>Bands: 0-1 no effect, 2-5 small effect, 6-10 moderate effect, 11-20 very large effect,
 * 21-30 extremely large effect on the patient's life. Minimal important change 4 points
 * ({@link ResponseCriterion#DLQI_MINIMAL_IMPORTANT_CHANGE}).
 *
 * @param symptoms 1: itchy, sore, painful or stinging skin
 * @param embarrassment 2: embarrassed or self-conscious
 * @param shoppingHomeGarden 3: shopping, looking after the home or garden
 * @param clothes 4: the clothes worn
 * @param socialLeisure 5: social or leisure activities
 * @param sport 6: sport
 * @param workStudy 7: working or studying
 * @param relationships 8: problems with partner, close friends or relatives
 * @param sexualDifficulties 9: sexual difficulties
 * @param treatment 10: problems from the treatment
 */
public record Dlqi(Integer symptoms, Integer embarrassment, Integer shoppingHomeGarden, Integer clothes,
        Integer socialLeisure, Integer sport, Integer workStudy, Integer relationships, Integer sexualDifficulties,
        Integer treatment) implements ScoreComponents {

    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "no effect"),
            Bands.Band.from("2", "small effect"),
            Bands.Band.from("6", "moderate effect"),
            Bands.Band.from("11", "very large effect"),
            Bands.Band.from("21", "extremely large effect"));

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing item or one outside 0-3
     */
    public Dlqi {
        items(symptoms, embarrassment, shoppingHomeGarden, clothes, socialLeisure, sport, workStudy, relationships,
                sexualDifficulties, treatment).forEach((name, item) -> Check.whole(name, item, 0, 3));
    }

    @Override
    public Instrument instrument() {
        return Instrument.DLQI;
    }

    /** DLQI with each item as a part. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        items(symptoms, embarrassment, shoppingHomeGarden, clothes, socialLeisure, sport, workStudy, relationships,
                sexualDifficulties, treatment).forEach((name, item) -> parts.put(name, BigDecimal.valueOf(item)));
        BigDecimal total = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Score(Instrument.DLQI, total, BANDS.label(total), parts);
    }

    private static Map<String, Integer> items(Integer symptoms, Integer embarrassment, Integer shoppingHomeGarden,
            Integer clothes, Integer socialLeisure, Integer sport, Integer workStudy, Integer relationships,
            Integer sexualDifficulties, Integer treatment) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("symptoms", symptoms);
        items.put("embarrassment", embarrassment);
        items.put("shoppingHomeGarden", shoppingHomeGarden);
        items.put("clothes", clothes);
        items.put("socialLeisure", socialLeisure);
        items.put("sport", sport);
        items.put("workStudy", workStudy);
        items.put("relationships", relationships);
        items.put("sexualDifficulties", sexualDifficulties);
        items.put("treatment", treatment);
        return items;
    }
}
