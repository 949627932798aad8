package org.exotrace.video;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * A small NTA video with a known answer, as a ZIP of 8-bit PNG frames: particles of one diameter
 * diffusing freely (Stokes-Einstein in water, steps Gaussian with variance 2DΔt per axis, reflected
 * at a margin so none leaves the field), each drawn as a Gaussian spot on a flat background with
 * Gaussian camera noise. Positions are instantaneous (no motion blur), seeded, so the same video
 * comes out every time.
 */
public final class SyntheticVideo {

    /** Boltzmann constant, J/K. */
    private static final double KB = 1.380649e-23;

    public static final double PIXEL_NM = 166;
    /** The spots' Gaussian standard deviation, px. */
    static final double PSF_SIGMA_PX = 1.5;
    /** Particles stay this far from the frame's edge, px. */
    static final double MARGIN_PX = 10;
    public static final double FPS = 25;
    public static final double TEMPERATURE_C = 22;
    /** Water at 22 °C, Pa·s (Vogel), as the analysis computes it. */
    public static final double VISCOSITY_PAS = 0.9544e-3;

    private SyntheticVideo() {}

    /**
     * @param diameterNm each particle's diameter
     * @param particles  particles in view, all the time
     * @param frames     frames of {@code size} × {@code size} pixels
     */
    public static byte[] zipOfFrames(double diameterNm, int particles, int frames, int size, long seed) throws IOException {
        return zipOfFrames(diameterNm, particles, frames, size, seed, PSF_SIGMA_PX, MARGIN_PX);
    }

    /** As {@link #zipOfFrames(double, int, int, int, long)}, as a bright-field camera sees it: dark spots on a bright background (each pixel 255 − v). */
    public static byte[] zipOfDarkFrames(double diameterNm, int particles, int frames, int size, long seed) throws IOException {
        return zipOfFrames(diameterNm, particles, frames, size, seed, PSF_SIGMA_PX, MARGIN_PX, true);
    }

    static byte[] zipOfFrames(double diameterNm, int particles, int frames, int size, long seed, double sigmaPsf, double margin) throws IOException {
        return zipOfFrames(diameterNm, particles, frames, size, seed, sigmaPsf, margin, false);
    }

    private static byte[] zipOfFrames(double diameterNm, int particles, int frames, int size, long seed, double sigmaPsf, double margin, boolean dark)
            throws IOException {
        Random random = new Random(seed);
        double dUm2PerS = KB * (TEMPERATURE_C + 273.15) / (3 * Math.PI * VISCOSITY_PAS * diameterNm * 1e-9) * 1e12;
        double stepPx = Math.sqrt(2 * dUm2PerS / FPS) / (PIXEL_NM / 1000);
        double[] x = new double[particles];
        double[] y = new double[particles];
        for (int i = 0; i < particles; i++) {
            x[i] = margin + random.nextDouble() * (size - 2 * margin);
            y[i] = margin + random.nextDouble() * (size - 2 * margin);
        }
        double background = 20;
        double peak = 140;
        double noise = 3;
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            double[] image = new double[size * size];
            for (int f = 0; f < frames; f++) {
                java.util.Arrays.fill(image, background);
                for (int i = 0; i < particles; i++) {
                    int x0 = (int) Math.max(0, Math.floor(x[i] - 5));
                    int x1 = (int) Math.min(size - 1, Math.ceil(x[i] + 5));
                    int y0 = (int) Math.max(0, Math.floor(y[i] - 5));
                    int y1 = (int) Math.min(size - 1, Math.ceil(y[i] + 5));
                    for (int py = y0; py <= y1; py++) {
                        for (int px = x0; px <= x1; px++) {
                            double r2 = (px - x[i]) * (px - x[i]) + (py - y[i]) * (py - y[i]);
                            image[py * size + px] += peak * Math.exp(-r2 / (2 * sigmaPsf * sigmaPsf));
                        }
                    }
                }
                BufferedImage frame = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
                WritableRaster raster = frame.getRaster();
                for (int p = 0; p < image.length; p++) {
                    int v = (int) Math.max(0, Math.min(255, Math.round(image[p] + noise * random.nextGaussian())));
                    raster.setSample(p % size, p / size, 0, dark ? 255 - v : v);
                }
                out.putNextEntry(new ZipEntry(String.format("frame_%04d.png", f)));
                ImageIO.write(frame, "png", out);
                out.closeEntry();
                for (int i = 0; i < particles; i++) {
                    x[i] = reflect(x[i] + stepPx * random.nextGaussian(), margin, size - 1 - margin);
                    y[i] = reflect(y[i] + stepPx * random.nextGaussian(), margin, size - 1 - margin);
                }
            }
        }
        return zip.toByteArray();
    }

    /** A valid ZIP archive with no entries. */
    public static byte[] emptyZip() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new ZipOutputStream(zip).close();
        return zip.toByteArray();
    }

    private static double reflect(double v, double lo, double hi) {
        if (v < lo) return 2 * lo - v;
        if (v > hi) return 2 * hi - v;
        return v;
    }
}
