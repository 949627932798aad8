package org.exotrace.shared;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Text for people that code produces (a flash message, a notice) as a bundle key and its
 * arguments, resolved in the language of the page that shows it: controllers write
 * {@code redirect.addFlashAttribute("message", UiText.of("lab.batch.recorded", b.code()))} and the
 * layout prints it with {@code @labels.text(message)}. The key must exist in the bundles
 * (BundleSyncTests checks every literal key).
 */
public final class UiText {

    private UiText() {
    }

    /** The text of {@code key} with its {@code {0}}, {@code {1}} ... filled by {@code arguments}. */
    public static MessageSourceResolvable of(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments);
    }
}
