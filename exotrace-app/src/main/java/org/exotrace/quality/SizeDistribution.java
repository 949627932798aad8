package org.exotrace.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lot's number-weighted particle size distribution, as drawn on the lot page and the certificate. */
public record SizeDistribution(UUID lotId, String method, List<Point> points, String recordedBy, Instant recordedAt) {

    public record Point(double diameterNm, double fraction) {}

    public SizeDistribution {
        points = List.copyOf(points);
    }
}
