package org.charscope.ui.training;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

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

    public StatusLine(DashboardModel model, LongSupplier plannedIterations, MemoryGauge gauge) {
        setId("training-status");
        getStyleClass().add("training-status");
        epochBar.setId("status-epoch-bar");
        epochBar.setPrefWidth(90);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(iteration, epoch, epochBar, speed, elapsed, eta, memory, message);
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

    private static Label field(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-field");
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
