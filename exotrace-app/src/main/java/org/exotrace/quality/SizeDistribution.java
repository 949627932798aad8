package org.exotrace.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A lot's number-weighted particle size distribution, as drawn on the lot page and the certificate. */
public record SizeDistribution(UUID lotId, String method, List<Point> points, String recordedBy, Instant recordedAt) {

    /** The method as people read it: without the measurement's id that the stored method ends with for traceability. */
    public String methodLabel() {
        return method.replaceFirst(",? ?measurement [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "");
    }

    public record Point(double diameterNm, double fraction) {}

    public SizeDistribution {
        points = List.copyOf(points);
    }

    /**
     * The distribution as a curve to draw: the number of particles per nm of diameter, relative to
     * its peak (so that log-spaced and evenly spaced bins look alike), from the smallest diameter to
     * 10% beyond the one below which 99.5% of the particles lie (so that a sparse tail does not
     * squeeze the peak into a corner).
     */
    public List<Point> curve() {
        int n = points.size();
        if (n < 2) return points;
        double total = points.stream().mapToDouble(Point::fraction).sum();
        double[] density = new double[n];
        double cumulative = 0;
        double cutAt = points.get(n - 1).diameterNm();
        boolean cut = false;
        for (int i = 0; i < n; i++) {
            double d = points.get(i).diameterNm();
            double left = i == 0 ? points.get(1).diameterNm() - d : d - points.get(i - 1).diameterNm();
            double right = i == n - 1 ? d - points.get(n - 2).diameterNm() : points.get(i + 1).diameterNm() - d;
            density[i] = points.get(i).fraction() / ((left + right) / 2);
            cumulative += points.get(i).fraction();
            if (!cut && total > 0 && cumulative >= 0.995 * total) {
                cutAt = d * 1.1;
                cut = true;
            }
        }
        double peak = 0;
        for (int i = 0; i < n && points.get(i).diameterNm() <= cutAt; i++) peak = Math.max(peak, density[i]);
        List<Point> curve = new ArrayList<>();
        for (int i = 0; i < n && points.get(i).diameterNm() <= cutAt; i++) {
            curve.add(new Point(points.get(i).diameterNm(), peak > 0 ? density[i] / peak : 0));
        }
        return curve.size() < 2 ? points : curve;
    }
}
