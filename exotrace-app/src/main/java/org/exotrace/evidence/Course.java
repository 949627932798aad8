package org.exotrace.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.outcome.Instrument;
import org.exotrace.treatment.Design;
import org.exotrace.treatment.Side;

/**
 * One treatment course (a plan) of a consenting patient, as research sees it: the pseudonym and the
 * quasi-identifiers, what was planned and given, the lots' measured attributes, every valid
 * assessment as days from baseline and every adverse event. Baseline is the first session's day
 * (the plan's start while none is recorded).
 *
 * @param ageAtBaseline     whole years on the baseline day
 * @param devices           the devices named in the sessions, in order of first use
 * @param lotCodes          the lots of the units given, in order of first use
 * @param sessions          sessions recorded (voided ones are not)
 * @param dosePerSession    mean particles per session over the sessions with a known dose; null when none has one
 * @param doseTotal         particles over all sessions with a known dose; null when none has one
 * @param lots              the lots' measured attributes, each the mean over the sessions' lots that have it
 */
public record Course(UUID planId, String pseudonym, String clinicCode, String jurisdiction, Patient.Sex sex, int ageAtBaseline,
                     String fitzpatrick, String indication, String template, String product, SourceType sourceType, Route route,
                     Design design, Side treatedSide, String blindedAssessor, LocalDate baselineOn, List<String> devices,
                     List<String> lotCodes, int sessions, Double dosePerSession, Double doseTotal, LotProfile lots,
                     List<Observation> observations, List<AdverseEventFact> adverseEvents) {

    public Course {
        devices = List.copyOf(devices);
        lotCodes = List.copyOf(lotCodes);
        observations = List.copyOf(observations);
        adverseEvents = List.copyOf(adverseEvents);
    }

    /** The means of the lots' valid results over the course's sessions; each null when no lot has it. */
    public record LotProfile(Double sizeModeNm, Double sizeD50Nm, Double particlesPerUgProtein) {}

    /** A valid assessment: its day from baseline, the side assessed and the value; who assessed it. */
    public record Observation(Instrument instrument, int day, Side side, double value, String assessor) {}

    /** An adverse event as research counts it. */
    public record AdverseEventFact(String term, int day, String severity, boolean serious, String lotCode) {}

    /** Whether this is a split-face course, whose sides are compared. */
    public boolean splitFace() {
        return design == Design.SPLIT_FACE && treatedSide != null;
    }

    /** The side that was not treated on a split-face course. */
    public Optional<Side> controlSide() {
        if (!splitFace()) return Optional.empty();
        return Optional.of(treatedSide == Side.LEFT ? Side.RIGHT : Side.LEFT);
    }

    /**
     * The value on {@code side} for the instrument at baseline: the last on or before day 0, not
     * earlier than {@code maxDaysBefore} days; empty when there is none.
     */
    public OptionalDouble baseline(Instrument instrument, Side side, int maxDaysBefore) {
        Observation best = null;
        for (Observation o : observations) {
            if (!counts(o, instrument, side) || o.day() > 0 || o.day() < -maxDaysBefore) continue;
            if (best == null || o.day() >= best.day()) best = o;
        }
        return best == null ? OptionalDouble.empty() : OptionalDouble.of(best.value());
    }

    /**
     * The value on {@code side} at the visit around {@code day}: the one nearest to it within
     * {@code window} days either side, the later on a tie; empty when the patient was not assessed
     * in the window.
     */
    public OptionalDouble at(Instrument instrument, Side side, int day, int window) {
        Observation best = null;
        for (Observation o : observations) {
            if (!counts(o, instrument, side) || o.day() <= 0 || Math.abs(o.day() - day) > window) continue;
            if (best == null || Math.abs(o.day() - day) < Math.abs(best.day() - day)
                    || (Math.abs(o.day() - day) == Math.abs(best.day() - day) && o.day() > best.day())) best = o;
        }
        return best == null ? OptionalDouble.empty() : OptionalDouble.of(best.value());
    }

    /**
     * On a split-face course only the blinded assessor's readings count, where one is named; on
     * other courses every reading of the whole area (or of the side asked for) counts.
     */
    private boolean counts(Observation o, Instrument instrument, Side side) {
        if (o.instrument() != instrument || o.side() != side) return false;
        return !splitFace() || blindedAssessor == null || blindedAssessor.equals(o.assessor());
    }

    /** The age band of ten years ("30-39"; "under 18"; "80+"). */
    public String ageBand() {
        return AgeBands.of(ageAtBaseline, 10);
    }
}
