package org.charscope.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at round numbers (1, 2 or 5 times a power of ten), about {@code target} of them. */
final class NiceTicks {

    private NiceTicks() {
    }

    static List<Double> linear(double low, double high, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(high > low) || target < 1) {
            return ticks;
        }
        double step = niceStep((high - low) / target);
        for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** Ticks for a log axis over [low, high] (both > 0): 1, 2 and 5 times powers of ten inside it. */
    static List<Double> logarithmic(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        if (!(high > low) || low <= 0) {
            return ticks;
        }
        for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent++) {
            for (double mantissa : new double[] {1, 2, 5}) {
                double t = mantissa * Math.pow(10, exponent);
                if (t >= low && t <= high) {
                    ticks.add(t);
                }
            }
        }
        if (ticks.size() < 3) { // a narrow range: fall back to linear steps, still round numbers
            return linear(low, high, 5);
        }
        return ticks;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 10_000) {
            return magnitude >= 1_000_000 ? trim(value / 1_000_000) + "M" : trim(value / 1_000) + "k";
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 1) {
            return trim(value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
