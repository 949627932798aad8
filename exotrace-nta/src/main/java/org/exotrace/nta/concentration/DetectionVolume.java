package org.exotrace.nta.concentration;

/**
 * The volume of sample in which particles are detected and counted: the analysed field of view
 * times the detection depth. The depth is instrument-specific and must be calibrated.
 *
 * @param picolitres volume in pL (1 pL = 1000 µm³ = 1e-9 mL), finite and &gt; 0
 */
public record DetectionVolume(double picolitres) {

    public DetectionVolume {
        if (!Double.isFinite(picolitres) || !(picolitres > 0)) {
            throw new IllegalArgumentException("detection volume must be finite and positive, got " + picolitres
                    + " pL: a zero or negative volume makes the concentration meaningless");
        }
    }

    public static DetectionVolume ofPicolitres(double picolitres) {
        return new DetectionVolume(picolitres);
    }

    public static DetectionVolume ofCubicMicrometres(double cubicMicrometres) {
        return new DetectionVolume(cubicMicrometres * 1e-3);
    }

    /** Field of view width × height times detection depth, all in µm. */
    public static DetectionVolume ofFieldAndDepth(double widthUm, double heightUm, double depthUm) {
        if (!(widthUm > 0) || !(heightUm > 0) || !(depthUm > 0)) {
            throw new IllegalArgumentException("field width, height and depth must be positive, got "
                    + widthUm + " x " + heightUm + " x " + depthUm + " µm");
        }
        return ofCubicMicrometres(widthUm * heightUm * depthUm);
    }

    public double millilitres() {
        return picolitres * 1e-9;
    }
}
