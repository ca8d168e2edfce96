package org.charscope.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.ui.theme.ThemeColors;
import org.charscope.ui.theme.ThemeColors.Role;

/**
 * A line chart drawn on a canvas, for series that grow to 100,000 points and more while
 * training runs. Nothing is drawn per added point: {@link #markDirty()} flags a change and the
 * chart redraws at most once per frame, decimating each line to two values per pixel column.
 * Hovering shows the values of the nearest points.
 */
public class LineChartCanvas extends Region {

    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 12;
    private static final double BOTTOM = 30;
    private static final Font TICK_FONT = Font.font(11);
    /**
     * New data redraws the chart at most 8 times a second: a loss curve read by eye gains
     * nothing from 60, and on a 2-core laptop every redraw is CPU taken from training.
     */
    private static final long DATA_REDRAW_NANOS = 125_000_000L;

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final ThemeColors colors = new ThemeColors();
    private final List<Layer> layers = new ArrayList<>();
    private DoubleUnaryOperator yTransform = DoubleUnaryOperator.identity();
    private boolean logY;
    private String xLabel = "";
    private String yLabel = "";
    private Marker marker;
    private Guide guide;
    private boolean dirty = true;
    /** A hover or a resize: redraw on the very next frame rather than waiting for the data interval. */
    private boolean urgent = true;
    private long lastDrawNanos;
    private double hoverX = Double.NaN;
    private ChartFrame frame; // the mapping used by the last drawing, for hover

    /** A highlighted point with a caption, such as the best validation loss. */
    public record Marker(double x, double y, String caption) {
    }

    /** A horizontal line across the plot at a stored y value, captioned at its right end (a yardstick). */
    public record Guide(double y, String caption) {
    }

