package org.exotrace.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.exotrace.compliance.Route;
import org.exotrace.outcome.Instrument;

/**
 * One adjustment rule of a protocol template, as stored: when the instrument's endpoint has not met
 * the criterion by the week, suggest an adjustment of the kind. The criterion is exactly one of a
 * named response of the instrument ("EASI-50", fires when it is not achieved) or a percent
 * improvement from baseline below which the rule fires.
 *
 * @param code             unique within the template; decisions on plans refer to it ("EASI50-W8-INTERVAL")
 * @param responseName     a response of {@code instrument} ({@link org.exotrace.outcome.ResponseCriterion#defaults}); null when
 *                         {@code improvementBelow} is set
 * @param improvementBelow percent improvement from baseline, above 0 and at most 100; null when {@code responseName} is set
 * @param byWeek           weeks after the endpoint's baseline, 1 to 104
 * @param proposedRoute    the route proposed by a microneedling or route change suggestion; null for the other kinds
 */
public record AdjustmentRule(String code, Instrument instrument, String responseName, BigDecimal improvementBelow, int byWeek,
                             Suggestion.Kind kind, Route proposedRoute, String text) {

    /** "EASI-50 not achieved", "mMASI improved by less than 25 %". */
    @JsonProperty("criterion")
    public String criterion() {
        return responseName != null ? responseName + " not achieved"
                : instrument.code() + " improved by less than " + improvementBelow.stripTrailingZeros().toPlainString() + " %";
    }

    /** "By week 8: EASI-50 not achieved → Shorter interval". */
    @JsonProperty("summary")
    public String summary() {
        return "By week " + byWeek + ": " + criterion() + " \u2192 " + kind.label()
                + (proposedRoute == null ? "" : " (" + proposedRoute.label() + ")");
    }
}
