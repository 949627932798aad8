package org.exotrace.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.outcome.Instrument;

/**
 * Which courses a cohort holds: every criterion left empty admits every course. Text criteria
 * match whole values without regard to case; the lot criteria (size mode, D50, purity, dose per
 * session) are closed ranges, and a course whose lots lack the measure is outside any range set on it.
 *
 * @param instrument  courses with at least one valid reading of this instrument
 * @param lotCode     courses that used a unit of this lot
 * @param device      courses that used this device in a session
 * @param ageBand     the ten-year band at baseline ({@link AgeBands})
 */
public record CohortFilter(String indication, Instrument instrument, SourceType sourceType, String product, String lotCode, Route route,
                           String device, String jurisdiction, String fitzpatrick, Patient.Sex sex, String ageBand, Integer minSessions,
                           Integer maxSessions, Double sizeModeMin, Double sizeModeMax, Double d50Min, Double d50Max, Double purityMin,
                           Double purityMax, Double doseMin, Double doseMax) {

    /** The filter that admits every course. */
    public static final CohortFilter ALL = new CohortFilter(null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    public boolean matches(Course c) {
        return same(indication, c.indication()) && (instrument == null || c.observations().stream().anyMatch(o -> o.instrument() == instrument))
                && (sourceType == null || sourceType == c.sourceType()) && same(product, c.product())
                && (blank(lotCode) || c.lotCodes().stream().anyMatch(l -> l.equalsIgnoreCase(lotCode.strip())))
                && (route == null || route == c.route())
                && (blank(device) || c.devices().stream().anyMatch(d -> d.equalsIgnoreCase(device.strip())))
                && same(jurisdiction, c.jurisdiction()) && same(fitzpatrick, c.fitzpatrick()) && (sex == null || sex == c.sex())
                && same(ageBand, c.ageBand()) && (minSessions == null || c.sessions() >= minSessions)
                && (maxSessions == null || c.sessions() <= maxSessions)
                && within(c.lots().sizeModeNm(), sizeModeMin, sizeModeMax) && within(c.lots().sizeD50Nm(), d50Min, d50Max)
                && within(c.lots().particlesPerUgProtein(), purityMin, purityMax) && within(c.dosePerSession(), doseMin, doseMax);
    }

    /** The criteria set, in words, for a results page and a methods paragraph ("source type = Adipose MSC; sessions ≥ 3"). */
    public List<String> describe() {
        List<String> parts = new ArrayList<>();
        text(parts, "indication", indication);
        if (instrument != null) parts.add("instrument = " + instrument.code());
        if (sourceType != null) parts.add("source type = " + sourceType.label());
        text(parts, "product", product);
        text(parts, "lot", lotCode);
        if (route != null) parts.add("delivery = " + route.label());
        text(parts, "device", device);
        text(parts, "jurisdiction", jurisdiction);
        text(parts, "Fitzpatrick type", fitzpatrick);
        if (sex != null) parts.add("sex = " + sex.name().toLowerCase(Locale.ROOT));
        text(parts, "age band", ageBand);
        if (minSessions != null) parts.add("sessions ≥ " + minSessions);
        if (maxSessions != null) parts.add("sessions ≤ " + maxSessions);
        range(parts, "size mode (nm)", sizeModeMin, sizeModeMax);
        range(parts, "D50 (nm)", d50Min, d50Max);
        range(parts, "particles per µg protein", purityMin, purityMax);
        range(parts, "dose per session (particles)", doseMin, doseMax);
        return parts;
    }

    private static void text(List<String> parts, String name, String value) {
        if (!blank(value)) parts.add(name + " = " + value.strip());
    }

    private static void range(List<String> parts, String name, Double min, Double max) {
        if (min != null && max != null) parts.add(name + " " + plain(min) + "–" + plain(max));
        else if (min != null) parts.add(name + " ≥ " + plain(min));
        else if (max != null) parts.add(name + " ≤ " + plain(max));
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean same(String wanted, String actual) {
        return blank(wanted) || (actual != null && actual.equalsIgnoreCase(wanted.strip()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean within(Double value, Double min, Double max) {
        if (min == null && max == null) return true;
        if (value == null) return false;
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
