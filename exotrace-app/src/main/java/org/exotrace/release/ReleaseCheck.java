package org.exotrace.release;

import java.util.List;

/** Whether a lot can be released by a given person now, and every reason why not. */
public record ReleaseCheck(boolean allowed, List<String> reasons) {

    public ReleaseCheck {
        reasons = List.copyOf(reasons);
    }
}
