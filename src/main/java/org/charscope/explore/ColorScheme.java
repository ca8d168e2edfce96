package org.charscope.explore;

import java.util.function.DoubleUnaryOperator;

/**
 * The heatmap's colour schemes (View ▸ Colour scale). Each gives a diverging scale for signed
 * quantities and a sequential one for gates, for a light and for a dark theme ({@link Shade}).
 *
 * <p>The built schemes are straight lines in Oklab ({@link Oklab}), hence perceptually uniform:
 * over {@code t ∈ [−1, 1]} the diverging scale has lightness
 * {@code L(t) = L_mid + (L_end − L_mid)|t|}, chroma {@code C(t) = C_max |t|} and one hue per side;
 * the sequential one over {@code t ∈ [0, 1]} has the same lightness ramp and
 * {@code C(t) = C_max (0.1 + 0.9 t)}. {@code C_max} is the largest chroma that keeps every point
 * displayable. The sides differ in hue along the blue–yellow axis (or purple–green), which
 * red–green colour-blind eyes still tell apart, and equally in lightness, so no side looks
 * louder. The lightness range is the shade's: it keeps the shade's text colour at a WCAG contrast
 * of at least 4.5:1 over every tint (ColorSchemeTest checks 101 values of each).
 *
 * <p>{@link #CLASSIC} is ColorBrewer's RdBu and Blues, as in Karpathy's pictures: saturated, with
 * black or white text, whichever reads better, in either theme.
 */
public enum ColorScheme {
    BLUE_ORANGE("Blue – orange", new Hue("blue", 255), new Hue("orange", 65), new Hue("blue", 245)),
    PURPLE_GREEN("Purple – green", new Hue("purple", 305), new Hue("green", 150), new Hue("green", 160)),
    BLUE_RED("Blue – red", new Hue("blue", 250), new Hue("red", 25), new Hue("purple", 300)),
    /** ColorBrewer's colours as they are: the degrees go unused, the names label the legend. */
    CLASSIC("Classic (saturated)", new Hue("blue", 0), new Hue("red", 0), new Hue("dark blue", 0));

    /** An Oklab hue in degrees, with the colour name a legend gives it. */
    private record Hue(String name, double degrees) {
    }

    /** Samples per side of a built scale; {@link ColorScale} interpolates between them in sRGB. */
    private static final int STEPS = 32;

    /** ColorBrewer RdBu, 11 classes, from the blue end to the red end. */
    private static final int[] CLASSIC_DIVERGING = {
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    };

    /** ColorBrewer Blues, 9 classes, from light to dark. */
    private static final int[] CLASSIC_SEQUENTIAL = {
        0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
    };

    private final String label;
    private final Hue low;    // the diverging scale's low side
    private final Hue high;   // its high side
    private final Hue gate;   // the sequential scale's

    ColorScheme(String label, Hue low, Hue high, Hue gate) {
        this.label = label;
        this.low = low;
        this.high = high;
        this.gate = gate;
    }

    /** The scheme a person picks first: blue to orange, readable for red–green colour blindness. */
    public static ColorScheme standard() {
        return BLUE_ORANGE;
    }

    /** The colour names at the low and the high end, for legends: {low, high}. */
    public String[] endNames(boolean sequential) {
        return sequential ? new String[] {"pale", gate.name()} : new String[] {low.name(), high.name()};
    }

    /** Diverging colours 0xRRGGBB from the low end to the high end, evenly spaced: [stops]. */
    int[] divergingStops(Shade shade) {
        if (this == CLASSIC) {
            return CLASSIC_DIVERGING.clone();
        }
        double chroma = Math.min(largestChroma(shade, low.degrees(), t -> t),
                largestChroma(shade, high.degrees(), t -> t));
        int[] stops = new int[2 * STEPS + 1];
        for (int k = 0; k <= 2 * STEPS; k++) {
            double t = (k - STEPS) / (double) STEPS;
            stops[k] = Oklab.rgb(shade.lightness(Math.abs(t)), chroma * Math.abs(t), (t < 0 ? low : high).degrees());
        }
        return stops;
    }

    /** Sequential colours 0xRRGGBB from 0 to 1, evenly spaced: [stops]. */
    int[] sequentialStops(Shade shade) {
        if (this == CLASSIC) {
            return CLASSIC_SEQUENTIAL.clone();
        }
        DoubleUnaryOperator share = t -> 0.1 + 0.9 * t;
        double chroma = largestChroma(shade, gate.degrees(), share);
        int[] stops = new int[STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
            double t = k / (double) STEPS;
            stops[k] = Oklab.rgb(shade.lightness(t), chroma * share.applyAsDouble(t), gate.degrees());
        }
        return stops;
    }

    /** The text colour over every tint of this scheme: the shade's, or -1 for black or white by the tint. */
    int textColor(Shade shade) {
        return this == CLASSIC ? -1 : shade.text();
    }

    /**
     * The largest {@code C_max} (bisection, to 1e-4) for which {@code C_max · share(t)} at
     * lightness {@code L(t)} is displayable at every sampled {@code t}, capped at 0.16 so that no
     * scheme glares.
     */
    private static double largestChroma(Shade shade, double hue, DoubleUnaryOperator share) {
        double inside = 0;
        double outside = 0.16 + 1e-4;
        while (outside - inside > 1e-4) {
            double middle = (inside + outside) / 2;
            boolean fits = true;
            for (int k = 0; k <= STEPS && fits; k++) {
                double t = k / (double) STEPS;
                fits = Oklab.inGamut(shade.lightness(t), middle * share.applyAsDouble(t), hue);
            }
            if (fits) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        return Math.min(inside, 0.16);
    }

    @Override
    public String toString() {
        return label;
    }
}
