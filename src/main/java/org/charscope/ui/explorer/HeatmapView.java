package org.charscope.ui.explorer;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.charscope.explore.ColorScale;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.ShownSymbol;
import org.charscope.explore.StepPrediction;
import org.charscope.ui.chart.SceneTimer;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;
import org.charscope.ui.theme.WindowZoom;

/**
 * The passage with each character's background coloured by the selected neuron (Karpathy's
 * pictures), and under each character the model's guesses for the next one ({@link GuessRows}:
 * one compact row or Karpathy's five, as {@link HeatmapLook} says), the true next one outlined. Scroll with the bar, the wheel or the arrow keys;
 * drag over characters to select a span; hover a character for its value and guesses. Drawn
 * from the precomputed reading only, at most once a frame.
 *
 * <p>Two canvases, one over the other: the guesses (which depend only on the reading and the
 * scroll position) below, the characters coloured by the neuron above. Switching neurons, which a
 * person scrubbing through the units may do every frame, redraws only the upper one: a sixth of
 * the shapes and text of a full redraw.
 *
 * <p>At View ▸ Zoom z both canvases draw through a z× transform ({@link WindowZoom}): the
 * geometry below is in units of 1/z pixel, so a line holds fewer, larger characters.
 */
final class HeatmapView extends Region {

    static final double CELL_WIDTH = 11;
    static final double TEXT_HEIGHT = 19;
    private static final Font TEXT_FONT = Font.font("Monospaced", FontWeight.BOLD, 13);
    private static final double LINE_GAP = 4;   // between a line's guesses and the next line: 8 lines fit a laptop's Neurons tab

    private final ExplorerModel model;
    private final Canvas canvas = new Canvas(); // characters coloured by the neuron; transparent elsewhere
    private final Canvas guessCanvas = new Canvas(); // the page and the guesses, under it
    private final ThemeColors colors = new ThemeColors();
    private final ScrollBar scroll = new ScrollBar();
    private boolean dirty = true;
    private boolean guessesDirty = true;
    private boolean showGuesses = true;
    private boolean showSurprisal;
    private TextLayout layout;
    private int layoutColumns = -1;
    private Probed layoutFor;
    private int hoverStep = -1;
    private int spanAnchor = -1;
    private int spanFrom = -1;
    private int spanTo = -1;
    private String hoverText = "";

