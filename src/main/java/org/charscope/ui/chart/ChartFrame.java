package org.charscope.ui.chart;

/** Where data lands on a chart's canvas: x range, plotted-y range, and the plot rectangle. */
record ChartFrame(double xLow, double xHigh, double yLow, double yHigh, double left, double top,
                  double width, double height) {

    double px(double x) {
        return left + (x - xLow) / (xHigh - xLow) * width;
    }

    double py(double plotted) {
        return top + height - (plotted - yLow) / (yHigh - yLow) * height;
    }

    double xAt(double px) {
        return xLow + (px - left) / width * (xHigh - xLow);
    }
}
