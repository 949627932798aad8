package org.exotrace.compliance;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.exotrace.donor.SourceType;

/**
 * Finds the rule that decides a use. A rule matches when its jurisdiction applies where the use
 * happens and each of its selectors covers the use; among matching rules the most specific
 * decides (a named source, route or purpose counts 2, a group such as HUMAN or INJECTION 1, ANY 0,
 * and a national rule 1 more than an EU-wide one), and among equally specific rules the most
 * restrictive verdict wins, so a conflict in the rule set never loosens a decision.
 */
final class RuleMatcher {

    static final String ANY = "ANY";
    static final String HUMAN = "HUMAN";
    static final String NON_HUMAN = "NON_HUMAN";

    private RuleMatcher() {}

    record Match(Rule rule, int specificity) {}

    /** Matching rules, deciding one first. */
    static List<Match> matches(List<Rule> rules, String jurisdiction, SourceType source, Route route, Purpose purpose) {
        List<String> applicable = Jurisdictions.applicable(jurisdiction);
        return rules.stream()
                .map(r -> specificity(r, applicable, source, route, purpose).map(s -> new Match(r, s)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Match::specificity).reversed()
                        .thenComparing(m -> m.rule().verdict(), Comparator.reverseOrder()))
                .toList();
    }

    private static Optional<Integer> specificity(Rule r, List<String> applicable, SourceType source, Route route, Purpose purpose) {
        int j = applicable.indexOf(r.jurisdiction());
        if (j < 0) return Optional.empty();
        int s = sourceScore(r.source(), source);
        int t = routeScore(r.route(), route);
        int p = r.purpose().equals(ANY) ? 0 : r.purpose().equals(purpose.name()) ? 2 : -1;
        if (s < 0 || t < 0 || p < 0) return Optional.empty();
        return Optional.of((applicable.size() - 1 - j) + s + t + p);
    }

    private static int sourceScore(String selector, SourceType source) {
        return switch (selector) {
            case ANY -> 0;
            case HUMAN -> source.isHuman() ? 1 : -1;
            case NON_HUMAN -> source.isHuman() ? -1 : 1;
            default -> selector.equals(source.name()) ? 2 : -1;
        };
    }

    private static int routeScore(String selector, Route route) {
        if (selector.equals(ANY)) return 0;
        if (selector.equals(route.group().name())) return 1;
        return selector.equals(route.name()) ? 2 : -1;
    }

    /** Whether a selector names something that exists. */
    static boolean validSource(String s) {
        return s.equals(ANY) || s.equals(HUMAN) || s.equals(NON_HUMAN) || isEnum(SourceType.class, s);
    }

    static boolean validRoute(String s) {
        return s.equals(ANY) || isEnum(Route.Group.class, s) || isEnum(Route.class, s);
    }

    static boolean validPurpose(String s) {
        return s.equals(ANY) || isEnum(Purpose.class, s);
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return true;
        return false;
    }
}