    HeatmapView(ExplorerModel model) {
        this.model = model;
        setId("heatmap");
        getStyleClass().add("heatmap");
        setFocusTraversable(true);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setId("heatmap-scroll");
        getChildren().addAll(guessCanvas, canvas, scroll, colors);
        for (Observable look : List.of(colors.backgroundProperty(), model.look().paletteProperty(),
                model.look().fiveGuessRowsProperty())) {
            look.addListener(o -> relayOut());
        }
        scroll.valueProperty().addListener(o -> markAllDirty());
        setOnScroll(e -> scrollLines(e.getDeltaY() < 0 ? 3 : -3));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                scrollLines(1);
            } else if (e.getCode() == KeyCode.UP) {
                scrollLines(-1);
            } else if (e.getCode() == KeyCode.PAGE_DOWN) {
                scrollLines(visibleLines());
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                scrollLines(-visibleLines());
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                model.cursor().move(e.getCode() == KeyCode.LEFT ? -1 : 1);
            } else {
                return;
            }
            e.consume();
        });
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hoverStep = -1;
            hoverText = "";
            model.cursor().hover(-1);
            markDirty();
        });
        canvas.setOnMousePressed(e -> {
            requestFocus();
            spanAnchor = stepAt(e.getX(), e.getY());
            model.cursor().pin(spanAnchor);
            spanFrom = spanAnchor;
            spanTo = spanAnchor < 0 ? -1 : spanAnchor + 1;
            markDirty();
        });
        canvas.setOnMouseDragged(e -> {
            int step = stepAt(e.getX(), e.getY());
            if (spanAnchor >= 0 && step >= 0) {
                spanFrom = Math.min(spanAnchor, step);
                spanTo = Math.max(spanAnchor, step) + 1;
                markDirty();
            }
        });
        model.probedProperty().addListener((obs, old, now) -> {
            spanFrom = spanTo = -1;
            markAllDirty();
        });
        for (Observable shown : List.of(model.statusProperty(), model.layerProperty(), model.quantityProperty(),
                model.unitProperty(), model.cursor().stepProperty(), model.cursor().attributionProperty())) {
            shown.addListener(o -> markDirty());
        }
        SceneTimer.runWhileInScene(this, new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (guessesDirty) {
                    guessesDirty = false;
                    drawGuessRows();
                }
                if (dirty) {
                    dirty = false;
                    draw();
                }
            }
        });
        WindowZoom.redrawOnChange(this, () -> {
            relayOut();
            dirty = guessesDirty = false;
            drawGuessRows();
            draw();
        });
    }

    /** The characters' colours or marks changed: redraw the upper canvas. */
    void markDirty() {
        dirty = true;
    }

    /** What is shown moved or changed: redraw both canvases. */
    private void markAllDirty() {
        dirty = guessesDirty = true;
    }

    void setShowGuesses(boolean show) {
        showGuesses = show;
        relayOut();
    }

    /** The lines' height or the colours changed: lay out and draw everything again. */
    private void relayOut() {
        layoutColumns = -1;
        markAllDirty();
    }

    void setShowSurprisal(boolean show) {
        showSurprisal = show;
        markDirty();
    }

    /** The selected span [from, to), or null. */
    int[] span() {
        return spanFrom < 0 ? null : new int[] {spanFrom, spanTo};
    }

    void selectSpan(int from, int to) {
        spanFrom = from;
        spanTo = to;
        markDirty();
    }

    /** What hovering the character under the mouse shows, or empty. */
    String hoverText() {
        return hoverText;
    }

    /** The steps the view shows now: [first, last) (the neuron grid shows the same window). */
    int[] visibleSteps() {
        ensureLayout();
        if (layout == null || layout.lineCount() == 0) {
            return new int[] {0, 0};
        }
        int first = firstLine();
        int last = Math.min(layout.lineCount(), first + visibleLines()) - 1;
        return new int[] {layout.lines().get(first).from(), layout.lines().get(Math.max(first, last)).to()};
    }

    /** Scrolls so that {@code step} is on the first visible line. */
    void scrollTo(int step) {
        ensureLayout();
        if (layout != null && step >= 0 && step < model.probedProperty().get().steps()) {
            scroll.setValue(layout.lineOf(step));
        }
    }

    private void scrollLines(int lines) {
        scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(), scroll.getValue() + lines)));
    }

    private double lineHeight() {
        return TEXT_HEIGHT + guessHeight() + LINE_GAP;
    }

    private double guessHeight() {
        return showGuesses ? GuessRows.height(model.look().fiveGuessRowsProperty().get()) : 0;
    }

    private int visibleLines() {
        return Math.max(1, (int) (canvas.getHeight() / WindowZoom.factor(this) / lineHeight()));
    }

    /** The lines of the passage that fit in the view now (tests read how much the heatmap shows). */
    int linesShown() {
        return visibleLines();
    }

    private int firstLine() {   // within the lines: a shorter passage read after scrolling far down a long one
        return (int) Math.round(Math.min(scroll.getValue(), scroll.getMax()));
    }

    @Override
    protected void layoutChildren() {
        double barWidth = scroll.prefWidth(-1);
        double width = Math.max(0, getWidth() - barWidth);
        scroll.resizeRelocate(width, 0, barWidth, getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != getHeight()) {
            for (Canvas c : new Canvas[] {canvas, guessCanvas}) {
                c.setWidth(width);
                c.setHeight(getHeight());
            }
            markAllDirty();
        }
    }

    private void ensureLayout() {
        Probed probed = model.probedProperty().get();
        if (probed == null) {
            layout = null;
            return;
        }
        int columns = Math.max(8, (int) ((canvas.getWidth() / WindowZoom.factor(this) - 16) / CELL_WIDTH));
        if (layout == null || columns != layoutColumns || layoutFor != probed) {
            layout = TextLayout.of(probed.codePoints(), columns);
            layoutColumns = columns;
            layoutFor = probed;
            scroll.setMin(0);
            scroll.setMax(Math.max(0, layout.lineCount() - 1));
            scroll.setVisibleAmount(visibleLines());
            scroll.setBlockIncrement(visibleLines());
            scroll.setUnitIncrement(1);
        }
    }

    /** The step under the point (x, y) of the canvas, in pixels; -1 for none. */
    private int stepAt(double xPixels, double yPixels) {
        double x = xPixels / WindowZoom.factor(this);
        double y = yPixels / WindowZoom.factor(this);
        ensureLayout();
        if (layout == null) {
            return -1;
        }
        int line = firstLine() + (int) ((y - 8) / lineHeight());
        double inLine = (y - 8) - (line - firstLine()) * lineHeight();
        if (line < 0 || line >= layout.lineCount() || inLine > TEXT_HEIGHT + guessHeight()) {
            return -1;
        }
        TextLayout.Line l = layout.lines().get(line);
        int step = l.from() + (int) ((x - 8) / CELL_WIDTH);
        return x < 8 || step >= l.to() ? -1 : step;
    }

    private void hover(MouseEvent e) {
        int step = stepAt(e.getX(), e.getY());
        if (step != hoverStep) {
            hoverStep = step;
            hoverText = step < 0 ? "" : describe(step);
            model.cursor().hover(step);
            markDirty();
        }
    }

    /** What hovering {@code step} shows ({@link CellDescription}). */
    String describe(int step) {
        return CellDescription.of(model, step);
    }

    /** The upper canvas: each visible character on its neuron's colour, the span and the hovered character. */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);
        g.clearRect(0, 0, canvas.getWidth() / zoom, canvas.getHeight() / zoom);
        ensureLayout();
        Probed probed = model.probedProperty().get();
        if (probed == null || layout == null) {
            g.setFill(colors.get(Role.MUTED));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(model.statusProperty().get(), canvas.getWidth() / zoom / 2, canvas.getHeight() / zoom / 2);
            return;
        }
        scroll.setVisibleAmount(visibleLines());
        NeuronMatrix values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        int unit = Math.min(model.unitProperty().get(), values.units() - 1);
        ColorScale scale = model.look().scale(model.quantityProperty().get(), values, unit);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(TEXT_FONT);
        AttributionShading shading = AttributionShading.of(model.cursor().attributionProperty().get());
        int cursorStep = model.cursor().stepProperty().get();
        forEachVisibleCell((step, left, top) -> {
            int rgb = scale.rgb(values.value(step, unit));
            g.setFill(color(rgb));
            g.fillRect(left, top, CELL_WIDTH, TEXT_HEIGHT);
            g.setFill(color(scale.textOn(rgb)));
            int codePoint = probed.codePoints()[step];
            // A space is left blank in the text, as on a page; the guesses below still show ␣.
            if (codePoint != ' ') {
                g.fillText(ShownSymbol.of(codePoint), left + CELL_WIDTH / 2, top + TEXT_HEIGHT / 2);
            }
            StepPrediction guess = probed.predictions().step(step);
            if (showSurprisal && guess.hasTrueNext()) {
                double bar = Math.min(1, guess.surprisalBits() / 10) * (TEXT_HEIGHT - 2);
                g.setFill(colors.get(Role.DANGER));
                g.fillRect(left + 1, top + TEXT_HEIGHT - bar, 2.5, bar);
            }
            if (step >= spanFrom && step < spanTo) {
                g.setStroke(colors.get(Role.WARNING));
                g.setLineWidth(2);
                g.strokeLine(left, top + 1, left + CELL_WIDTH, top + 1);
                g.strokeLine(left, top + TEXT_HEIGHT - 1, left + CELL_WIDTH, top + TEXT_HEIGHT - 1);
            }
            shading.draw(g, step, left, top, CELL_WIDTH, TEXT_HEIGHT);
            if (step == cursorStep) {
                AttributionShading.outlineCursor(g, left, top, CELL_WIDTH, TEXT_HEIGHT);
            }
            if (step == hoverStep) {
                g.setStroke(colors.get(Role.TEXT));
                g.setLineWidth(1.5);
                g.strokeRect(left + 0.75, top + 0.75, CELL_WIDTH - 1.5, TEXT_HEIGHT - 1.5);
            }
        });
    }

    /** The lower canvas: the page, and under each visible character its guesses. */
    private void drawGuessRows() {
        GraphicsContext g = guessCanvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);
        g.setFill(colors.get(Role.PAGE));
        g.fillRect(0, 0, guessCanvas.getWidth() / zoom, guessCanvas.getHeight() / zoom);
        ensureLayout();
        Probed probed = model.probedProperty().get();
        if (probed == null || layout == null || !showGuesses) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        boolean five = model.look().fiveGuessRowsProperty().get();
        g.setFont(GuessRows.font(five));
        forEachVisibleCell((step, left, top) -> GuessRows.draw(g, probed.predictions().step(step),
                probed.vocabularyCodePoints(), left, top + TEXT_HEIGHT, CELL_WIDTH, five, colors));
    }

    /** Where one character's cell stands: its step in the passage and the cell's top-left corner. */
    private interface CellVisitor {
        void visit(int step, double left, double top);
    }

    /** Visits the cells of the lines in view, line by line; both canvases lay their cells out alike. */
    private void forEachVisibleCell(CellVisitor visitor) {
        int first = firstLine();
        int last = Math.min(layout.lineCount(), first + visibleLines() + 1);
        for (int line = first; line < last; line++) {
            double top = 8 + (line - first) * lineHeight();
            TextLayout.Line l = layout.lines().get(line);
            for (int step = l.from(); step < l.to(); step++) {
                visitor.visit(step, 8 + (step - l.from()) * CELL_WIDTH, top);
            }
        }
    }

    private static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
