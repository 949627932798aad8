package org.exotrace.shared.chart;

/**
 * A chart laid out for an inline SVG: a view box of fixed size with margins around the plot area
 * for ticks and labels. Templates read the box through the default methods ({@code viewBox="0 0
 * ${chart.width()} ${chart.height()}"}, axes from {@code plotLeft()} to {@code plotRight()}); a
 * chart only names its {@link Frame}.
 */
public interface SvgPlot {

    /** The view box and its margins, in SVG user units. */
    record Frame(int width, int height, int left, int right, int top, int bottom) {

        /** The width of the plot area. */
        public double plotWidth() {
            return width - left - right;
        }

        /** The height of the plot area. */
        public double plotHeight() {
            return height - top - bottom;
        }
    }

    Frame frame();

    default int width() {
        return frame().width();
    }

    default int height() {
        return frame().height();
    }

    default int plotLeft() {
        return frame().left();
    }

    default int plotRight() {
        return frame().width() - frame().right();
    }

    default int plotTop() {
        return frame().top();
    }

    default int plotBottom() {
        return frame().height() - frame().bottom();
    }
}
