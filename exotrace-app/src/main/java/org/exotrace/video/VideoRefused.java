package org.exotrace.video;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.shared.DomainProblem;

/**
 * A video upload refused before anything was stored: every wrong field with a message key of the
 * bundles (so a page can say it in its language), its arguments and the English text the API answers with.
 */
public class VideoRefused extends DomainProblem {

    /** One field's problem; {@code key} is a bundle key, or a settings catalogue key whose text may be missing (then {@code english}). */
    public record Problem(String field, String key, List<?> args, String english) {}

    private final transient List<Problem> problems;

    public VideoRefused(List<Problem> problems) {
        super(Kind.INVALID_INPUT, "Invalid video upload", String.join("; ", problems.stream().map(p -> p.field() + ": " + p.english()).toList()),
                fields(problems), List.of());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static Map<String, String> fields(List<Problem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(p -> m.putIfAbsent(p.field(), p.english()));
        return m;
    }
}
