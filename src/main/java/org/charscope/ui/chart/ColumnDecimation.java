package org.charscope.ui.chart;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Reduces a series to at most two points per pixel column, the lowest and the highest y that
 * fall in it, so a line of 100,000 points draws as fast as one of 1,000 and still shows every
 * spike. (The data is never thinned: only what is drawn.)
 */
final class ColumnDecimation {

    private ColumnDecimation() {
    }

    /** What to draw: for column c, min[c]..max[c], or NaN where no point falls in column c. */
    record Columns(double[] min, double[] max) {
    }

    /**
     * @param toColumn maps an x value to its pixel column (may fall outside [0, columns))
     * @param toValue  maps a y to what is plotted (e.g. log, or nats to bits); NaN is skipped
     */
    static Columns of(Series series, int columns, DoubleUnaryOperator toColumn,
                      DoubleUnaryOperator toValue) {
        double[] min = new double[columns];
        double[] max = new double[columns];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        for (int i = 0; i < series.size(); i++) {
            int column = (int) Math.floor(toColumn.applyAsDouble(series.x(i)));
            double value = toValue.applyAsDouble(series.y(i));
            if (column < 0 || column >= columns || !Double.isFinite(value)) {
                continue;
            }
            if (Double.isNaN(min[column]) || value < min[column]) {
                min[column] = value;
            }
            if (Double.isNaN(max[column]) || value > max[column]) {
                max[column] = value;
            }
        }
        return new Columns(min, max);
    }
}
