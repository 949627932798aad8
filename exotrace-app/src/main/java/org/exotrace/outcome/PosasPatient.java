package org.exotrace.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSAS 2.0 patient scale, 6-60: six items each 1 (no complaint, like normal skin) to 10 (worst
 * imaginable). The patient's overall opinion, also 1-10, is recorded but not part of the sum. No
 * bands.
 *
 * @param pain 1-10
 * @param itch 1-10
 * @param colour 1-10
 * @param stiffness 1-10
 * @param thickness 1-10
 * @param irregularity 1-10
 * @param overallOpinion 1-10, not summed
 */
public record PosasPatient(Integer pain, Integer itch, Integer colour, Integer stiffness, Integer thickness,
        Integer irregularity, Integer overallOpinion) implements ScoreComponents {

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing item or one outside 1-10
     */
    public PosasPatient {
        items(pain, itch, colour, stiffness, thickness, irregularity).forEach((name, item) -> Check.whole(name, item, 1, 10));
        Check.whole("overallOpinion", overallOpinion, 1, 10);
    }

    @Override
    public Instrument instrument() {
        return Instrument.POSAS_PATIENT;
    }

    /** The sum of the six items, each a part; the overall opinion is not included. */
    @Override
    public Score score() {
        return PosasObserver.sum(Instrument.POSAS_PATIENT, items(pain, itch, colour, stiffness, thickness, irregularity));
    }

    private static Map<String, Integer> items(Integer pain, Integer itch, Integer colour, Integer stiffness,
            Integer thickness, Integer irregularity) {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("pain", pain);
        items.put("itch", itch);
        items.put("colour", colour);
        items.put("stiffness", stiffness);
        items.put("thickness", thickness);
        items.put("irregularity", irregularity);
        return items;
    }
}
