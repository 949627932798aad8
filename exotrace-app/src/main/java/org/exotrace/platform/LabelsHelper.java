package org.exotrace.platform;

import org.exotrace.shared.Words;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Templates write {@code ${@labels.of(lot.state())}} for any coded value they show to people: its
 * label in the page's language when a bundle has one ({@code common.enum.<Type>.<CODE>}, e.g.
 * {@code common.enum.LotState.RELEASED}), else its English label or the words of its code
 * ({@link Words}). CSS classes and form values keep the code.
 */
@Component("labels")
public class LabelsHelper {

    private final MessageSource messages;

    LabelsHelper(MessageSource messages) {
        this.messages = messages;
    }

    /** The value as people read it. */
    public String of(Object value) {
        if (value instanceof Enum<?> e) {
            String text = messages.getMessage(key(e), null, null, LocaleContextHolder.getLocale());
            if (text != null) return text;
        }
        return Words.of(value);
    }

    /**
     * A text for people: a {@link MessageSourceResolvable} (such as {@link org.exotrace.shared.UiText#of})
     * in the page's language, anything else as it is ("" for null).
     */
    public String text(Object value) {
        if (value instanceof MessageSourceResolvable r) return messages.getMessage(r, LocaleContextHolder.getLocale());
        return value == null ? "" : value.toString();
    }

    /** The bundle key of an enum constant's label: {@code common.enum.LotState.RELEASED}. */
    public static String key(Enum<?> value) {
        return "common.enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }
}
