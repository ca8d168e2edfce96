package org.charscope.ui.training;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * The status line under the dashboard: iteration, epoch with a bar through the current one,
 * characters per second, time trained, time left for the planned iterations, memory in use.
 * Refreshed once per frame from plain numbers; nothing here waits on the run.
 */
public final class StatusLine extends HBox {

    private final Label iteration = field("status-iteration");
    private final Label epoch = field("status-epoch");
    private final ProgressBar epochBar = new ProgressBar(0);
    private final Label speed = field("status-speed");
    private final Label elapsed = field("status-elapsed");
    private final Label eta = field("status-eta");
    private final Label memory = field("status-memory");
    private final Label message = field("status-message");
    private final Map<Region, Double> widths = new HashMap<>();   // widest(field), in measuredIn
    private Font measuredIn;

    public StatusLine(DashboardModel model, LongSupplier plannedIterations, MemoryGauge gauge) {
        setId("training-status");
        getStyleClass().add("training-status");
        epochBar.setId("status-epoch-bar");
        epochBar.setPrefWidth(90);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(iteration, epoch, epochBar, speed, elapsed, eta, memory, message);
        message.setMinWidth(0);   // the message takes what is left, cut if it must be
        new AnimationTimer() {
            private long lastNanos;

            @Override
            public void handle(long now) {
                if (now - lastNanos < 100_000_000L) { // ten times a second is plenty for text
                    return;
                }
                lastNanos = now;
                show(model, plannedIterations.getAsLong(), gauge.bytes());
            }
        }.start();
    }

    /**
     * Keeps whole fields rather than cutting each to "ep…" (200% on a laptop): where the line is
     * too narrow for all of them, the least needed go first (memory, the epoch's bar, time trained,
     * epoch, speed), leaving the iteration, the ETA and the message. What a field needs is measured
     * on its widest likely text, not on what it shows now, so that none comes and goes as its
     * digits change ten times a second.
     */
    @Override
    protected void layoutChildren() {
        List<Region> givingWay = List.of(memory, epochBar, elapsed, epoch, speed);
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double needed = -getSpacing();
        for (Region field : List.of(iteration, epoch, epochBar, speed, elapsed, eta, memory)) {
            needed += widest(field) + getSpacing();
        }
        for (Region field : givingWay) {
            boolean keep = needed <= room;
            if (field.isManaged() != keep) {
                field.setManaged(keep);
                field.setVisible(keep);
            }
            if (!keep) {
                needed -= widest(field) + getSpacing();
            }
        }
        super.layoutChildren();
    }

    /**
     * The width {@code field} needs at its widest likely text (the bar: its own width); a longer
     * text (a run of millions of iterations) still shows whole, and the message gives way to it.
     */
    private double widest(Region field) {
        // measured once per font (the zoom changes it), not at each of the ten layouts a second
        if (!iteration.getFont().equals(measuredIn)) {
            widths.clear();
            measuredIn = iteration.getFont();
        }
        return widths.computeIfAbsent(field, this::measure);
    }

    private double measure(Region field) {
        String longest = field == iteration ? "iteration 000,000 / 000,000"
                : field == epoch ? "epoch 000.00"
                : field == speed ? "000,000 chars/s"
                : field == elapsed ? "trained 0:00:00"
                : field == eta ? "ETA 0:00:00"
                : field == memory ? "0,000 MB" : null;
        if (longest == null) {
            return field.prefWidth(-1);
        }
        return TextWidth.of(longest, ((Label) field).getFont()) + field.snappedLeftInset() + field.snappedRightInset();
    }

    private static Label field(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-field");
        label.setMinWidth(Region.USE_PREF_SIZE);   // whole or not at all (layoutChildren)
        return label;
    }

    void show(DashboardModel model, long planned, long memoryBytes) {
        long done = model.iterationProperty().get();
        iteration.setText(planned > 0
                ? String.format(Locale.ROOT, "iteration %,d / %,d", done, planned)
                : String.format(Locale.ROOT, "iteration %,d", done));
        double e = model.epochProperty().get();
        epoch.setText(String.format(Locale.ROOT, "epoch %.2f", e));
        epochBar.setProgress(e - Math.floor(e));
        speed.setText(String.format(Locale.ROOT, "%,.0f chars/s", model.charsPerSecondProperty().get()));
        elapsed.setText("trained " + clock(model.trainingMillisProperty().get()));
        long left = model.etaMillis(planned);
        eta.setText(left < 0 ? "ETA —" : "ETA " + clock(left));
        memory.setText(String.format(Locale.ROOT, "%,d MB", memoryBytes / (1024 * 1024)));
    }

    static String clock(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
