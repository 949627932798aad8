package org.exotrace.characterization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.nta.settings.SettingProblem;
import org.exotrace.shared.DomainProblem;

/**
 * NTA settings refused: every wrong field with the settings catalogue's message key, arguments and
 * English text, so that the API answers in the catalogue's words and a page can translate them.
 */
public class NtaSettingsRefused extends DomainProblem {

    private final transient List<SettingProblem> problems;

    public NtaSettingsRefused(List<SettingProblem> problems) {
        super(Kind.INVALID_INPUT, "Invalid NTA settings", detail(problems), fields(problems), List.of());
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per field, in the catalogue's order. */
    public List<SettingProblem> problems() {
        return problems;
    }

    private static Map<String, String> fields(List<SettingProblem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(p -> m.putIfAbsent(p.field(), p.message()));
        return m;
    }

    private static String detail(List<SettingProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
    }
}
