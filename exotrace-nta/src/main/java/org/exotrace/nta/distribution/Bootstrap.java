package org.exotrace.nta.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.sizing.Diameter;

/**
 * Nonparametric bootstrap over tracks (B. Efron, Ann. Stat. 7, 1 (1979)): each replicate draws
 * n tracks with replacement from the n tracks, re-runs the size estimator and computes
 * {@link DistributionStats}; a confidence interval is the percentile interval of a statistic over
 * the replicates.
 *
 * <p>Assumes tracks are independent draws; several tracks of the same particle are not (the
 * interval is then somewhat too narrow). Replicate r uses its own random stream derived from the
 * seed and r only, so the result is the same whether replicates run in parallel or not. Default:
 * 200 replicates, seed 1, 95% level.
 *
 * @param replicates number of bootstrap replicates, &gt;= 2
 * @param seed       seed of the resampling
 * @param parallel   whether replicates run on the common fork-join pool
 */
public record Bootstrap(int replicates, long seed, boolean parallel) {

    public static final int DEFAULT_REPLICATES = 200;

    public Bootstrap {
        if (replicates < 2) throw new IllegalArgumentException("need at least 2 replicates, got " + replicates);
    }

    public static Bootstrap withDefaults() {
        return new Bootstrap(DEFAULT_REPLICATES, 1L, true);
    }

    /**
     * @param estimate   statistics of the estimator on all tracks
     * @param replicates statistics of each replicate, in replicate order
     */
    public record Result(DistributionStats estimate, List<DistributionStats> replicates) {

        /** Two-sided percentile interval at {@code level} (e.g. 0.95) of a statistic. */
        public Interval interval(Function<DistributionStats, Diameter> statistic, double level) {
            if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
            double[] values = replicates.stream().mapToDouble(s -> statistic.apply(s).nanometres()).sorted().toArray();
            double alpha = (1 - level) / 2;
            return new Interval(statistic.apply(estimate), Diameter.ofNanometres(percentile(values, alpha)),
                    Diameter.ofNanometres(percentile(values, 1 - alpha)), level);
        }

        public Interval interval(Function<DistributionStats, Diameter> statistic) {
            return interval(statistic, 0.95);
        }

        private static double percentile(double[] sorted, double q) {
            double pos = q * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, sorted.length - 1);
            return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /** A bootstrap confidence interval around the full-data estimate. */
    public record Interval(Diameter estimate, Diameter lower, Diameter upper, double level) {

        public boolean contains(Diameter d) {
            return d.compareTo(lower) >= 0 && d.compareTo(upper) <= 0;
        }
    }

    /**
     * @param estimator a size estimator, e.g. {@code t -> walker.fit(t).particles()}; must be safe
     *                  to call from several threads when {@link #parallel()} is set
     */
    public Result run(List<TrackDiffusion> tracks, Function<List<TrackDiffusion>, NumberDistribution> estimator) {
        Objects.requireNonNull(estimator, "estimator");
        if (tracks.isEmpty()) throw new IllegalArgumentException("no tracks to resample");
        TrackDiffusion[] all = tracks.toArray(TrackDiffusion[]::new);
        DistributionStats estimate = DistributionStats.of(estimator.apply(tracks));
        IntStream indices = IntStream.range(0, replicates);
        if (parallel) indices = indices.parallel();
        List<DistributionStats> stats = indices.mapToObj(r -> {
            SplittableRandom random = new SplittableRandom(mix(seed, r));
            List<TrackDiffusion> sample = new ArrayList<>(all.length);
            for (int i = 0; i < all.length; i++) sample.add(all[random.nextInt(all.length)]);
            return DistributionStats.of(estimator.apply(sample));
        }).toList();
        return new Result(estimate, stats);
    }

    private static long mix(long seed, int replicate) {
        long z = seed + 0x9E3779B97F4A7C15L * (replicate + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Bootstrap[" + replicates + " replicates, seed " + seed + (parallel ? ", parallel" : "") + "]";
    }
}
