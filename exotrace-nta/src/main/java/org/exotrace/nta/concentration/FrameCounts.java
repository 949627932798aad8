package org.exotrace.nta.concentration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.exotrace.nta.io.PositionSink;

/**
 * Counts the positions of a trajectory file per frame, as it streams past, so that the mean
 * particles per frame of a video can be split into blocks of consecutive frames. Frames are counted
 * from the first to the last frame seen, as the analysis does ({@code Tracks#particlesPerFrame}), so a
 * frame with no particle counts as zero. Memory: one counter per frame.
 */
public final class FrameCounts implements PositionSink {

    private int[] counts = new int[1024];
    private int minFrame = Integer.MAX_VALUE;
    private int maxFrame = -1;
    private long positions;

    @Override
    public void position(int frame, long particle, double xUm, double yUm) {
        if (frame >= counts.length) counts = Arrays.copyOf(counts, Math.max(frame + 1, counts.length * 2));
        counts[frame]++;
        minFrame = Math.min(minFrame, frame);
        maxFrame = Math.max(maxFrame, frame);
        positions++;
    }

    /** Frames from the first to the last seen; 0 when nothing was counted. */
    public int frames() {
        return maxFrame < 0 ? 0 : maxFrame - minFrame + 1;
    }

    public long positions() {
        return positions;
    }

    /** Mean positions per frame over the frames spanned. */
    public double particlesPerFrame() {
        return frames() == 0 ? 0 : (double) positions / frames();
    }

    /**
     * The frames split into {@code blocks} runs of equal length (the last few frames that do not fill
     * a block are left out), each one replicate: batch means, so that the spread of the blocks
     * estimates the repeatability of the count within the video. Consecutive frames are correlated
     * (a particle stays in view for many frames), so blocks should be much longer than a particle's
     * stay: with fewer than 50 frames per block the call is refused.
     *
     * @throws IllegalArgumentException when there are too few frames for that many blocks
     */
    public List<DetectionVolumeCalibration.Replicate> blocks(int blocks) {
        if (blocks < 1) throw new IllegalArgumentException("at least one block");
        int length = frames() / blocks;
        if (length < 50) {
            throw new IllegalArgumentException("the file spans " + frames() + " frames: too few for " + blocks
                    + " blocks of at least 50 frames");
        }
        List<DetectionVolumeCalibration.Replicate> out = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = minFrame + b * length;
            long sum = 0;
            for (int f = from; f < from + length; f++) sum += counts[f];
            out.add(new DetectionVolumeCalibration.Replicate(String.format(Locale.ROOT, "frames %d-%d", from, from + length - 1),
                    (double) sum / length));
        }
        return out;
    }
}
