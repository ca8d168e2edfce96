package org.charscope.ui.explorer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.charscope.explore.ColorScale;
import org.charscope.explore.ShownSymbol;
import org.charscope.explore.StepPrediction;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;

/**
 * The model's guesses for the next character, drawn under a character of the heatmap. Compact
 * (the default, readable on a laptop or a projector): one row, the likeliest guess on a tint as
 * strong as its probability; the five show on hover and at the cursor. Or Karpathy's five rows,
 * likeliest first, each shaded by its probability. The true next character is outlined.
 *
 * <p>A guess's tint runs from the page's colour (probability 0) to 85% of the way to the text
 * colour (probability 1), and its letter is black or white, whichever reads better on it
 * ({@link ColorScale#textColorOn}), so every guess keeps a contrast of at least 4.5:1.
 */
final class GuessRows {

    static final double FIVE_ROW_HEIGHT = 12;
    static final double COMPACT_HEIGHT = 15;
    private static final Font FIVE_FONT = Font.font("Monospaced", 9.5);
    private static final Font COMPACT_FONT = Font.font("Monospaced", 12);

    private GuessRows() {
    }

    /** The height the guesses take under a character. */
    static double height(boolean five) {
        return five ? 5 * FIVE_ROW_HEIGHT : COMPACT_HEIGHT;
    }

    static Font font(boolean five) {
        return five ? FIVE_FONT : COMPACT_FONT;
    }

    /**
     * Draws the guesses of one character into the cell {@code width} wide whose top-left corner
     * is (left, top); the caller has set the font ({@link #font}) and centred the text.
     *
     * @param vocabulary [vocabulary] code point of each id
     */
    static void draw(GraphicsContext g, StepPrediction guess, int[] vocabulary, double left, double top, double width,
                     boolean five, ThemeColors colors) {
        int[] ids = guess.topIds();
        float[] ps = guess.topProbabilities();
        int rows = five ? ids.length : Math.min(1, ids.length);
        double rowHeight = five ? FIVE_ROW_HEIGHT : COMPACT_HEIGHT;
        for (int k = 0; k < rows; k++) {
            double y = top + k * rowHeight;
            Color tint = colors.get(Role.PAGE).interpolate(colors.get(Role.TEXT), Math.min(1, ps[k]) * 0.85);
            g.setFill(tint);
            g.fillRect(left, y, width, rowHeight);
            int rgb = (int) Math.round(tint.getRed() * 255) << 16 | (int) Math.round(tint.getGreen() * 255) << 8
                    | (int) Math.round(tint.getBlue() * 255);
            g.setFill(ColorScale.textColorOn(rgb) == 0 ? Color.BLACK : Color.WHITE);
            g.fillText(ShownSymbol.of(vocabulary[ids[k]]), left + width / 2, y + rowHeight / 2);
            if (guess.hasTrueNext() && ids[k] == guess.trueNextId()) {
                g.setStroke(colors.get(Role.SUCCESS));
                g.setLineWidth(1.5);
                g.strokeRect(left + 0.75, y + 0.75, width - 1.5, rowHeight - 1.5);
            }
        }
    }
}
