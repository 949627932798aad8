package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.exotrace.shared.DomainProblem;

/**
 * How each instrument's components are entered: the fields a form shows, and the reading of what
 * was entered (a map keyed by field name, as a form posts it or a JSON object holds it) into the
 * instrument's calculator.
 *
 * <p>Field names are the ones the calculators name in a refusal ({@code headNeck.erythema},
 * {@code intensity.dryness}, {@code tewl}); where a calculator takes an area score 0-6, the form
 * asks for the affected percentage ({@code headNeck.areaPercent}) and converts it with
 * {@link AreaScore#fromPercent}. Unlike a calculator, which stops at the first bad component,
 * {@link #read} checks every field and refuses them all at once, each with the calculator's own
 * wording, so a form can show every message beside its field.
 */
public final class ComponentEntry {

    /** What a field accepts. */
    public enum Type {
        /** {@code min} to {@code max} in steps of 0.5. */
        HALF_POINT,
        /** A whole number from {@code min} to {@code max}; a select when it has choices. */
        WHOLE,
        /** 0-100 % of a region. */
        PERCENT,
        /** A number from {@code min} to {@code max}, decimals allowed. */
        DECIMAL,
        /** A reading of 0 or more without an upper limit. */
        NOT_NEGATIVE,
        /** A reading above 0 without an upper limit. */
        POSITIVE,
        /** One of the choices, by value. */
        CATEGORY
    }

    /** One allowed value of a field with a select, and what the rater sees. */
    public record Choice(String value, String label) {}

