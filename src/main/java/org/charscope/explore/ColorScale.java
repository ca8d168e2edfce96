package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.charscope.model.Signal;

/**
 * Maps a value to an sRGB colour, {@code 0xRRGGBB}, for the text heatmap, the neuron grid and the
 * HTML export alike (so no toolkit colour type). Colours run piecewise linearly in sRGB between
 * ColorBrewer stops, which are already spaced evenly to the eye, so plain interpolation between
 * neighbours keeps the steps even.
 * <ul>
 *   <li>Diverging (RdBu): blue at the low end, near-white in the middle, red at the high end, as
 *       in Karpathy's pictures: for signed quantities, where 0 means "says nothing".</li>
 *   <li>Sequential (Blues): white to dark blue, for gates: 0 is shut, 1 open.</li>
 * </ul>
 * Values outside the range take the end colour; NaN is mid grey, so a missing value never passes
 * for a real one.
 */
public final class ColorScale {

    /** What NaN shows as. */
    public static final int MISSING = 0x808080;

    /** ColorBrewer RdBu, 11 classes, from the blue end to the red end. */
    private static final int[] BLUE_WHITE_RED = {
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    };

    /** ColorBrewer Blues, 9 classes, from light to dark. */
    private static final int[] WHITE_TO_BLUE = {
        0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
    };

    private final double low;
    private final double high;
    private final int[] stops; // [stops] 0xRRGGBB, evenly spaced over [low, high]

    private ColorScale(double low, double high, int[] stops) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("a colour scale needs finite low < high, got " + low + " and " + high);
        }
        this.low = low;
        this.high = high;
        this.stops = stops;
    }

    /** Blue at {@code low}, white at the middle, red at {@code high}: give a symmetric range to put white at 0. */
    public static ColorScale diverging(double low, double high) {
        return new ColorScale(low, high, BLUE_WHITE_RED);
    }

    /** White at {@code low} to dark blue at {@code high}. */
    public static ColorScale sequential(double low, double high) {
        return new ColorScale(low, high, WHITE_TO_BLUE);
    }

    /**
     * The scale a quantity is shown with: gates sequential over 0..1; candidate, tanh(cell) and
     * hidden diverging over −1..1; the cell, which has no fixed range, diverging over ±(the
     * largest |value| in the matrix, rounded up to 1, 2 or 5 times a power of ten). The limit is
     * the whole matrix's, not one unit's, so switching neurons keeps the colours comparable.
     */
    public static ColorScale forQuantity(Signal quantity, NeuronMatrix values) {
        if (quantity.isGate()) {
            return sequential(quantity.low(), quantity.high());
        }
        if (quantity.isBounded()) {
            return diverging(quantity.low(), quantity.high());
        }
        double limit = roundUp(values.maxAbs());
        return diverging(-limit, limit);
    }

    /**
     * The scale one unit is shown with: as {@link #forQuantity} for bounded quantities; for the
     * cell, ±(that unit's own largest |value|, rounded up). A cell that counts (brackets, say)
     * can reach hundreds while most stay within ±2; one scale for all would leave every other
     * unit white.
     */
    public static ColorScale forUnit(Signal quantity, NeuronMatrix values, int unit) {
        if (quantity.isBounded()) {
            return forQuantity(quantity, values);
        }
        double max = 0;
        for (float v : values.series(unit)) {
            max = Math.max(max, Math.abs(v));
        }
        double limit = roundUp(max);
        return diverging(-limit, limit);
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    /** The colour of a value as 0xRRGGBB. */
    public int rgb(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double position = Math.max(0, Math.min(1, (value - low) / (high - low))) * (stops.length - 1);
        int below = Math.min((int) position, stops.length - 2);
        double fraction = position - below;
        int from = stops[below];
        int to = stops[below + 1];
        return mix(from >> 16, to >> 16, fraction) << 16 | mix(from >> 8, to >> 8, fraction) << 8 | mix(from, to, fraction);
    }

    /** The colour of a value as {red, green, blue}, each 0..1: [3]. */
    public float[] rgbFloats(double value) {
        int rgb = rgb(value);
        return new float[] {(rgb >> 16 & 0xFF) / 255f, (rgb >> 8 & 0xFF) / 255f, (rgb & 0xFF) / 255f};
    }

    /**
     * Values for the legend's ticks: round numbers (1, 2 or 5 times a power of ten apart), about
     * {@code target} of them, within the range; ±0 is written 0.
     */
    public List<Double> ticks(int target) {
        List<Double> ticks = new ArrayList<>();
        if (target < 1) {
            return ticks;
        }
        double step = nearestRoundStep((high - low) / target);
        // step = mantissa × 10^exponent; a tick is i × mantissa scaled by an exact power of ten,
        // so 3 × 0.1 comes out as 0.3 and not 0.30000000000000004
        int exponent = (int) Math.floor(Math.log10(step) + 1e-9);
        double powerOfTen = Math.pow(10, Math.abs(exponent));
        double mantissa = Math.round(exponent >= 0 ? step / powerOfTen : step * powerOfTen);
        for (long i = (long) Math.ceil(low / step - 1e-9); i * step <= high + step * 1e-9; i++) {
            double tick = exponent >= 0 ? i * mantissa * powerOfTen : i * mantissa / powerOfTen;
            ticks.add(tick == 0 ? 0.0 : tick);
        }
        return ticks;
    }

    /** "#RRGGBB", for HTML and CSS. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /**
     * Black or white, whichever reads better on the background: black when the background's
     * relative luminance (WCAG, from linearised sRGB) is above 0.179, where the two give the
     * same contrast.
     */
    public static int textColorOn(int background) {
        double luminance = 0.2126 * linear(background >> 16 & 0xFF) + 0.7152 * linear(background >> 8 & 0xFF)
                + 0.0722 * linear(background & 0xFF);
        return luminance > 0.179 ? 0x000000 : 0xFFFFFF;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int mix(int from, int to, double fraction) {
        int a = from & 0xFF;
        int b = to & 0xFF;
        return (int) Math.round(a + (b - a) * fraction);
    }

    /**
     * 1, 2 or 5 times a power of ten, whichever is nearest {@code rough} on a log scale (the
     * switch points are √2, √10 and √50), so the legend gets about as many ticks as asked.
     */
    static double nearestRoundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
        return nice * power;
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code value}; 1 for 0 or less. */
    static double roundUp(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        double fraction = value / power;
        double nice = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
        return nice * power;
    }
}
