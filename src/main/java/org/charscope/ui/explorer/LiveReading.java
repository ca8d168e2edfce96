package org.charscope.ui.explorer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.charscope.explore.Probe;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.train.Trainer;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.training.TrainingController;

/**
 * The live model's reading of the explorer's passage: read on the training thread between two
 * iterations ({@link Probe}), worked over on the explorer's thread into a {@link Probed}, again
 * every {@link #refreshEveryProperty()} iterations while auto-refresh is on. The last one is kept,
 * with the weights that made it, to be shown again at "now". Part of {@link ExplorerModel}; FX thread.
 */
public final class LiveReading {

    private final ExplorerModel model;
    private final TrainingController training;
    private final ReadOnlyLongWrapper liveIteration = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(true);
    private final IntegerProperty refreshEvery = new SimpleIntegerProperty(500);
    private final Executor background = DaemonThreads.single("charscope-explorer");
    private long lastAutoBucket = -1;
    private Probed last;                            // the live model's last reading, shown at "now"
    private AttributionReader.Weights lastWeights;  // the weights that made it

    LiveReading(ExplorerModel model, TrainingController training) {
        this.model = model;
        this.training = training;
    }

    /** Called as iterations go by: reads again once per {@link #refreshEveryProperty()} iterations, unless looking back. */
    void iterationReached(long iteration, boolean atSnapshot) {
        liveIteration.set(iteration);
        if (!autoRefresh.get() || computing.get() || iteration <= 0 || atSnapshot) {
            return;
        }
        long bucket = iteration / Math.max(1, refreshEvery.get());
        if (bucket != lastAutoBucket) {
            lastAutoBucket = bucket;
            model.refresh();
        }
    }

    /** Reads {@code passage} with the live weights in the background; the model shows it unless a snapshot is looked at. */
    void read(String passage) {
        Trainer trainer = training.trainer();
        if (trainer == null) {
            model.say("Train the model first (or Step once): there is nothing to look inside yet.");
            return;
        }
        if (computing.get()) {
            return;
        }
        computing.set(true);
        model.say("reading the passage…");
        long iteration = trainer.iteration();
        float[][] weights = new float[1][];   // the reading's weights, copied with it for the cursor's own model
        CompletableFuture<Probe.Result> read = trainer.submit((lstm, vocabulary) -> {
            weights[0] = lstm.parametersToFloats();
            return Probe.run(lstm, Probe.characters(vocabulary), passage);
        });
        LstmConfig config = trainer.modelConfig();
        read.thenApplyAsync(result -> Probed.of(result, iteration), background)
                .whenComplete((done, failure) -> Platform.runLater(() -> {
                    computing.set(false);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        model.say("could not read the passage: " + cause.getMessage());
                        return;
                    }
                    model.showLive(done, new AttributionReader.Weights(done, () -> {
                        CharLstm own = new CharLstm(config, 0);
                        own.setParameters(weights[0]);
                        return own;
                    }));
                }));
    }

    /** Keeps a reading as the live one. */
    void keep(Probed reading, AttributionReader.Weights weights) {
        last = reading;
        lastWeights = weights;
    }

    /** A new book: the last reading is of another text. */
    void forget() {
        last = null;
        lastAutoBucket = -1;
    }

    /** The last live reading, or null. */
    Probed last() {
        return last;
    }

    AttributionReader.Weights lastWeights() {
        return lastWeights;
    }

    /** Whether training went on since the last reading (or there is none) and it should be read again at "now". */
    boolean staleNow() {
        boolean stale = last == null || last.iteration() != liveIteration.get();
        return training.trainer() != null && autoRefresh.get() && stale;
    }

    /** The live model's iteration, as training reports it. */
    public ReadOnlyLongProperty liveIterationProperty() {
        return liveIteration.getReadOnlyProperty();
    }

    /** Whether a reading is under way (the Refresh button waits for it). */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    public IntegerProperty refreshEveryProperty() {
        return refreshEvery;
    }
}
