package org.exotrace.nta.settings;

import java.util.List;

/**
 * One setting given wrong, in a form every surface can show: the command line prints
 * {@code option: message} on one line, the API names {@code field} in its problem answer, the web
 * form puts the message beside the field (translated through {@code key} when a bundle has it).
 *
 * @param field   the setting's name: form field, API part and stored key ({@code fps})
 * @param option  its command-line option ({@code --fps})
 * @param key     message key, {@code nta.setting.<field>.<rule>}
 * @param args    the message's arguments for a translation: {0} the value as typed, then the rule's limits
 * @param message the English text, the default when no bundle translates the key
 */
public record SettingProblem(String field, String option, String key, List<String> args, String message) {

    public SettingProblem {
        args = List.copyOf(args);
    }

    /** The command line's one line: {@code --fps: must be a positive number, not 0}. */
    public String commandLineText() {
        return option + ": " + message;
    }
}
