package org.exotrace.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;

/**
 * What an analysis is asked: its kind, the score, the visit (day from baseline and the window
 * either side), the responder threshold, the grouping and the dose measure. {@link #normalised()}
 * fills the defaults, so that a plan hashes what will actually be run.
 *
 * @param day              the visit, in days from baseline (default {@value #DEFAULT_DAY})
 * @param window           days either side of the visit that count as it (default {@value #DEFAULT_WINDOW})
 * @param responderPercent a responder's follow-up is at most (100 - this) % of baseline
 */
public record AnalysisSpec(AnalysisKind kind, Instrument instrument, Integer day, Integer window, Integer responderPercent,
                           Grouping groupBy, DoseMeasure measure) {

    public static final int DEFAULT_DAY = 84;
    public static final int DEFAULT_WINDOW = 14;
    public static final int DEFAULT_RESPONDER_PERCENT = 50;
    /** A baseline is the last reading on or before the first session, at most this many days before it. */
    public static final int BASELINE_DAYS = 28;

    /** The spec with every default filled in; refuses what cannot be run, naming the field. */
    public AnalysisSpec normalised() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) errors.put("kind", "is required");
        if (instrument == null && kind != AnalysisKind.ADVERSE_EVENTS) errors.put("instrument", "is required for this analysis");
        if (day != null && (day < 1 || day > 730)) errors.put("day", "must be 1-730 days from baseline");
        if (window != null && (window < 0 || window > 90)) errors.put("window", "must be 0-90 days");
        if (responderPercent != null && (responderPercent < 1 || responderPercent > 100)) errors.put("responderPercent", "must be 1-100");
        if (!errors.isEmpty()) throw DomainProblem.invalid("This analysis cannot be run", errors);
        int d = day == null ? DEFAULT_DAY : day;
        int w = window == null ? Math.min(DEFAULT_WINDOW, d / 2) : window;
        // A grouping or a measure the kind does not use is dropped, so that the same analysis always hashes the same.
        boolean grouped = kind == AnalysisKind.TWO_GROUPS || kind == AnalysisKind.ADVERSE_EVENTS;
        Grouping g = !grouped ? null : (groupBy != null ? groupBy : Grouping.SOURCE_TYPE);
        DoseMeasure m = kind != AnalysisKind.DOSE_RESPONSE ? null : (measure != null ? measure : DoseMeasure.DOSE_PER_SESSION);
        Integer r = responderPercent != null ? responderPercent
                : (kind == AnalysisKind.RESPONDER || kind == AnalysisKind.TWO_GROUPS || kind == AnalysisKind.PAIRED ? DEFAULT_RESPONDER_PERCENT : null);
        Instrument i = kind == AnalysisKind.ADVERSE_EVENTS ? null : instrument;
        return new AnalysisSpec(kind, i, kind == AnalysisKind.ADVERSE_EVENTS ? null : d, kind == AnalysisKind.ADVERSE_EVENTS ? null : w, r, g, m);
    }
}
