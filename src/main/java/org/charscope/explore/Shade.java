package org.charscope.explore;

/**
 * Whether colour scales are drawn for a light or a dark theme, with the text colour they are read
 * in (the Primer themes' default foreground) and the Oklab lightness they run over: in the light
 * theme from near white at "nothing" to light tints at the ends, under dark text; in the dark theme
 * from near the page's black to mid tints, under light text.
 */
public enum Shade {
    /** Primer Light: text #24292F. */
    LIGHT(0x24292F, 0.975, 0.72),
    /** Primer Dark: text #C9D1D9. */
    DARK(0xC9D1D9, 0.24, 0.45);

    private final int text;
    private final double quiet;
    private final double loud;

    Shade(int text, double quiet, double loud) {
        this.text = text;
        this.quiet = quiet;
        this.loud = loud;
    }

    /** The text colour read over the tints, 0xRRGGBB. */
    public int text() {
        return text;
    }

    /** Oklab lightness at strength {@code t ∈ [0, 1]}: {@code L(t) = L_quiet + (L_loud − L_quiet) t}. */
    double lightness(double t) {
        return quiet + (loud - quiet) * t;
    }
}