    /**
     * One component field.
     *
     * @param name the field name, as refusals name it ({@code headNeck.erythema})
     * @param group the region or part of the form it belongs to ("Head and neck"), or {@code null}
     * @param label what the rater sees ("Erythema")
     * @param type what it accepts
     * @param min the lowest allowed value; {@code null} for a category
     * @param max the highest allowed value; {@code null} when open-ended or a category
     * @param unit the unit, empty when none
     * @param choices the allowed values with labels; empty for a free number
     */
    public record Field(String name, String group, String label, Type type, BigDecimal min, BigDecimal max, String unit,
            List<Choice> choices) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            unit = unit == null ? "" : unit;
            choices = List.copyOf(choices);
        }

        /** The step a number input offers: 0.5, 1, or {@code null} for any decimal. */
        public BigDecimal step() {
            return switch (type) {
                case HALF_POINT -> new BigDecimal("0.5");
                case WHOLE -> BigDecimal.ONE;
                default -> null;
            };
        }

        /** The allowed values in words, as a form hint ("0-3 in half points"). */
        public String hint() {
            return switch (type) {
                case HALF_POINT -> plain(min) + "-" + plain(max) + " in half points";
                case WHOLE -> plain(min) + "-" + plain(max);
                case PERCENT -> "0-100 %";
                case DECIMAL -> plain(min) + "-" + plain(max) + (unit.isEmpty() ? "" : " " + unit);
                case NOT_NEGATIVE -> "0 or more" + (unit.isEmpty() ? "" : " " + unit);
                case POSITIVE -> "above 0" + (unit.isEmpty() ? "" : " " + unit);
                case CATEGORY -> "one of the ratings";
            };
        }

        /** The entered value checked: a whole number as Integer, a category as its value, any other as BigDecimal. */
        Object read(Object entered) {
            if (type == Type.CATEGORY) {
                String text = entered == null ? "" : entered.toString().strip();
                return choices.stream()
                        .filter(c -> c.value().equalsIgnoreCase(text) || c.label().equalsIgnoreCase(text)).findFirst()
                        .map(Choice::value)
                        .orElseThrow(() -> DomainProblem.invalid(name, (text.isEmpty() ? "required: " : "must be ")
                                + "one of " + choices.stream().map(Choice::label).toList()
                                + (text.isEmpty() ? "" : ", was \"" + text + "\"")));
            }
            Double number = number(entered);
            Object checked = switch (type) {
                case HALF_POINT -> Check.halfPoint(name, number, min.intValue(), max.intValue());
                case WHOLE -> whole(number);
                case PERCENT -> Check.decimal(name, number, 0, 100, " %");
                case DECIMAL -> Check.decimal(name, number, min.doubleValue(), max.doubleValue(), unit.isEmpty() ? "" : " " + unit);
                case NOT_NEGATIVE -> Check.notNegative(name, number, unit.isEmpty() ? "" : " " + unit);
                case POSITIVE -> Check.positive(name, number, unit.isEmpty() ? "" : " " + unit);
                case CATEGORY -> throw new IllegalStateException();
            };
            return checked instanceof BigDecimal decimal ? Check.plain(decimal) : checked;
        }

        private Integer whole(Double number) {
            if (number != null && (number != Math.rint(number) || Math.abs(number) > 1e9)) {
                throw DomainProblem.invalid(name, "must be a whole number from " + plain(min) + " to " + plain(max)
                        + ", was " + Check.text(number));
            }
            return Check.whole(name, number == null ? null : number.intValue(), min.intValue(), max.intValue());
        }

        private Double number(Object entered) {
            if (entered == null || entered instanceof String text && text.isBlank()) {
                return null;
            }
            if (entered instanceof Number n) {
                return n.doubleValue();
            }
            if (entered instanceof String text) {
                try {
                    return Double.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    throw DomainProblem.invalid(name, "must be a number (" + hint() + "), was \"" + text.strip() + "\"");
                }
            }
            throw DomainProblem.invalid(name, "must be a number (" + hint() + ")");
        }
    }

    /**
     * What was entered, checked and scored.
     *
     * @param instrument what was assessed
     * @param value the score or reading; {@code null} only for a {@link Gais} rating, which has no number.
     *     For the Cutometer it is R2 (gross elasticity)
     * @param band the band label, the grade's label (vIGA-AD) or the rating's label (GAIS); {@code null}
     *     where the instrument has no bands
     * @param parts as in {@link Score#parts()}; for the Cutometer the three ratios R2, R5 and R7 (not a sum)
     * @param components the checked components by field name, as entered (percentages, not area scores):
     *     numbers as {@link BigDecimal} or {@link Integer}, a rating as its value; for EASI also {@code ageYears}
     */
    public record Result(Instrument instrument, BigDecimal value, String band, Map<String, BigDecimal> parts,
            Map<String, Object> components) {

        public Result {
            Objects.requireNonNull(instrument, "instrument");
            value = value == null ? null : Check.plain(value);
            parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }

        static Result of(Score score, Map<String, Object> components) {
            return new Result(score.instrument(), score.value(), score.band(), score.parts(), components);
        }

        /** The score, for a comparison with baseline; empty for a GAIS rating. */
        public Optional<Score> score() {
            return value == null ? Optional.empty() : Optional.of(new Score(instrument, value, band,
                    instrument == Instrument.CUTOMETER ? Map.of() : parts));
        }
    }

    /** Stratum corneum hydration bands of the Corneometer, as {@link SkinMeasurement#hydration()}. */
    public static final Bands HYDRATION_BANDS = Bands.of(
            Bands.Band.from("0", "very dry"),
            Bands.Band.from("30", "dry"),
            Bands.Band.from("45", "sufficient"));

    private ComponentEntry() {
    }

    /** The fields of an instrument's form, in the order the instrument lists them. */
    public static List<Field> fields(Instrument instrument) {
        return FIELDS.get(instrument);
    }

    /** The instrument's severity bands, for drawing them; empty where it has none. */
    public static Optional<Bands> bands(Instrument instrument) {
        return Optional.ofNullable(switch (instrument) {
            case EASI -> Easi.BANDS;
            case SCORAD -> Scorad.BANDS;
            case OSCORAD -> ObjectiveScorad.BANDS;
            case GAGS -> Gags.BANDS;
            case POEM -> Poem.BANDS;
            case DLQI -> Dlqi.BANDS;
            case CORNEOMETER -> HYDRATION_BANDS;
            default -> null;
        });
    }

    /**
     * Checks what was entered and scores it.
     *
     * @param entered the values by field name; a nested object is read as a group
     *     ({@code {"headNeck": {"erythema": 1}}} is {@code headNeck.erythema}); numbers may be text
     * @param ageYears the patient's age in whole years at the assessment (chooses the EASI weights);
     *     unused by the other instruments
     * @throws DomainProblem with a message for every missing, out-of-range or unknown field
     */
    public static Result read(Instrument instrument, Map<String, ?> entered, Integer ageYears) {
        Objects.requireNonNull(instrument, "instrument");
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", entered == null ? Map.of() : entered, flat);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields(instrument)) {
            try {
                values.put(field.name(), field.read(flat.remove(field.name())));
            } catch (DomainProblem problem) {
                errors.putAll(problem.fieldErrors());
            }
        }
        flat.keySet().forEach(unknown -> errors.put(unknown, "is not a component of " + instrument.code()));
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid " + instrument.code() + " components", errors);
        }
        return score(instrument, new Values(values), ageYears);
    }

    private static Result score(Instrument instrument, Values v, Integer ageYears) {
        Map<String, Object> components = v.values();
        return switch (instrument) {
            case EASI -> {
                Easi easi = new Easi(ageYears, easi(v, "headNeck"), easi(v, "upperLimbs"), easi(v, "trunk"), easi(v, "lowerLimbs"));
                Map<String, Object> withAge = new LinkedHashMap<>(components);
                withAge.put("ageYears", ageYears);
                yield Result.of(easi.score(), withAge);
            }
            case SCORAD -> Result.of(new Scorad(Scorad.Extent.total(v.d("extent")), intensity(v), v.d("pruritus"),
                    v.d("sleeplessness")).score(), components);
            case OSCORAD -> Result.of(new ObjectiveScorad(Scorad.Extent.total(v.d("extent")), intensity(v)).score(), components);
            case PASI -> Result.of(new Pasi(pasi(v, "head"), pasi(v, "arms"), pasi(v, "trunk"), pasi(v, "legs")).score(), components);
            case MASI -> Result.of(new Masi(masi(v, "forehead"), masi(v, "rightMalar"), masi(v, "leftMalar"), masi(v, "chin")).score(),
                    components);
            case MMASI -> Result.of(new Mmasi(mmasi(v, "forehead"), mmasi(v, "rightMalar"), mmasi(v, "leftMalar"),
                    mmasi(v, "chin")).score(), components);
            case GAGS -> Result.of(new Gags(v.i("forehead"), v.i("rightCheek"), v.i("leftCheek"), v.i("nose"), v.i("chin"),
                    v.i("chestUpperBack")).score(), components);
            case VIGA_AD -> Result.of(new VigaAd(v.i("grade")).score(), components);
            case POEM -> Result.of(new Poem(v.i("itch"), v.i("sleepDisturbance"), v.i("bleeding"), v.i("weeping"), v.i("cracking"),
                    v.i("flaking"), v.i("dryness")).score(), components);
            case DLQI -> Result.of(new Dlqi(v.i("symptoms"), v.i("embarrassment"), v.i("shoppingHomeGarden"), v.i("clothes"),
                    v.i("socialLeisure"), v.i("sport"), v.i("workStudy"), v.i("relationships"), v.i("sexualDifficulties"),
                    v.i("treatment")).score(), components);
            case VSS -> Result.of(new VancouverScarScale(v.i("vascularity"), v.i("pigmentation"), v.i("pliability"),
                    v.i("height")).score(), components);
            case POSAS_OBSERVER -> Result.of(new PosasObserver(v.i("vascularity"), v.i("pigmentation"), v.i("thickness"),
                    v.i("relief"), v.i("pliability"), v.i("surfaceArea"), v.i("overallOpinion")).score(), components);
            case POSAS_PATIENT -> Result.of(new PosasPatient(v.i("pain"), v.i("itch"), v.i("colour"), v.i("stiffness"),
                    v.i("thickness"), v.i("irregularity"), v.i("overallOpinion")).score(), components);
            case GAIS -> new Result(Instrument.GAIS, null, Gais.valueOf((String) components.get("rating")).label(), Map.of(),
                    components);
            case TEWL -> Result.of(SkinMeasurement.tewl(v.d("tewl")).score(), components);
            case CORNEOMETER -> Result.of(SkinMeasurement.corneometer(v.d("hydration")).score(), components);
            case MEXAMETER_MELANIN -> Result.of(SkinMeasurement.melaninIndex(v.d("melaninIndex")).score(), components);
            case MEXAMETER_ERYTHEMA -> Result.of(SkinMeasurement.erythemaIndex(v.d("erythemaIndex")).score(), components);
            case HAIR_DENSITY -> Result.of(SkinMeasurement.hairDensity(v.d("hairDensity")).score(), components);
            case HAIR_SHAFT_DIAMETER -> Result.of(SkinMeasurement.hairShaftDiameter(v.d("shaftDiameter")).score(), components);
            case CUTOMETER -> {
                Cutometer cutometer = new Cutometer(v.d("ua"), v.d("uf"), v.d("ur"), v.d("ue"));
                Map<String, BigDecimal> ratios = new LinkedHashMap<>();
                ratios.put("R2", cutometer.r2());
                ratios.put("R5", cutometer.r5());
                ratios.put("R7", cutometer.r7());
                yield new Result(Instrument.CUTOMETER, cutometer.r2(), null, ratios, components);
            }
        };
    }

    /** The checked values by field name. */
    private record Values(Map<String, Object> values) {

        Double d(String name) {
            return ((Number) values.get(name)).doubleValue();
        }

        Integer i(String name) {
            return (Integer) values.get(name);
        }

        int area(String region) {
            return AreaScore.fromPercent(region + ".areaPercent", d(region + ".areaPercent"));
        }
    }

    private static Easi.Region easi(Values v, String region) {
        return new Easi.Region(v.d(region + ".erythema"), v.d(region + ".oedemaPapulation"), v.d(region + ".excoriation"),
                v.d(region + ".lichenification"), v.area(region));
    }

    private static Scorad.Intensity intensity(Values v) {
        return new Scorad.Intensity(v.i("intensity.erythema"), v.i("intensity.oedemaPapulation"), v.i("intensity.oozingCrusts"),
                v.i("intensity.excoriation"), v.i("intensity.lichenification"), v.i("intensity.dryness"));
    }

    private static Pasi.Region pasi(Values v, String region) {
        return new Pasi.Region(v.i(region + ".erythema"), v.i(region + ".induration"), v.i(region + ".scaling"), v.area(region));
    }

    private static Masi.Region masi(Values v, String region) {
        return new Masi.Region(v.area(region), v.i(region + ".darkness"), v.i(region + ".homogeneity"));
    }

    private static Mmasi.Region mmasi(Values v, String region) {
        return new Mmasi.Region(v.area(region), v.i(region + ".darkness"));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, ?> entered, Map<String, Object> flat) {
        entered.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, ?>) nested, flat);
            } else {
                flat.put(prefix + key, value);
            }
        });
    }

    // ---- the forms ----

    private static final String[][] EASI_REGIONS = {{"headNeck", "Head and neck"}, {"upperLimbs", "Upper limbs"},
            {"trunk", "Trunk"}, {"lowerLimbs", "Lower limbs"}};
    private static final String[][] PASI_REGIONS = {{"head", "Head"}, {"arms", "Arms"}, {"trunk", "Trunk"}, {"legs", "Legs"}};
    private static final String[][] MASI_REGIONS = {{"forehead", "Forehead"}, {"rightMalar", "Right malar"},
            {"leftMalar", "Left malar"}, {"chin", "Chin"}};

    private static final Map<Instrument, List<Field>> FIELDS = fields();

    private static Map<Instrument, List<Field>> fields() {
        Map<Instrument, List<Field>> forms = new EnumMap<>(Instrument.class);
        List<Field> easi = new ArrayList<>();
        for (String[] r : EASI_REGIONS) {
            easi.add(half(r[0] + ".erythema", r[1], "Erythema"));
            easi.add(half(r[0] + ".oedemaPapulation", r[1], "Oedema/papulation"));
            easi.add(half(r[0] + ".excoriation", r[1], "Excoriation"));
            easi.add(half(r[0] + ".lichenification", r[1], "Lichenification"));
            easi.add(percent(r[0] + ".areaPercent", r[1]));
        }
        forms.put(Instrument.EASI, easi);
        List<Field> objectiveScorad = new ArrayList<>();
        objectiveScorad.add(new Field("extent", "Extent (A)", "Affected body surface (rule of nines)", Type.PERCENT,
                BigDecimal.ZERO, BigDecimal.valueOf(100), "%", List.of()));
        String[][] signs = {{"erythema", "Erythema"}, {"oedemaPapulation", "Oedema/papulation"}, {"oozingCrusts", "Oozing/crusts"},
                {"excoriation", "Excoriation"}, {"lichenification", "Lichenification"}, {"dryness", "Dryness"}};
        for (String[] s : signs) {
            objectiveScorad.add(whole("intensity." + s[0], "Intensity (B)", s[1], 0, 3, grades("absent", "mild", "moderate", "severe")));
        }
        forms.put(Instrument.OSCORAD, objectiveScorad);
        List<Field> scorad = new ArrayList<>(objectiveScorad);
        scorad.add(new Field("pruritus", "Symptoms (C), last 3 days and nights", "Pruritus (0-10)", Type.DECIMAL, BigDecimal.ZERO,
                BigDecimal.TEN, "", List.of()));
        scorad.add(new Field("sleeplessness", "Symptoms (C), last 3 days and nights", "Sleeplessness (0-10)", Type.DECIMAL,
                BigDecimal.ZERO, BigDecimal.TEN, "", List.of()));
        forms.put(Instrument.SCORAD, scorad);
        List<Field> pasi = new ArrayList<>();
        for (String[] r : PASI_REGIONS) {
            List<Choice> severity = grades("none", "slight", "moderate", "marked", "very marked");
            pasi.add(whole(r[0] + ".erythema", r[1], "Erythema", 0, 4, severity));
            pasi.add(whole(r[0] + ".induration", r[1], "Induration", 0, 4, severity));
            pasi.add(whole(r[0] + ".scaling", r[1], "Scaling", 0, 4, severity));
            pasi.add(percent(r[0] + ".areaPercent", r[1]));
        }
        forms.put(Instrument.PASI, pasi);
        List<Field> masi = new ArrayList<>();
        List<Field> mmasi = new ArrayList<>();
        for (String[] r : MASI_REGIONS) {
            Field area = percent(r[0] + ".areaPercent", r[1]);
            Field darkness = whole(r[0] + ".darkness", r[1], "Darkness", 0, 4,
                    grades("absent", "slight", "mild", "marked", "severe"));
            masi.addAll(List.of(area, darkness, whole(r[0] + ".homogeneity", r[1], "Homogeneity", 0, 4,
                    grades("minimal", "slight", "mild", "marked", "maximum"))));
            mmasi.addAll(List.of(area, darkness));
        }
        forms.put(Instrument.MASI, masi);
        forms.put(Instrument.MMASI, mmasi);
        List<Choice> lesions = grades("no lesions", "comedones", "papules", "pustules", "nodules");
        forms.put(Instrument.GAGS, List.of(whole("forehead", null, "Forehead (×2)", 0, 4, lesions),
                whole("rightCheek", null, "Right cheek (×2)", 0, 4, lesions), whole("leftCheek", null, "Left cheek (×2)", 0, 4, lesions),
                whole("nose", null, "Nose (×1)", 0, 4, lesions), whole("chin", null, "Chin (×1)", 0, 4, lesions),
                whole("chestUpperBack", null, "Chest and upper back (×3)", 0, 4, lesions)));
        forms.put(Instrument.VIGA_AD, List.of(whole("grade", null, "Grade", 0, 4, grades(VigaAd.LABELS.toArray(String[]::new)))));
        List<Choice> days = grades("no days", "1-2 days", "3-4 days", "5-6 days", "every day");
        forms.put(Instrument.POEM, List.of(whole("itch", null, "Itchy skin", 0, 4, days),
                whole("sleepDisturbance", null, "Sleep disturbed", 0, 4, days), whole("bleeding", null, "Bleeding", 0, 4, days),
                whole("weeping", null, "Weeping or oozing", 0, 4, days), whole("cracking", null, "Cracked", 0, 4, days),
                whole("flaking", null, "Flaking", 0, 4, days), whole("dryness", null, "Dry or rough", 0, 4, days)));
        List<Choice> effect = grades("not at all / not relevant", "a little", "a lot", "very much");
        String[][] dlqi = {{"symptoms", "1. Itchy, sore, painful or stinging"}, {"embarrassment", "2. Embarrassed, self-conscious"},
                {"shoppingHomeGarden", "3. Shopping, home or garden"}, {"clothes", "4. Clothes worn"},
                {"socialLeisure", "5. Social or leisure activities"}, {"sport", "6. Sport"}, {"workStudy", "7. Work or study"},
                {"relationships", "8. Partner, friends, relatives"}, {"sexualDifficulties", "9. Sexual difficulties"},
                {"treatment", "10. Problems from treatment"}};
        forms.put(Instrument.DLQI, Arrays.stream(dlqi).map(q -> whole(q[0], null, q[1], 0, 3, effect)).toList());
        VancouverScarScale.ItemMaxima vss = VancouverScarScale.ItemMaxima.UNVERIFIED_DEFAULT;
        forms.put(Instrument.VSS, List.of(whole("vascularity", null, "Vascularity", 0, vss.vascularity(), List.of()),
                whole("pigmentation", null, "Pigmentation", 0, vss.pigmentation(), List.of()),
                whole("pliability", null, "Pliability", 0, vss.pliability(), List.of()),
                whole("height", null, "Height", 0, vss.height(), List.of())));
        forms.put(Instrument.POSAS_OBSERVER, posas("vascularity", "Vascularity", "pigmentation", "Pigmentation", "thickness",
                "Thickness", "relief", "Relief", "pliability", "Pliability", "surfaceArea", "Surface area"));
        forms.put(Instrument.POSAS_PATIENT, posas("pain", "Pain", "itch", "Itch", "colour", "Colour", "stiffness", "Stiffness",
                "thickness", "Thickness", "irregularity", "Irregularity"));
        forms.put(Instrument.GAIS, List.of(new Field("rating", null, "Rating against baseline", Type.CATEGORY, null, null, "",
                Arrays.stream(Gais.values()).map(g -> new Choice(g.name(), g.label())).toList())));
        forms.put(Instrument.TEWL, List.of(reading("tewl", "TEWL", Type.NOT_NEGATIVE, "g/m²/h")));
        forms.put(Instrument.CORNEOMETER, List.of(reading("hydration", "Hydration", Type.NOT_NEGATIVE, "AU")));
        forms.put(Instrument.MEXAMETER_MELANIN, List.of(new Field("melaninIndex", null, "Melanin index", Type.DECIMAL,
                BigDecimal.ZERO, BigDecimal.valueOf(999), "", List.of())));
        forms.put(Instrument.MEXAMETER_ERYTHEMA, List.of(new Field("erythemaIndex", null, "Erythema index", Type.DECIMAL,
                BigDecimal.ZERO, BigDecimal.valueOf(999), "", List.of())));
        forms.put(Instrument.HAIR_DENSITY, List.of(reading("hairDensity", "Hair density", Type.NOT_NEGATIVE, "hairs/cm²")));
        forms.put(Instrument.HAIR_SHAFT_DIAMETER, List.of(reading("shaftDiameter", "Shaft diameter", Type.POSITIVE, "µm")));
        forms.put(Instrument.CUTOMETER, List.of(reading("ua", "Ua, total recovery", Type.POSITIVE, "mm"),
                reading("uf", "Uf, final distension", Type.POSITIVE, "mm"), reading("ur", "Ur, immediate retraction", Type.POSITIVE, "mm"),
                reading("ue", "Ue, immediate distension", Type.POSITIVE, "mm")));
        for (Instrument instrument : Instrument.values()) {
            if (!forms.containsKey(instrument)) {
                throw new IllegalStateException("no entry form for " + instrument);
            }
            forms.put(instrument, List.copyOf(forms.get(instrument)));
        }
        return Collections.unmodifiableMap(forms);
    }

    private static List<Field> posas(String... namesAndLabels) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            fields.add(whole(namesAndLabels[i], null, namesAndLabels[i + 1], 1, 10, List.of()));
        }
        fields.add(whole("overallOpinion", "Not summed", "Overall opinion", 1, 10, List.of()));
        return fields;
    }

    private static Field half(String name, String group, String label) {
        return new Field(name, group, label, Type.HALF_POINT, BigDecimal.ZERO, BigDecimal.valueOf(3), "", List.of());
    }

    private static Field whole(String name, String group, String label, int min, int max, List<Choice> choices) {
        return new Field(name, group, label, Type.WHOLE, BigDecimal.valueOf(min), BigDecimal.valueOf(max), "", choices);
    }

    private static Field percent(String name, String group) {
        return new Field(name, group, "Area affected", Type.PERCENT, BigDecimal.ZERO, BigDecimal.valueOf(100), "%", List.of());
    }

    private static Field reading(String name, String label, Type type, String unit) {
        return new Field(name, null, label, type, BigDecimal.ZERO, null, unit, List.of());
    }

    /** Choices 0, 1, 2... with "0 absent", "1 mild"... as labels. */
    private static List<Choice> grades(String... labels) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            choices.add(new Choice(String.valueOf(i), i + " " + labels[i]));
        }
        return choices;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : Check.plain(value).toPlainString();
    }
}
