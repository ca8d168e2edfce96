package org.charscope.ui.chart;

import java.util.Arrays;

/**
 * A growing series of points with increasing x, kept whole (every point, however many) in
 * primitive arrays. Used on the FX Application Thread only.
 */
public final class Series {

    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int size;

    /** Appends a point; x must not be less than the last x. */
    public void add(double x, double y) {
        if (size > 0 && x < xs[size - 1]) {
            throw new IllegalArgumentException("x must not decrease: " + x + " after " + xs[size - 1]);
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public double x(int index) {
        return xs[index];
    }

    public double y(int index) {
        return ys[index];
    }

    /** The index of the point whose x is nearest to {@code x}, or -1 when empty. */
    public int nearest(double x) {
        if (size == 0) {
            return -1;
        }
        int found = Arrays.binarySearch(xs, 0, size, x);
        if (found >= 0) {
            return found;
        }
        int after = -found - 1;
        if (after == 0) {
            return 0;
        }
        if (after == size) {
            return size - 1;
        }
        return x - xs[after - 1] <= xs[after] - x ? after - 1 : after;
    }
}
