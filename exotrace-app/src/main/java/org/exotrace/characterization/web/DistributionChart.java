package org.exotrace.characterization.web;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;

/**
 * A size distribution laid out for an inline SVG: the curve of {@link SizeDistribution#curve()} as
 * a line and a filled area in a 640×240 box, with 1-2-5 ticks on the diameter axis and a marker at
 * the mode.
 */
record DistributionChart(String line, String area, List<Tick> ticks, double modeX, String modeLabel) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    record Tick(double x, String label) {}

    static DistributionChart of(List<SizeDistribution.Point> points, String method) {
        List<SizeDistribution.Point> curve = new SizeDistribution(null, method, points, null, null).curve();
        NiceScale.Axis axis = NiceScale.fromZero(curve.get(curve.size() - 1).diameterNm(), 6);
        double xMax = axis.max();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder line = new StringBuilder();
        SizeDistribution.Point mode = curve.get(0);
        for (SizeDistribution.Point p : curve) {
            line.append(line.isEmpty() ? "M" : " L").append(fmt(LEFT + p.diameterNm() / xMax * plotW)).append(',')
                    .append(fmt(TOP + plotH * (1 - p.fraction())));
            if (p.fraction() > mode.fraction()) mode = p;
        }
        String area = line + " L" + fmt(LEFT + curve.get(curve.size() - 1).diameterNm() / xMax * plotW) + "," + fmt(TOP + plotH)
                + " L" + fmt(LEFT + curve.get(0).diameterNm() / xMax * plotW) + "," + fmt(TOP + plotH) + " Z";
        List<Tick> ticks = new ArrayList<>();
        for (double d : axis.ticks()) ticks.add(new Tick(LEFT + d / xMax * plotW, fmt(d)));
        return new DistributionChart(line.toString(), area, ticks, LEFT + mode.diameterNm() / xMax * plotW,
                "mode " + ChartNumbers.fixed(mode.diameterNm(), 0) + " nm");
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    private static String fmt(double v) {
        return ChartNumbers.wholeOrFixed(v, 1);
    }
}
