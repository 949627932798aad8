package org.exotrace.platform;

import org.exotrace.shared.Words;
import org.springframework.stereotype.Component;

/**
 * Templates write {@code ${@labels.of(lot.state())}} for any coded value they show to people: its
 * label, or the words of its code ({@link Words}). CSS classes and form values keep the code.
 */
@Component("labels")
public class LabelsHelper {

    /** The value as people read it. */
    public String of(Object value) {
        return Words.of(value);
    }
}
