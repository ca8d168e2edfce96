package org.charscope.ui.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.explore.Neuron;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.ui.chart.SceneTimer;

/**
 * The emergence of the detectors: for each {@link TextFeature}, the best |r| any neuron reaches
 * at each snapshot, one line per feature across the run. The x axis goes by snapshot, evenly, so
 * the doubling start of the schedule (0, 25, 50, 100, …) spreads out like a logarithmic axis and
 * each stop lines up with a stop of the scrubber. Hovering a point names its neuron; clicking
 * it looks at that neuron in that snapshot. The neuron shown in the explorer is drawn dashed: its
 * own |r| for the chosen feature at every snapshot, which tells whether the best unit was always
 * that one or another took over; a dotted line marks the chosen feature's level in the untrained
 * model (iteration 0), which is well above 0. Drawn at most once a frame.
 */
public final class EmergenceChart extends Region {

    /** A plotted point, in the chart's own coordinates: a feature's best neuron at one snapshot. */
    record Point(SnapshotSummary snapshot, NeuronFinding finding, double x, double y) {
    }

    private static final Color[] FEATURE_COLOURS = { // Tableau 10, one per feature in TextFeature order
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#59a14f"),
        Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac")};
    private static final double LEFT = 36;
    private static final double TOP = 10;
    private static final double BOTTOM = 22;
    private static final double HOVER_HEIGHT = 20;
    private static final double PICK_RADIUS = 9;
    private static final Font SMALL = Font.font("System", 10.5);
    private static final Font SMALL_BOLD = Font.font("System", FontWeight.BOLD, 10.5);

    private final SnapshotShelf shelf;
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final ThemeColors colors = new ThemeColors();
    private BiConsumer<SnapshotSummary, NeuronFinding> onPick = (snapshot, finding) -> { };
    private Neuron shownNeuron;
    private TextFeature shownFeature = TextFeature.INSIDE_QUOTES;
    private Point hovered;
    private boolean dirty = true;

    public EmergenceChart(SnapshotShelf shelf) {
        this.shelf = shelf;
        setId("emergence-chart");
        getStyleClass().add("emergence-chart");
        hover.setId("emergence-hover");
        hover.getStyleClass().add("hover-line");
        getChildren().addAll(canvas, hover, colors);
        colors.backgroundProperty().addListener(o -> markDirty());
        shelf.snapshots().addListener((Observable o) -> markDirty());
        shelf.selectedProperty().addListener((Observable o) -> markDirty());
        WindowZoom.redrawOnChange(this, () -> {
            dirty = false;
            draw();
        });
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> setHovered(null));
        canvas.setOnMouseClicked(e -> {
            Point point = pointAt(e.getX() / WindowZoom.factor(this), e.getY() / WindowZoom.factor(this));
            if (point != null) {
                onPick.accept(point.snapshot(), point.finding());
            }
        });
        SceneTimer.eachFrameInScene(this, () -> {
            if (dirty) {
                dirty = false;
                draw();
            }
        });
    }

    /** What clicking a point does: look at that snapshot and that neuron. */
    public void setOnPick(BiConsumer<SnapshotSummary, NeuronFinding> onPick) {
        this.onPick = onPick;
    }

    /** The neuron the explorer shows, drawn dashed for {@code feature}, which is drawn strongest; neuron may be null. */
    public void showNeuron(Neuron neuron, TextFeature feature) {
        shownNeuron = neuron;
        shownFeature = feature == null ? TextFeature.INSIDE_QUOTES : feature;
        markDirty();
    }

    /** The hover line: "inside quotes · layer 1 · cell 87 · r = 0.91 at iteration 1,600", or empty. */
    String hoverText() {
        return hover.getText();
    }

    /** Every plotted point, where it is now drawn (the chart's coordinates). */
    List<Point> points() {
        List<Point> points = new ArrayList<>();
        List<SnapshotSummary> snapshots = shelf.snapshots();
        for (int index = 0; index < snapshots.size(); index++) {
            SnapshotSummary snapshot = snapshots.get(index);
            for (NeuronFinding finding : snapshot.best().values()) {
                points.add(new Point(snapshot, finding, x(index), y(Math.abs(finding.r()))));
            }
        }
        return points;
    }

