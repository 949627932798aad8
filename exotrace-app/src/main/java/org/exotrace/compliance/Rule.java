package org.exotrace.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.exotrace.donor.SourceType;

/**
 * One regulatory rule. Selectors: {@code source} is {@code ANY}, {@code HUMAN}, {@code NON_HUMAN}
 * or a source type such as {@code UMBILICAL_CORD_MSC}; {@code route} is {@code ANY}, a
 * {@link Route.Group} or a {@link Route}; {@code purpose} is {@code ANY} or a {@link Purpose}.
 *
 * @param effectiveFrom the day the rule starts to apply; null when the source gives no date (in force)
 * @param effectiveTo   the first day it no longer applies; null while in force
 * @param version       1 when created, +1 at each edit (the audit trail keeps every earlier text)
 */
public record Rule(UUID id, String jurisdiction, String source, String route, String purpose, RuleVerdict verdict,
                   Confidence confidence, String citation, String note, LocalDate effectiveFrom, LocalDate effectiveTo,
                   int version, String changedBy, Instant changedAt) {

    /** Whether the rule applies on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom)) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /** The source selector as people read it: "Any source", "Human sources", "Umbilical-cord MSC". */
    public String sourceLabel() {
        return switch (source) {
            case RuleMatcher.ANY -> "Any source";
            case RuleMatcher.HUMAN -> "Human sources";
            case RuleMatcher.NON_HUMAN -> "Non-human sources";
            default -> label(SourceType.class, source);
        };
    }

    /** The route selector as people read it: "Any route", a group ("Injection"), or a route ("Intradermal injection"). */
    public String routeLabel() {
        if (route.equals(RuleMatcher.ANY)) return "Any route";
        for (Route.Group g : Route.Group.values()) {
            if (g.name().equals(route)) return Character.toUpperCase(g.label().charAt(0)) + g.label().substring(1);
        }
        return label(Route.class, route);
    }

    /** The purpose selector as people read it: "Any purpose" or the purpose. */
    public String purposeLabel() {
        return purpose.equals(RuleMatcher.ANY) ? "Any purpose" : label(Purpose.class, purpose);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) return org.exotrace.shared.Words.of(e);
        }
        return org.exotrace.shared.Words.words(name);
    }
}
