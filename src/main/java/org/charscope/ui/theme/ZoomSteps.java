package org.charscope.ui.theme;

/**
 * The sizes View ▸ Zoom steps through, in percent of the normal size: fine steps near 100%,
 * where a person adjusts to a screen, coarse ones above, where a projector wants big steps.
 */
public final class ZoomSteps {

    /** 100%: text and canvases at their designed size. */
    public static final int NORMAL = 100;
    private static final int[] PERCENTS = {75, 90, 100, 110, 125, 150, 175, 200, 250};

    private ZoomSteps() {
    }

    /** The smallest and the largest zoom offered. */
    public static int smallest() {
        return PERCENTS[0];
    }

    public static int largest() {
        return PERCENTS[PERCENTS.length - 1];
    }

    /** {@code percent} if it is one of the steps, otherwise 100% (a value from a damaged file). */
    public static int orNormal(int percent) {
        for (int step : PERCENTS) {
            if (step == percent) {
                return percent;
            }
        }
        return NORMAL;
    }

    /** The next step above {@code percent}, or the largest. */
    public static int larger(int percent) {
        for (int step : PERCENTS) {
            if (step > percent) {
                return step;
            }
        }
        return largest();
    }

    /** The next step below {@code percent}, or the smallest. */
    public static int smaller(int percent) {
        for (int k = PERCENTS.length - 1; k >= 0; k--) {
            if (PERCENTS[k] < percent) {
                return PERCENTS[k];
            }
        }
        return smallest();
    }
}
