package org.exotrace.trace;

import java.util.List;

/**
 * A forward trace from where material came from, a donor or an isolation batch: the lots made
 * directly from it as trees of the lots derived or pooled from them, each with its units and what
 * became of them, and every patient who received any of them.
 *
 * @param from                    what the trace started from
 * @param code                    the donor's or batch's code
 * @param lots                    the lots made directly from the donor's batches or from the batch, each with its descendants
 * @param recipients              every patient treated with a unit of any of those lots, by pseudonym
 * @param lotCount                how many lots the trees hold
 * @param unitCount               how many units of those lots are shown
 * @param unitsOutsideYourClinics units left out because they went elsewhere than the clinics the caller works at
 */
public record SourceTrace(From from, String code, List<LotTrace.Node> lots, List<LotTrace.Recipient> recipients, int lotCount, int unitCount,
                          int unitsOutsideYourClinics) {

    /** Where a forward trace started. */
    public enum From { DONOR, BATCH }

    public SourceTrace {
        lots = List.copyOf(lots);
        recipients = List.copyOf(recipients);
    }

    SourceTrace(From from, String code, Traces.Forward f) {
        this(from, code, f.roots(), f.recipients(), f.lotCount(), f.unitCount(), f.outside());
    }
}