    private void markDirty() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double zoom = WindowZoom.factor(this);   // the hover line is a node, placed in pixels
        double width = getWidth();
        double height = Math.max(0, getHeight() - HOVER_HEIGHT * zoom);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            markDirty();
        }
        hover.resizeRelocate(LEFT * zoom, height, Math.max(0, width - LEFT * zoom), HOVER_HEIGHT * zoom);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 190 * WindowZoom.factor(this);
    }

    private double plotRight() {
        return Math.max(LEFT + 10, legendLeft() - 12);
    }

    private double legendLeft() {
        return canvas.getWidth() / WindowZoom.factor(this) - EmergenceDrawing.legendWidth(plotBottom() - TOP + 14, shownNeuron != null);
    }

    private double plotBottom() {
        return Math.max(TOP + 10, canvas.getHeight() / WindowZoom.factor(this) - BOTTOM);
    }

    /** Where snapshot {@code index} stands: evenly spaced, one alone in the middle. */
    private double x(int index) {
        int count = shelf.snapshots().size();
        double span = plotRight() - LEFT - 12;
        return count < 2 ? LEFT + 6 + span / 2 : LEFT + 6 + span * index / (count - 1);
    }

    private double y(double absR) {
        return plotBottom() - absR * (plotBottom() - TOP);
    }

    private Point pointAt(double x, double y) {
        Point nearest = null;
        double best = PICK_RADIUS * PICK_RADIUS;
        for (Point point : points()) {
            double d = (point.x() - x) * (point.x() - x) + (point.y() - y) * (point.y() - y);
            boolean strongerFeature = point.finding().feature() == shownFeature;   // on top when drawn over another
            if (d < best || d == best && strongerFeature) {
                best = d;
                nearest = point;
            }
        }
        return nearest;
    }

    private void hover(MouseEvent e) {
        setHovered(pointAt(e.getX() / WindowZoom.factor(this), e.getY() / WindowZoom.factor(this)));
    }

    private void setHovered(Point point) {
        if (point == hovered || point != null && point.equals(hovered)) {
            return;
        }
        hovered = point;
        hover.setText(point == null ? "" : String.format(Locale.ROOT, "%s · %s · r = %.2f at iteration %,d",
                point.finding().feature().displayName(), point.finding().neuron().describe(), point.finding().r(),
                point.snapshot().iteration()));
        markDirty();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);   // the chart lays out in units of 1/zoom pixel
        g.setFill(colors.get(Role.PAGE));
        g.fillRect(0, 0, canvas.getWidth() / zoom, canvas.getHeight() / zoom);
        EmergenceDrawing drawing = new EmergenceDrawing(g, LEFT, TOP, plotRight(), plotBottom(), SMALL, SMALL_BOLD,
                colors);
        drawing.axes();
        List<SnapshotSummary> snapshots = shelf.snapshots();
        if (snapshots.stream().allMatch(s -> s.best().isEmpty())) {
            g.setFill(colors.get(Role.MUTED));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No snapshot with detectors yet: they are kept as training goes on.",
                    (LEFT + plotRight()) / 2, (TOP + plotBottom()) / 2);
            return;
        }
        drawing.iterationTicks(snapshots, this::x);
        int selected = shelf.selectedIndex();
        if (selected < snapshots.size()) {
            drawing.selection(x(selected));
        }
        for (TextFeature feature : TextFeature.values()) {
            if (feature != shownFeature) {
                drawing.featureLine(featurePoints(feature), colour(feature), false);
            }
        }
        double[][] shown = featurePoints(shownFeature);
        if (snapshots.get(0).iteration() == 0 && !Double.isNaN(shown[0][1])) {
            drawing.untrainedLevel(shown[0][1], colour(shownFeature));
        }
        drawing.featureLine(shown, colour(shownFeature), true);
        if (shownNeuron != null) {
            drawing.neuronHistory(neuronPoints(), colour(shownFeature).darker());
        }
        if (hovered != null) {
            drawing.ring(hovered.x(), hovered.y());
        }
        drawing.legend(legendLeft(), FEATURE_COLOURS, shownFeature,
                shownNeuron == null ? null : shownNeuron.describe());
    }

    /** [snapshot] x and y of a feature's best |r|; NaN y where a snapshot has none. */
    private double[][] featurePoints(TextFeature feature) {
        List<SnapshotSummary> snapshots = shelf.snapshots();
        double[][] xy = new double[snapshots.size()][];
        for (int i = 0; i < xy.length; i++) {
            NeuronFinding best = snapshots.get(i).best().get(feature);
            xy[i] = new double[] {x(i), best == null ? Double.NaN : y(Math.abs(best.r()))};
        }
        return xy;
    }

    /** [snapshot] x and y of the shown neuron's |r| for the shown feature; NaN y where unknown. */
    private double[][] neuronPoints() {
        List<SnapshotSummary> snapshots = shelf.snapshots();
        double[][] xy = new double[snapshots.size()][];
        for (int i = 0; i < xy.length; i++) {
            double r = snapshots.get(i).r(shownNeuron.layer(), shownNeuron.quantity(), shownNeuron.unit(), shownFeature);
            xy[i] = new double[] {x(i), Double.isNaN(r) ? Double.NaN : y(Math.abs(r))};
        }
        return xy;
    }

    static Color colour(TextFeature feature) {
        return FEATURE_COLOURS[feature.ordinal() % FEATURE_COLOURS.length];
    }
}
