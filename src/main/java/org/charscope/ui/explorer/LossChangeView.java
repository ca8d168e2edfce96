package org.charscope.ui.explorer;

import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.charscope.explore.ColorScale;
import org.charscope.explore.ColorScheme;
import org.charscope.explore.Palette;
import org.charscope.explore.ShownSymbol;
import org.charscope.explore.StepPrediction;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;
import org.charscope.ui.theme.WindowZoom;

/**
 * The passage read with units held: each character on the colour of its change in loss (held −
 * free surprisal of the next character, a diverging scale symmetric about 0: red where holding
 * hurt, blue where it helped), and under it two columns of top-5 guesses, free on the left and
 * held on the right, the true next character outlined in green. Scroll with the bar or the wheel.
 */
final class LossChangeView extends Region {

    /** A character spans two guess columns: free, then held. */
    static final double COLUMN = 11;
    static final double TEXT_HEIGHT = 19;
    static final double GUESS_HEIGHT = 12;
    private static final double LINE_HEIGHT = TEXT_HEIGHT + 5 * GUESS_HEIGHT + 6;
    private static final double MARGIN = 8;
    /** The scale reaches at least this far (bits), so that tiny changes stay pale. */
    private static final double LEAST_RANGE_BITS = 0.5;
    private static final Font TEXT_FONT = Font.font("Monospaced", FontWeight.BOLD, 13);

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final ThemeColors colors = new ThemeColors();
    private HeldReading reading;
    private float[] change = new float[0];   // [steps] bits
    private ColorScale scale = ColorScale.diverging(-LEAST_RANGE_BITS, LEAST_RANGE_BITS, Palette.DEFAULT);
    private TextLayout layout;

    LossChangeView() {
        setId("loss-change");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        scroll.setUnitIncrement(1);
        getChildren().addAll(canvas, scroll, colors);
        colors.backgroundProperty().addListener(o -> draw());
        scroll.valueProperty().addListener(o -> draw());
        setOnScroll(e -> scroll.setValue(Math.max(0, Math.min(scroll.getMax(), scroll.getValue() + (e.getDeltaY() < 0 ? 1 : -1)))));
        WindowZoom.redrawOnChange(this, () -> {
            layout = null;   // fewer, larger characters to a line
            draw();
        });
    }

    /** Shows a reading (null: nothing). */
    void show(HeldReading shown) {
        reading = shown;
        change = shown == null ? new float[0] : shown.lossChangeBits();
        double range = LEAST_RANGE_BITS;
        for (float bits : change) {
            range = Math.max(range, Math.abs(bits));
        }
        scale = ColorScale.diverging(-range, range, new Palette(ColorScheme.standard(), colors.shade()));
        layout = null;
        scroll.setValue(0);
        requestLayout();
        draw();
    }

    /** The colour scale's reach, bits either side of 0. */
    double rangeBits() {
        return scale.high();
    }

    @Override
    protected void layoutChildren() {
        double bar = scroll.prefWidth(-1);
        scroll.resizeRelocate(getWidth() - bar, 0, bar, getHeight());
        fitCanvas(Math.max(0, getWidth() - bar), getHeight());
        draw();
    }

    /** The canvas takes what the bar leaves; a new width lays the lines out again. */
    private void fitCanvas(double width, double height) {
        if (canvas.getWidth() == width && canvas.getHeight() == height) {
            return;
        }
        canvas.setWidth(width);
        canvas.setHeight(height);
        layout = null;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 2 * LINE_HEIGHT * WindowZoom.factor(this);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);   // lines laid out in units of 1/zoom pixel
        double width = canvas.getWidth() / zoom;
        double height = canvas.getHeight() / zoom;
        g.setFill(colors.get(Role.PAGE));
        g.fillRect(0, 0, width, height);
        if (reading == null) {
            return;
        }
        if (layout == null) {
            layout = TextLayout.of(reading.codePoints(), (int) ((width - 2 * MARGIN) / (2 * COLUMN)));
            scroll.setMax(Math.max(0, layout.lineCount() - 1));
        }
        int visible = Math.max(1, (int) (height / LINE_HEIGHT));
        scroll.setVisibleAmount(visible);
        int first = (int) Math.round(scroll.getValue());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (int line = first; line < Math.min(layout.lineCount(), first + visible + 1); line++) {
            double top = MARGIN + (line - first) * LINE_HEIGHT;
            TextLayout.Line l = layout.lines().get(line);
            for (int step = l.from(); step < l.to(); step++) {
                double left = MARGIN + (step - l.from()) * 2 * COLUMN;
                drawCharacter(g, step, left, top);
                drawGuessColumn(g, reading.free().step(step), left, top + TEXT_HEIGHT);
                drawGuessColumn(g, reading.heldGuesses().step(step), left + COLUMN, top + TEXT_HEIGHT);
            }
        }
    }

    private void drawCharacter(GraphicsContext g, int step, double left, double top) {
        int rgb = scale.rgb(change[step]);
        g.setFill(rgbColor(rgb));
        g.fillRect(left, top, 2 * COLUMN, TEXT_HEIGHT);
        int codePoint = reading.codePoints()[step];
        if (codePoint != ' ') {
            g.setFont(TEXT_FONT);
            g.setFill(rgbColor(scale.textOn(rgb)));
            g.fillText(ShownSymbol.of(codePoint), left + COLUMN, top + TEXT_HEIGHT / 2);
        }
    }

    /** Five guesses down one column, each shaded by its probability. */
    private void drawGuessColumn(GraphicsContext g, StepPrediction guess, double left, double top) {
        g.setFont(GuessRows.font(true));
        GuessRows.draw(g, guess, reading.vocabularyCodePoints(), left, top, COLUMN, true, colors);
    }

    private static Color rgbColor(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
