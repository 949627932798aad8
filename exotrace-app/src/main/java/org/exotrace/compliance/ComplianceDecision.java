package org.exotrace.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.donor.SourceType;

/**
 * The answer for one use: the deciding rule's verdict with its citation and confidence, or, when
 * no rule covers the use, a request to have it reviewed. Always carries the disclaimer.
 *
 * @param verdict      the deciding rule's verdict; null when no rule covers the use
 * @param decidingRule the rule that decided; null when none covers the use
 * @param otherRules   other rules that matched, less specific (or equally specific and less restrictive)
 * @param blocks       whether planning or recording must stop
 * @param message      one sentence for the person planning the treatment, with the citation
 */
public record ComplianceDecision(String jurisdiction, SourceType source, Route route, Purpose purpose, LocalDate on,
                                 RuleVerdict verdict, Rule decidingRule, List<Rule> otherRules, boolean blocks,
                                 String message, String disclaimer) {

    public static final String DISCLAIMER = "Decision support from the rules your compliance officer maintains, not legal advice.";

    public ComplianceDecision {
        otherRules = List.copyOf(otherRules);
    }

    /** Whether a person must look at this before going on (caution, uncertainty or no rule). */
    @JsonProperty("needsAttention")
    public boolean needsAttention() {
        return decidingRule == null || blocks || verdict == RuleVerdict.PERMITTED_WITH_CAUTION
                || decidingRule.confidence() == Confidence.UNCERTAIN;
    }
}
