package org.exotrace.evidence;

import java.util.List;
import java.util.function.Function;

/** What a cohort is split by for a comparison, a forest plot or adverse-event rates. */
public enum Grouping {
    SOURCE_TYPE(c -> List.of(c.sourceType().label())),
    ROUTE(c -> List.of(c.route().label())),
    PRODUCT(c -> List.of(c.product())),
    CLINIC(c -> List.of(c.clinicCode())),
    JURISDICTION(c -> List.of(c.jurisdiction())),
    SEX(c -> List.of(c.sex().name().charAt(0) + c.sex().name().substring(1).toLowerCase(java.util.Locale.ROOT))),
    FITZPATRICK(c -> List.of(c.fitzpatrick() == null ? "not recorded" : c.fitzpatrick())),
    AGE_BAND(c -> List.of(c.ageBand())),
    /** A course that used units of two lots is in both lots' groups. */
    LOT(Course::lotCodes);

    private final Function<Course, List<String>> levels;

    Grouping(Function<Course, List<String>> levels) {
        this.levels = levels;
    }

    /** The groups the course belongs to: one, except by lot. */
    public List<String> levels(Course course) {
        return levels.apply(course);
    }
}
