package org.exotrace.nta.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exotrace.nta.detect.Features;

/**
 * Joins each frame's features to the tracks still open, streamed frame by frame.
 *
 * <p>Frame-to-frame linking as a linear assignment problem (Jaqaman et al. 2008, Nat Methods
 * 5:695): a track last seen g frames ago may take a feature within the search radius × √g (a
 * diffusive step grows as √g); the cost of a link is d²/g, the squared step per frame, so a gap
 * link competes fairly with a consecutive one. Tracks and features that can reach each other form
 * clusters (connected components); each cluster is solved exactly by the Hungarian method, where
 * leaving a track or a feature unlinked costs more than any allowed link. A cluster with more than
 * {@link LinkSettings#maxSubnetSize()} tracks or features (a dense field, or a radius far larger
 * than the particles' real steps) is split by narrowing its radius by 20 % at a time, as trackpy's
 * adaptive search does, and each narrowing is counted.
 *
 * <p>Each track's reach adapts to its own motion. A Brownian step r in the plane has
 * P(r² &gt; ρ²) = exp(−ρ² / ⟨r²⟩); once a track has {@link #OWN_STEPS} steps, ⟨r²⟩ is taken at the
 * upper 99.9 % confidence bound of its mean squared step (a chi-square with two degrees of freedom
 * per step), so the track reaches as far as it could plausibly move with miss probability
 * {@link LinkSettings#MISS_PROBABILITY}, never farther than the search radius. Without it, a slow
 * particle in a dense field whose next detection is missed takes a neighbour several of its own
 * steps away, and those false steps inflate its diffusion coefficient.
 *
 * <p>A track whose last detection is more than {@code memory + 1} frames old can no longer grow:
 * it is handed to the listener at once, so memory holds only the tracks alive in the current
 * window, whatever the video's length.
 */
public final class Linker {

    /** Steps a track needs before its own motion sets its reach. */
    static final int OWN_STEPS = 4;
    /** The reach never falls below this, px: a still particle still jitters by its localization error. */
    static final double MIN_REACH_PX = 1.5;
    private static final double NARROWING = 0.8;
    private static final double NARROWEST = 0.2;

    private final LinkSettings settings;
    private final TrackListener out;
    private final List<TrackBuffer> live = new ArrayList<>();
    private final List<TrackBuffer> pool = new ArrayList<>();
    private final Assignment assignment = new Assignment();

    private long nextId;
    private int lastFrame = Integer.MIN_VALUE;
    private long tracksOut;
    private long positionsOut;
    private long gapsClosed;
    private int adaptiveReductions;
    private final long[] lengthHistogram = new long[LinkStats.HISTOGRAM_CAP + 1];
    private boolean finished;

    // Per-frame buffers, grown as needed and reused.
    private int[] featureTrack = new int[64];
    private int[] cellHead = new int[64];
    private int[] cellNext = new int[64];
    private int[] pairTrack = new int[256];
    private int[] pairFeature = new int[256];
    private double[] pairCost = new double[256];
    private int pairCount;
    private int[] parent = new int[128];
    private int[] localOfNode = new int[128];
    private double[] costMatrix = new double[64];
    private int[] colOfRow = new int[8];
    private int[] clusterTracks = new int[8];
    private int[] clusterFeatures = new int[8];

    public Linker(LinkSettings settings, TrackListener out) {
        this.settings = settings;
        this.out = out;
    }

