package org.exotrace.donor;

import java.util.List;

/** Whether a donor's material may be used for a scope, and if not, why (one reason per problem). */
public record UseCheck(boolean allowed, List<String> reasons) {

    public UseCheck {
        reasons = List.copyOf(reasons);
    }
}
