package org.exotrace.nta.video;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.exotrace.nta.detect.Detector;
import org.exotrace.nta.detect.Features;
import org.exotrace.nta.link.LinkedTrack;
import org.exotrace.nta.link.Linker;

/**
 * One frame of a video with what tracking saw drawn on it: each detection circled (amber when a
 * pixel was saturated) and each track's path over the frames around it, so a person can judge the
 * detection threshold and the linking at a glance. The frame is shown in grey, stretched between
 * its 1st and 99.9th percentile so dim particles stay visible.
 */
public final class TrackOverlay {

    /** Tracks are drawn over this many frames before and after the shown one. */
    public static final int HALF_WINDOW = 15;

    private static final Color DETECTION = new Color(0x00, 0xc8, 0xff);
    private static final Color SATURATED = new Color(0xff, 0xb0, 0x00);
    private static final Color TRACK = new Color(0x4c, 0xff, 0x7a, 200);

    private TrackOverlay() {
    }

    /** The frame {@code frameIndex} (or the last, if the video is shorter) with detections and tracks. */
    public static BufferedImage render(Path video, VideoSettings settings, int frameIndex) throws IOException, VideoFormatException {
        try (FrameSource source = FrameSources.open(video)) {
            return render(source, settings, frameIndex);
        }
    }

    /** As {@link #render(Path, VideoSettings, int)}, from frames already opened. */
    public static BufferedImage render(FrameSource source, VideoSettings settings, int frameIndex) throws IOException, VideoFormatException {
        if (frameIndex < 0) throw new IllegalArgumentException("frame numbers start at 0, not " + frameIndex);
        Polarity polarity = settings.polarity();
        List<Frame> first = VideoTracking.calibrationFrames(source, polarity, "draw");
        Detector detector = Detector.calibrate(settings.detection(), first);
        List<LinkedTrack> tracks = new ArrayList<>();
        Linker linker = new Linker(settings.linking(), t -> {
                    if (t.lastFrame() >= frameIndex - HALF_WINDOW && t.firstFrame() <= frameIndex + HALF_WINDOW) tracks.add(t);
                });
        Features features = new Features();
        Frame shown = null;
        Features shownFeatures = new Features();
        int i = 0;
        while (true) {
            Frame f = i < first.size() ? first.get(i) : source.next();
            if (f == null || f.index() > frameIndex + HALF_WINDOW) break;
            if (i >= first.size()) polarity.apply(f);
            detector.detect(f, features);
            linker.frame(f.index(), features);
            if (f.index() <= frameIndex) {
                shown = f.copy();
                copy(features, shownFeatures);
            }
            i++;
        }
        linker.finish();
        if (shown == null) throw new VideoFormatException(source.description() + " has no frame " + frameIndex);
        polarity.apply(shown); // back to the camera's grey levels: inverting twice is the identity
        return draw(shown, shownFeatures, tracks, detector.chosen().featureDiameterPx() / 2.0 + 2, frameIndex);
    }

    /** The same drawing as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void copy(Features from, Features to) {
        to.clear();
        for (int j = 0; j < from.count(); j++) {
            int k = to.add(from.x(j), from.y(j), from.mass(j), from.peak(j), from.radiusPx(j), from.saturated(j));
            if (from.overlapping(j)) to.markOverlapping(k);
        }
    }

    private static BufferedImage draw(Frame frame, Features features, List<LinkedTrack> tracks, double circleRadius, int around) {
        int w = frame.width();
        int h = frame.height();
        float[] px = frame.pixels();
        float[] sorted = px.clone();
        java.util.Arrays.sort(sorted);
        double lo = sorted[(int) (0.01 * (sorted.length - 1))];
        double hi = sorted[(int) (0.999 * (sorted.length - 1))];
        double scale = hi > lo ? 255 / (hi - lo) : 1;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[w * h];
        for (int p = 0; p < rgb.length; p++) {
            int g = (int) Math.max(0, Math.min(255, (px[p] - lo) * scale));
            rgb[p] = g << 16 | g << 8 | g;
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(1.2f));
            g.setColor(TRACK);
            for (LinkedTrack t : tracks) {
                Path2D.Double path = new Path2D.Double();
                boolean started = false;
                for (int k = 0; k < t.length(); k++) {
                    if (Math.abs(t.frames()[k] - around) > HALF_WINDOW) continue;
                    // +0.5: pixel centres are at integer coordinates, Java2D's at half-integers.
                    if (started) path.lineTo(t.xPx()[k] + 0.5, t.yPx()[k] + 0.5);
                    else path.moveTo(t.xPx()[k] + 0.5, t.yPx()[k] + 0.5);
                    started = true;
                }
                g.draw(path);
            }
            for (int j = 0; j < features.count(); j++) {
                g.setColor(features.saturated(j) ? SATURATED : DETECTION);
                g.draw(new Ellipse2D.Double(features.x(j) + 0.5 - circleRadius, features.y(j) + 0.5 - circleRadius, 2 * circleRadius, 2 * circleRadius));
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