    /** Links one frame's features; frames must come in increasing order (gaps are allowed). */
    public void frame(int frameIndex, Features features) {
        if (finished) throw new IllegalStateException("the linker has finished");
        if (frameIndex < 0) throw new IllegalArgumentException("frame numbers start at 0, not " + frameIndex);
        if (frameIndex <= lastFrame) throw new IllegalArgumentException("frame " + frameIndex + " came after frame " + lastFrame);
        lastFrame = frameIndex;
        retire(frameIndex);
        int tracks = live.size();
        int featureCount = features.count();
        if (featureTrack.length < featureCount) featureTrack = new int[Math.max(featureCount, featureTrack.length * 2)];
        Arrays.fill(featureTrack, 0, featureCount, -1);
        if (tracks > 0 && featureCount > 0) {
            findPairs(frameIndex, features);
            if (pairCount > 0) {
                int[] all = new int[pairCount];
                for (int p = 0; p < pairCount; p++) all[p] = p;
                solve(all, pairCount, 1.0, tracks + featureCount);
            }
        }
        for (int j = 0; j < featureCount; j++) {
            int t = featureTrack[j];
            TrackBuffer track;
            if (t >= 0) {
                track = live.get(t);
                if (frameIndex - track.lastFrame > 1) gapsClosed++;
            } else {
                track = newTrack();
            }
            track.add(frameIndex, features.x(j), features.y(j), features.mass(j), features.saturated(j), features.overlapping(j));
        }
    }

    /** Emits every track still open; the linker takes no more frames. */
    public void finish() {
        if (finished) return;
        finished = true;
        for (TrackBuffer t : live) emit(t);
        live.clear();
    }

    public LinkStats stats() {
        return new LinkStats(tracksOut, positionsOut, gapsClosed, lengthHistogram, settings.searchRadiusPx(), adaptiveReductions);
    }

    private void retire(int frameIndex) {
        int horizon = settings.memoryFrames() + 1;
        for (int i = live.size() - 1; i >= 0; i--) {
            TrackBuffer t = live.get(i);
            if (frameIndex - t.lastFrame > horizon) {
                emit(t);
                TrackBuffer last = live.remove(live.size() - 1);
                if (i < live.size()) live.set(i, last);
            }
        }
    }

