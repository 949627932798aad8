package org.exotrace.nta.detect;

import org.exotrace.nta.video.Frame;

/**
 * The detector's response to an ideal particle: a circular Gaussian spot of width s (px) and unit
 * integrated intensity, integrated over square pixels, centred on a pixel and free of noise, run
 * through the very band-pass, mask and centroid that {@link Detector} applies to real frames. Used
 * to turn a measured radius of gyration into a spot width and a threshold into a mass limit.
 */
final class SpotModel {

    private SpotModel() {
    }

    /** Band-passed peak, mass and radius of gyration of a unit spot of width s under a given diameter. */
    record Response(double peak, double mass, double radius, double core) {
    }

    static Response respond(double spotSigmaPx, int diameterPx) {
        int half = diameterPx + (int) Math.ceil(5 * spotSigmaPx) + 4;
        int size = 2 * half + 1;
        Frame frame = new Frame(size, size, 16);
        float[] p = frame.pixels();
        double[] profile = new double[size];
        for (int i = 0; i < size; i++) {
            double lo = (i - half - 0.5) / spotSigmaPx;
            double hi = (i - half + 0.5) / spotSigmaPx;
            profile[i] = 0.5 * (erf(hi / Math.sqrt(2)) - erf(lo / Math.sqrt(2)));
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) p[y * size + x] = (float) (profile[x] * profile[y]);
        }
        float[] bp = new BandPass(size, size, diameterPx).apply(p).clone();
        double peak = bp[half * size + half];
        Detector d = Detector.uncalibrated(new DetectionSettings(diameterPx, 1, 0), peak * 1e-3);
        Features f = new Features();
        d.detect(frame, f);
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.count(); i++) {
            double dist = Math.hypot(f.x(i) - half, f.y(i) - half);
            if (dist < bestDist) {
                bestDist = dist;
                best = i;
            }
        }
        if (best < 0) throw new IllegalStateException("the model spot of width " + spotSigmaPx + " px was not detected with diameter " + diameterPx);
        return new Response(peak, f.mass(best), f.radiusPx(best), Detector.coreWidth(bp, size, size, f.x(best), f.y(best)));
    }

    /** The mass of a spot of width s per unit of its band-passed peak, M₁ / P₁. */
    static double massPerPeak(double spotSigmaPx, int diameterPx) {
        Response r = respond(spotSigmaPx, diameterPx);
        return r.mass() / r.peak();
    }

    /**
     * The spot width s whose measured core width ({@link Detector#coreWidth}) under this diameter is
     * {@code corePx}: bisection over 0.2..6 px (a wider spot gets the largest diameter, 31 px, anyway).
     */
    static double widthForCore(double corePx, int diameterPx) {
        double lo = 0.2;
        double hi = 6;
        if (respond(lo, diameterPx).core() >= corePx) return lo;
        if (respond(hi, diameterPx).core() <= corePx) return hi;
        for (int i = 0; i < 20; i++) {
            double mid = 0.5 * (lo + hi);
            if (respond(mid, diameterPx).core() < corePx) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** The error function, Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
    static double erf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413780 + t * (-1.453152027 + t * 1.061405429))));
        double e = 1 - poly * Math.exp(-z * z);
        return z >= 0 ? e : -e;
    }
}
