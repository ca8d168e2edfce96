package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.charscope.model.Signal;

/**
 * Maps a value to an sRGB colour, {@code 0xRRGGBB}, for the text heatmap, the neuron grid and the
 * HTML export alike (so no toolkit colour type), with the colour its character is written in.
 * Colours run piecewise linearly in sRGB between the stops of a {@link Palette}, which are close
 * together and spaced evenly to the eye, so plain interpolation between neighbours keeps the steps
 * even.
 * <ul>
 *   <li>Diverging: one hue at the low end, the quietest tint in the middle, another hue at the
 *       high end: for signed quantities, where 0 means "says nothing".</li>
 *   <li>Sequential: quiet to loud in one hue, for gates: 0 is shut, 1 open.</li>
 * </ul>
 * Values outside the range take the end colour; NaN is mid grey, so a missing value never passes
 * for a real one.
 */
public final class ColorScale {

    /** What NaN shows as. */
    public static final int MISSING = 0x808080;

    private final double low;
    private final double high;
    private final int[] stops; // [stops] 0xRRGGBB, evenly spaced over [low, high]
    private final int text;    // 0xRRGGBB of the characters over every tint, or -1: black or white by the tint
    private final Shade shade;

    private ColorScale(double low, double high, Palette palette, boolean sequential) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("a colour scale needs finite low < high, got " + low + " and " + high);
        }
        this.low = low;
        this.high = high;
        this.stops = palette.stops(sequential);
        this.text = palette.textColor();
        this.shade = palette.shade();
    }

    /** The palette's low hue at {@code low}, its quietest tint at the middle, its high hue at {@code high}. */
    public static ColorScale diverging(double low, double high, Palette palette) {
        return new ColorScale(low, high, palette, false);
    }

    /** The palette's quiet tint at {@code low} to its loud one at {@code high}. */
    public static ColorScale sequential(double low, double high, Palette palette) {
        return new ColorScale(low, high, palette, true);
    }

    /** Classic blue, white, red (ColorBrewer RdBu): give a symmetric range to put white at 0. */
    public static ColorScale diverging(double low, double high) {
        return diverging(low, high, new Palette(ColorScheme.CLASSIC, Shade.LIGHT));
    }

    /** Classic white to dark blue (ColorBrewer Blues). */
    public static ColorScale sequential(double low, double high) {
        return sequential(low, high, new Palette(ColorScheme.CLASSIC, Shade.LIGHT));
    }

    /**
     * The scale a quantity is shown with: gates sequential over 0..1; candidate, tanh(cell) and
     * hidden diverging over −1..1; the cell, which has no fixed range, diverging over ±(the
     * largest |value| in the matrix, rounded up to 1, 2 or 5 times a power of ten). The limit is
     * the whole matrix's, not one unit's, so switching neurons keeps the colours comparable.
     */
    public static ColorScale forQuantity(Signal quantity, NeuronMatrix values, Palette palette) {
        if (quantity.isGate()) {
            return sequential(quantity.low(), quantity.high(), palette);
        }
        if (quantity.isBounded()) {
            return diverging(quantity.low(), quantity.high(), palette);
        }
        double limit = roundUp(values.maxAbs());
        return diverging(-limit, limit, palette);
    }

    /** As {@link #forQuantity(Signal, NeuronMatrix, Palette)} in the default palette. */
    public static ColorScale forQuantity(Signal quantity, NeuronMatrix values) {
        return forQuantity(quantity, values, Palette.DEFAULT);
    }

    /**
     * The scale one unit is shown with: as {@link #forQuantity} for bounded quantities; for the
     * cell, ±(that unit's own largest |value|, rounded up). A cell that counts (brackets, say)
     * can reach hundreds while most stay within ±2; one scale for all would leave every other
     * unit white.
     */
    public static ColorScale forUnit(Signal quantity, NeuronMatrix values, int unit, Palette palette) {
        if (quantity.isBounded()) {
            return forQuantity(quantity, values, palette);
        }
        double max = 0;
        for (float v : values.series(unit)) {
            max = Math.max(max, Math.abs(v));
        }
        double limit = roundUp(max);
        return diverging(-limit, limit, palette);
    }

    /** As {@link #forUnit(Signal, NeuronMatrix, int, Palette)} in the default palette. */
    public static ColorScale forUnit(Signal quantity, NeuronMatrix values, int unit) {
        return forUnit(quantity, values, unit, Palette.DEFAULT);
    }

    /** Whether the scale was drawn for a light or a dark page. */
    public Shade shade() {
        return shade;
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
        return blend(stops[below], stops[below + 1], fraction);
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
     * The colour a character is written in over {@code background}, a colour of this scale: the
     * palette's text colour, or black or white (classic scales, and the grey of a missing value).
     */
    public int textOn(int background) {
        return text < 0 || background == MISSING ? textColorOn(background) : text;
    }

    /** The colours from the low end to the high end, as "#RRGGBB" stops for a CSS gradient. */
    public String cssGradient() {
        StringBuilder css = new StringBuilder("linear-gradient(to right");
        for (int k = 0; k <= 8; k++) {
            css.append(", ").append(hex(rgb(low + (high - low) * k / 8)));
        }
        return css.append(')').toString();
    }

    /**
     * WCAG 2 contrast ratio of two colours 0xRRGGBB: {@code (L_light + 0.05) / (L_dark + 0.05)}
     * with {@code L} the relative luminance; from 1 (same) to 21 (black on white).
     */
    public static double contrast(int first, int second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * Black or white, whichever reads better on the background: black when the background's
     * relative luminance (WCAG, from linearised sRGB) is above 0.179, where the two give the
     * same contrast.
     */
    public static int textColorOn(int background) {
        return luminance(background) > 0.179 ? 0x000000 : 0xFFFFFF;
    }

    /** WCAG relative luminance: {@code 0.2126 R + 0.7152 G + 0.0722 B} of the linearised channels. */
    static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The colour {@code fraction} of the way from {@code from} to {@code to} (0xRRGGBB), channel by channel in sRGB. */
    public static int blend(int from, int to, double fraction) {
        return mix(from >> 16, to >> 16, fraction) << 16 | mix(from >> 8, to >> 8, fraction) << 8 | mix(from, to, fraction);
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