    /** Every (track, feature) pair within reach, found through a grid of the features. */
    private void findPairs(int frameIndex, Features f) {
        int n = f.count();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            minX = Math.min(minX, f.x(j));
            maxX = Math.max(maxX, f.x(j));
            minY = Math.min(minY, f.y(j));
            maxY = Math.max(maxY, f.y(j));
        }
        double radius = settings.searchRadiusPx();
        double cell = Math.max(1, radius);
        int cols = Math.max(1, Math.min(4096, (int) ((maxX - minX) / cell) + 1));
        int rows = Math.max(1, Math.min(4096, (int) ((maxY - minY) / cell) + 1));
        double cellX = Math.max(cell, (maxX - minX) / cols + 1e-9);
        double cellY = Math.max(cell, (maxY - minY) / rows + 1e-9);
        int cells = cols * rows;
        if (cellHead.length < cells) cellHead = new int[Math.max(cells, cellHead.length * 2)];
        if (cellNext.length < n) cellNext = new int[Math.max(n, cellNext.length * 2)];
        Arrays.fill(cellHead, 0, cells, -1);
        for (int j = 0; j < n; j++) {
            int cx = Math.min(cols - 1, (int) ((f.x(j) - minX) / cellX));
            int cy = Math.min(rows - 1, (int) ((f.y(j) - minY) / cellY));
            int c = cy * cols + cx;
            cellNext[j] = cellHead[c];
            cellHead[c] = j;
        }
        pairCount = 0;
        double r2 = radius * radius;
        for (int t = 0; t < live.size(); t++) {
            TrackBuffer track = live.get(t);
            int gap = frameIndex - track.lastFrame;
            double reach2 = Math.min(r2, track.ownReach2()) * gap;
            double reach = Math.sqrt(reach2);
            int cx0 = (int) Math.floor((track.lastX - reach - minX) / cellX);
            int cx1 = (int) Math.floor((track.lastX + reach - minX) / cellX);
            int cy0 = (int) Math.floor((track.lastY - reach - minY) / cellY);
            int cy1 = (int) Math.floor((track.lastY + reach - minY) / cellY);
            if (cx1 < 0 || cy1 < 0 || cx0 >= cols || cy0 >= rows) continue;
            cx0 = Math.max(0, cx0);
            cy0 = Math.max(0, cy0);
            cx1 = Math.min(cols - 1, cx1);
            cy1 = Math.min(rows - 1, cy1);
            for (int cy = cy0; cy <= cy1; cy++) {
                for (int cx = cx0; cx <= cx1; cx++) {
                    for (int j = cellHead[cy * cols + cx]; j >= 0; j = cellNext[j]) {
                        double dx = f.x(j) - track.lastX;
                        double dy = f.y(j) - track.lastY;
                        double d2 = dx * dx + dy * dy;
                        if (d2 <= reach2) addPair(t, j, d2 / gap);
                    }
                }
            }
        }
    }

    private void addPair(int track, int feature, double cost) {
        if (pairCount == pairTrack.length) {
            int m = pairCount * 2;
            pairTrack = Arrays.copyOf(pairTrack, m);
            pairFeature = Arrays.copyOf(pairFeature, m);
            pairCost = Arrays.copyOf(pairCost, m);
        }
        pairTrack[pairCount] = track;
        pairFeature[pairCount] = feature;
        pairCost[pairCount] = cost;
        pairCount++;
    }

    /**
     * Solves the pairs {@code list[0..n)} cluster by cluster. Nodes are tracks (0..T) then features
     * (T..T+F), {@code nodes} = T + F.
     */
    private void solve(int[] list, int n, double factor, int nodes) {
        int tracks = live.size();
        if (parent.length < nodes) {
            parent = new int[Math.max(nodes, parent.length * 2)];
            localOfNode = new int[parent.length];
        }
        for (int i = 0; i < n; i++) {
            int p = list[i];
            parent[pairTrack[p]] = pairTrack[p];
            parent[tracks + pairFeature[p]] = tracks + pairFeature[p];
        }
        for (int i = 0; i < n; i++) {
            int p = list[i];
            union(pairTrack[p], tracks + pairFeature[p]);
        }
        // Order the pairs by cluster root, so each cluster is a contiguous run.
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) keyed[i] = ((long) find(pairTrack[list[i]]) << 32) | list[i];
        Arrays.sort(keyed);
        int start = 0;
        while (start < n) {
            int root = (int) (keyed[start] >>> 32);
            int end = start + 1;
            while (end < n && (int) (keyed[end] >>> 32) == root) end++;
            int[] cluster = new int[end - start];
            for (int i = start; i < end; i++) cluster[i - start] = (int) keyed[i];
            solveCluster(cluster, factor, nodes);
            start = end;
        }
    }

    private void solveCluster(int[] cluster, double factor, int nodes) {
        int tracks = live.size();
        int nTracks = 0;
        int nFeatures = 0;
        for (int p : cluster) {
            int t = pairTrack[p];
            int fNode = tracks + pairFeature[p];
            localOfNode[t] = -1;
            localOfNode[fNode] = -1;
        }
        for (int p : cluster) {
            int t = pairTrack[p];
            int fNode = tracks + pairFeature[p];
            if (localOfNode[t] < 0) {
                clusterTracks = grow(clusterTracks, nTracks);
                clusterTracks[nTracks] = t;
                localOfNode[t] = nTracks++;
            }
            if (localOfNode[fNode] < 0) {
                clusterFeatures = grow(clusterFeatures, nFeatures);
                clusterFeatures[nFeatures] = pairFeature[p];
                localOfNode[fNode] = nFeatures++;
            }
        }
        if (cluster.length == 1) {
            featureTrack[pairFeature[cluster[0]]] = pairTrack[cluster[0]];
            return;
        }
        double limit = settings.searchRadiusPx() * settings.searchRadiusPx() * factor * factor;
        if (Math.max(nTracks, nFeatures) > settings.maxSubnetSize() && factor * NARROWING >= NARROWEST) {
            adaptiveReductions++;
            double narrowed = limit * NARROWING * NARROWING;
            int[] kept = new int[cluster.length];
            int k = 0;
            for (int p : cluster) if (pairCost[p] <= narrowed) kept[k++] = p;
            if (k > 0) solve(kept, k, factor * NARROWING, nodes);
            return;
        }
        int k = Math.max(nTracks, nFeatures);
        if (costMatrix.length < k * k) costMatrix = new double[Math.max(k * k, costMatrix.length * 2)];
        if (colOfRow.length < k) colOfRow = new int[Math.max(k, colOfRow.length * 2)];
        double unlinked = 2 * limit + 1;
        Arrays.fill(costMatrix, 0, k * k, unlinked);
        for (int p : cluster) {
            int row = localOfNode[pairTrack[p]];
            int col = localOfNode[tracks + pairFeature[p]];
            if (pairCost[p] <= limit) costMatrix[row * k + col] = pairCost[p];
        }
        assignment.solve(costMatrix, k, colOfRow);
        for (int row = 0; row < nTracks; row++) {
            int col = colOfRow[row];
            if (col < nFeatures && costMatrix[row * k + col] < unlinked) featureTrack[clusterFeatures[col]] = clusterTracks[row];
        }
    }

    /**
     * k / q, with q the 0.1 % quantile of a chi-square with k degrees of freedom (Wilson and
     * Hilferty 1931): the factor that turns a mean of k/2 squared 2-D steps into its 99.9 % upper bound.
     */
    static double chiSquareUpperFactor(int k) {
        double a = 2.0 / (9 * k);
        double q = k * Math.pow(1 - a - 3.0902 * Math.sqrt(a), 3);
        return q > 0 ? k / q : Double.POSITIVE_INFINITY;
    }

    private static int[] grow(int[] a, int used) {
        return used < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    private int find(int node) {
        int root = node;
        while (parent[root] != root) root = parent[root];
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) parent[ra] = rb;
    }

    private TrackBuffer newTrack() {
        TrackBuffer t = pool.isEmpty() ? new TrackBuffer() : pool.remove(pool.size() - 1);
        t.reset(nextId++);
        live.add(t);
        return t;
    }

    private void emit(TrackBuffer t) {
        tracksOut++;
        positionsOut += t.size;
        lengthHistogram[Math.min(LinkStats.HISTOGRAM_CAP, t.size)]++;
        out.track(t.toTrack());
        pool.add(t);
    }

    /** A track being built: primitive arrays, grown and reused from track to track. */
    private static final class TrackBuffer {
        long id;
        int size;
        int[] frames = new int[32];
        float[] xs = new float[32];
        float[] ys = new float[32];
        float[] masses = new float[32];
        int saturated;
        int overlapping;
        int lastFrame;
        double lastX;
        double lastY;
        double sumSquaredSteps;
        int consecutiveSteps;

        void reset(long newId) {
            id = newId;
            size = 0;
            sumSquaredSteps = 0;
            consecutiveSteps = 0;
            saturated = 0;
            overlapping = 0;
        }

        void add(int frame, double x, double y, double mass, boolean sat, boolean overlap) {
            if (size == frames.length) {
                int m = size * 2;
                frames = Arrays.copyOf(frames, m);
                xs = Arrays.copyOf(xs, m);
                ys = Arrays.copyOf(ys, m);
                masses = Arrays.copyOf(masses, m);
            }
            if (size > 0 && frame - lastFrame == 1) {
                sumSquaredSteps += (x - lastX) * (x - lastX) + (y - lastY) * (y - lastY);
                consecutiveSteps++;
            }
            frames[size] = frame;
            xs[size] = (float) x;
            ys[size] = (float) y;
            masses[size] = (float) mass;
            size++;
            if (sat) saturated++;
            if (overlap) overlapping++;
            lastFrame = frame;
            lastX = x;
            lastY = y;
        }

        /** The squared reach from this track's own steps, px² per frame; infinite until it has enough steps. */
        double ownReach2() {
            if (consecutiveSteps < OWN_STEPS) return Double.POSITIVE_INFINITY;
            double meanSquared = sumSquaredSteps / consecutiveSteps;
            double upper = meanSquared * chiSquareUpperFactor(2 * consecutiveSteps);
            return Math.max(MIN_REACH_PX * MIN_REACH_PX, upper * Math.log(1 / LinkSettings.MISS_PROBABILITY));
        }

        LinkedTrack toTrack() {
            return new LinkedTrack(id, Arrays.copyOf(frames, size), Arrays.copyOf(xs, size), Arrays.copyOf(ys, size), Arrays.copyOf(masses, size),
                    saturated, overlapping);
        }
    }
}
