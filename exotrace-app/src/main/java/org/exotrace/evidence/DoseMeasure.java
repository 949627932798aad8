package org.exotrace.evidence;

import java.util.function.Function;

/** What dose-response puts on its x axis: the dose given or a measured attribute of the lots used, in the unit shown. */
public enum DoseMeasure {
    DOSE_PER_SESSION("dose per session", "10⁹ particles", c -> scaled(c.dosePerSession(), 1e9)),
    DOSE_TOTAL("total dose", "10⁹ particles", c -> scaled(c.doseTotal(), 1e9)),
    SIZE_MODE("size mode", "nm", c -> c.lots().sizeModeNm()),
    SIZE_D50("D50", "nm", c -> c.lots().sizeD50Nm()),
    PURITY("purity", "10⁹ particles per µg protein", c -> scaled(c.lots().particlesPerUgProtein(), 1e9));

    private final String label;
    private final String unit;
    private final Function<Course, Double> value;

    DoseMeasure(String label, String unit, Function<Course, Double> value) {
        this.label = label;
        this.unit = unit;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The course's value in {@link #unit()}; null when its sessions or lots do not have it. */
    public Double of(Course course) {
        return value.apply(course);
    }

    private static Double scaled(Double v, double by) {
        return v == null ? null : v / by;
    }
}
