package org.exotrace.treatment;

import java.util.List;
import java.util.Map;
import org.exotrace.shared.DomainProblem;

/**
 * The rules forbid a plan. Unlike other refusals it leaves a trace: the attempt is recorded (and
 * audited) in the same transaction, which commits although this is thrown.
 */
public class PlanRefused extends DomainProblem {

    public PlanRefused(String jurisdiction, List<String> reasons) {
        super(Kind.RULE_VIOLATION, "Not permitted in " + jurisdiction, String.join("; ", reasons), Map.of(), reasons);
    }
}