    public LineChartCanvas() {
        getStyleClass().add("line-chart-canvas");
        setPrefSize(480, 260);
        hover.getStyleClass().add("chart-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover, colors);
        colors.backgroundProperty().addListener(o -> markUrgent()); // the theme changed
        canvas.setOnMouseMoved(e -> {
            hoverX = e.getX() / WindowZoom.factor(this);   // in the chart's units, as its frame
            markUrgent();
        });
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            markUrgent();
        });
        SceneTimer.runWhileInScene(this, new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty && (urgent || now - lastDrawNanos >= DATA_REDRAW_NANOS)) {
                    dirty = false;
                    urgent = false;
                    lastDrawNanos = now;
                    draw();
                }
            }
        });
        WindowZoom.redrawOnChange(this, this::drawNow);
    }

    public void setLayers(List<Layer> newLayers) {
        layers.clear();
        layers.addAll(newLayers);
        markUrgent();
    }

    /** Maps stored y values to plotted ones, e.g. nats to bits. */
    public void setYTransform(DoubleUnaryOperator transform) {
        this.yTransform = transform;
        markUrgent();
    }

    public void setLogY(boolean logY) {
        this.logY = logY;
        markUrgent();
    }

    public void setAxisLabels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        markUrgent();
    }

    public void setMarker(Marker marker) {
        this.marker = marker;
        markDirty();
    }

    /** The horizontal line to draw, or null for none; the y range always takes it in. */
    public void setGuide(Guide guide) {
        this.guide = guide;
        markUrgent();
    }

    public Guide guide() {
        return guide;
    }

    /** The data changed: redraw on the next frame (however many times this is called before it). */
    public void markDirty() {
        dirty = true;
    }

    private void markUrgent() {
        dirty = true;
        urgent = true;
    }

    /** Draws now; tests and picture export use it, the window waits for the next frame. */
    public void drawNow() {
        dirty = false;
        draw();
    }

    /** The hover text currently shown, or empty. */
    public String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            markUrgent();
        }
        hover.autosize();
    }

    private double plotted(double y) {
        double value = yTransform.applyAsDouble(y);
        if (logY) {
            return value > 0 ? Math.log10(value) : Double.NaN;
        }
        return value;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double zoom = WindowZoom.scale(g, this);   // the chart lays out in units of 1/zoom pixel
        double width = canvas.getWidth() / zoom;
        double height = canvas.getHeight() / zoom;
        g.clearRect(0, 0, width, height);
        if (width < LEFT + RIGHT + 10 || height < TOP + BOTTOM + 10) {
            return;
        }
        frame = frameFor(width, height);
        if (frame == null) {
            g.setFill(colors.get(Role.MUTED));
            g.setFont(TICK_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No points yet", width / 2, height / 2);
            hover.setVisible(false);
            return;
        }
        drawAxes(g, frame);
        g.save();
        g.beginPath();
        g.rect(frame.left(), frame.top(), frame.width(), frame.height());
        g.clip();
        for (Layer layer : layers) {
            if (layer.style() == Layer.Style.LINE) {
                drawLine(g, frame, layer);
            } else {
                drawPoints(g, frame, layer);
            }
        }
        drawMarker(g, frame);
        g.restore();
        if (guide != null) {
            ChartAnnotations.drawGuide(g, frame, plotted(guide.y()), guide.caption(), colors.get(Role.ACCENT));
        }
        drawHover(g, frame);
    }

    private ChartFrame frameFor(double width, double height) {
        double xLow = Double.POSITIVE_INFINITY;
        double xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY;
        double yHigh = Double.NEGATIVE_INFINITY;
        for (Layer layer : layers) {
            Series s = layer.series();
            for (int i = 0; i < s.size(); i++) {
                double p = plotted(s.y(i));
                if (!Double.isFinite(p)) {
                    continue;
                }
                xLow = Math.min(xLow, s.x(i));
                xHigh = Math.max(xHigh, s.x(i));
                yLow = Math.min(yLow, p);
                yHigh = Math.max(yHigh, p);
            }
        }
        if (!Double.isFinite(xLow)) {
            return null;
        }
        double guideY = guide == null ? Double.NaN : plotted(guide.y());
        if (Double.isFinite(guideY)) {
            yLow = Math.min(yLow, guideY);
            yHigh = Math.max(yHigh, guideY);
        }
        if (xHigh <= xLow) {
            xHigh = xLow + 1;
        }
        double pad = (yHigh - yLow) * 0.05;
        if (pad <= 0) {
            // a flat series (no sample copied yet: all 0 %): a range whose ticks read, not ±0.001
            pad = logY ? 0.05 : Math.max(Math.abs(yHigh) * 0.05, 0.5);
        }
        return new ChartFrame(xLow, xHigh, yLow - pad, yHigh + pad, LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
    }

    private void drawAxes(GraphicsContext g, ChartFrame f) {
        g.setFont(TICK_FONT);
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        List<Double> yTicks = logY
                ? NiceTicks.logarithmic(Math.pow(10, f.yLow()), Math.pow(10, f.yHigh()))
                : NiceTicks.linear(f.yLow(), f.yHigh(), 5);
        for (double tick : yTicks) {
            double y = f.py(logY ? Math.log10(tick) : tick);
            g.setStroke(colors.get(Role.GRID));
            g.strokeLine(f.left(), snap(y), f.left() + f.width(), snap(y));
            g.setFill(colors.get(Role.MUTED));
            g.fillText(NiceTicks.format(tick), f.left() - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double tick : NiceTicks.linear(f.xLow(), f.xHigh(), Math.max(2, (int) (f.width() / 90)))) {
            double x = f.px(tick);
            g.setStroke(colors.get(Role.GRID).deriveColor(0, 1, 1, 0.6)); // vertical lines quieter than the value lines
            g.strokeLine(snap(x), f.top(), snap(x), f.top() + f.height());
            g.setFill(colors.get(Role.MUTED));
            g.fillText(NiceTicks.format(tick), x, f.top() + f.height() + 4);
        }
        g.setStroke(colors.get(Role.BORDER));
        g.strokeRect(snap(f.left()), snap(f.top()), f.width(), f.height());
        g.setFill(colors.get(Role.TEXT));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(xLabel, f.left() + f.width(), f.top() + f.height() + 16);
        g.save();
        g.translate(12, f.top() + f.height() / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel, 0, 0);
        g.restore();
    }

    private static double snap(double coordinate) {
        return Math.floor(coordinate) + 0.5;
    }

    private void drawLine(GraphicsContext g, ChartFrame f, Layer layer) {
        int columns = (int) Math.ceil(f.width()) + 1;
        ColumnDecimation.Columns c = ColumnDecimation.of(layer.series(), columns,
                x -> (f.px(x) - f.left()), this::plotted);
        g.setStroke(colors.series(layer.color()));
        g.setLineWidth(layer.lineWidth());
        g.beginPath();
        boolean started = false;
        for (int column = 0; column < columns; column++) {
            if (Double.isNaN(c.min()[column])) {
                continue;
            }
            double x = f.left() + column + 0.5;
            if (!started) {
                g.moveTo(x, f.py(c.max()[column]));
                started = true;
            } else {
                g.lineTo(x, f.py(c.max()[column]));
            }
            g.lineTo(x, f.py(c.min()[column]));
        }
        g.stroke();
    }

    private void drawPoints(GraphicsContext g, ChartFrame f, Layer layer) {
        Series s = layer.series();
        double r = layer.lineWidth() + 1.5;
        g.setFill(colors.series(layer.color()));
        g.setStroke(colors.series(layer.color()));
        g.setLineWidth(1);
        g.beginPath();
        for (int i = 0; i < s.size(); i++) {
            double p = plotted(s.y(i));
            if (!Double.isFinite(p)) {
                continue;
            }
            double x = f.px(s.x(i));
            double y = f.py(p);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.stroke();
    }

    private void drawMarker(GraphicsContext g, ChartFrame f) {
        if (marker == null || !Double.isFinite(plotted(marker.y()))) {
            return;
        }
        double x = f.px(marker.x());
        double y = f.py(plotted(marker.y()));
        g.setStroke(colors.get(Role.WARNING));
        g.setLineWidth(2);
        g.strokeOval(x - 7, y - 7, 14, 14);
        g.setFill(colors.get(Role.WARNING));
        g.setFont(TICK_FONT);
        g.setTextBaseline(VPos.BOTTOM);
        boolean leftOfPoint = x > f.left() + f.width() * 0.7;
        g.setTextAlign(leftOfPoint ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(marker.caption(), x + (leftOfPoint ? -10 : 10), y - 8);
    }

    private void drawHover(GraphicsContext g, ChartFrame f) {
        if (Double.isNaN(hoverX) || hoverX < f.left() || hoverX > f.left() + f.width()) {
            hover.setVisible(false);
            return;
        }
        double x = f.xAt(hoverX);
        StringBuilder text = new StringBuilder();
        double guideX = Double.NaN;
        for (Layer layer : layers) {
            int i = layer.series().nearest(x);
            if (i < 0) {
                continue;
            }
            double value = yTransform.applyAsDouble(layer.series().y(i));
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(String.format(Locale.ROOT, "%s %s: %.4f", layer.name(),
                    NiceTicks.format(layer.series().x(i)), value));
            if (Double.isNaN(guideX)) {
                guideX = f.px(layer.series().x(i));
            }
        }
        if (text.length() == 0) {
            hover.setVisible(false);
            return;
        }
        g.setStroke(colors.get(Role.MUTED).deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1);
        g.strokeLine(snap(guideX), f.top(), snap(guideX), f.top() + f.height());
        hover.setText(text.toString());
        hover.setVisible(true);
        hover.autosize();
        double zoom = WindowZoom.factor(this);   // the label is a node, placed in pixels
        double atX = hoverX * zoom;
        double labelX = atX + 12 + hover.getWidth() > getWidth() ? atX - 12 - hover.getWidth() : atX + 12;
        hover.relocate(labelX, (f.top() + 6) * zoom);
    }
}
