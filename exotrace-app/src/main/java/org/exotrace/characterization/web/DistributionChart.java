package org.exotrace.characterization.web;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;
import org.exotrace.shared.chart.SvgPlot;

/**
 * A size distribution laid out for an inline SVG: the curve of {@link SizeDistribution#curve()} as
 * a line and a filled area in a 640×240 box, with 1-2-5 ticks on the diameter axis and a marker at
 * the mode.
 */
record DistributionChart(String line, String area, List<Tick> ticks, double modeX, String modeLabel) implements SvgPlot {

    static final SvgPlot.Frame FRAME = new SvgPlot.Frame(640, 240, 40, 12, 12, 36);
    private static final int LEFT = FRAME.left();
    private static final int TOP = FRAME.top();

    record Tick(double x, String label) {}

    static DistributionChart of(List<SizeDistribution.Point> points, String method) {
        List<SizeDistribution.Point> curve = new SizeDistribution(null, method, points, null, null).curve();
        NiceScale.Axis axis = NiceScale.fromZero(curve.get(curve.size() - 1).diameterNm(), 6);
        double xMax = axis.max();
        double plotW = FRAME.plotWidth();
        double plotH = FRAME.plotHeight();
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

    @Override
    public SvgPlot.Frame frame() {
        return FRAME;
    }

    private static String fmt(double v) {
        return ChartNumbers.wholeOrFixed(v, 1);
    }
}
