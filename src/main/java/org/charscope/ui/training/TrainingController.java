package org.charscope.ui.training;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.charscope.text.Batches;
import org.charscope.text.Corpus;
import org.charscope.train.RunSettings;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingRun;

/**
 * What the training buttons do: makes a {@link Trainer} for the loaded text and the settings on
 * the first Start or Step, steers it, and throws it away on Reset. Every call returns at once;
 * the trainer works on its own thread and reports through the dashboard's inbox. FX thread.
 */
public final class TrainingController implements TrainingControls.Commands {

    private final DashboardModel dashboard;
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RunSettings> settings = new ReadOnlyObjectWrapper<>(RunSettings.defaults());
    private Trainer trainer;
    private final ReadOnlyBooleanWrapper withoutText = new ReadOnlyBooleanWrapper();
    private TrainerBridge bridge;           // the current trainer's line to the dashboard
    private SnapshotKeeping snapshots;      // null: no snapshots kept (tests, benchmarks)

    public TrainingController(DashboardModel dashboard) {
        this.dashboard = dashboard;
    }

    /** Keeps each new run's snapshots there from now on (the window: the session's folder). */
    public void keepSnapshots(SnapshotKeeping keeping) {
        this.snapshots = keeping;
    }

    /** Where the runs' snapshots are kept, or null. */
    public SnapshotKeeping snapshots() {
        return snapshots;
    }

    /** The text to train on; bind it to the loaded book. */
    public ObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    public ReadOnlyObjectProperty<RunSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Takes new settings; the caller has made sure they need no new model, or reset first. */
    public void apply(RunSettings newSettings) {
        String problem = newSettings.check();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        settings.set(newSettings);
    }

    /** Whether a model exists that has learned something (so replacing it loses work). */
    public boolean hasProgress() {
        return trainer != null && dashboard.iterationProperty().get() > 0;
    }

    public boolean hasModel() {
        return trainer != null;
    }

    /** The trainer, for the explorer and for saving; null before the first Start. */
    public Trainer trainer() {
        return trainer;
    }

    @Override
    public void start() {
        if (trainer == null) {
            create().start(false);
        } else {
            trainer.resume();
        }
    }

    @Override
    public void pause() {
        if (trainer != null) {
            trainer.pause();
        }
    }

    @Override
    public void resume() {
        if (trainer != null) {
            trainer.resume();
        }
    }

    @Override
    public void step() {
        if (trainer == null) {
            create().start(true);
        }
        trainer.step();
    }

    @Override
    public void stop() {
        if (trainer != null) {
            trainer.stop();
        }
    }

    /** True while the model was opened without the text it learned: it samples and explores, never trains. */
    public ReadOnlyBooleanProperty withoutTextProperty() {
        return withoutText.getReadOnlyProperty();
    }

    /**
     * Opens a saved model alone, when the loaded text is not the one it learned (its symbols
     * differ): the model samples and is explored; training waits for its own text.
     */
    public void openWithoutText(TrainingRun run, RunSettings saved) {
        settings.set(saved);
        trainer = Trainer.withoutText(run, saved.training());
        connect(1, run.evaluations().isEmpty()
                ? Double.NaN : run.evaluations().get(run.evaluations().size() - 1).natsPerSymbol());
        withoutText.set(true);
        trainer.start(true);
    }

    /** Stops and forgets the model, its losses, its samples and its snapshots. */
    @Override
    public void reset() {
        withoutText.set(false);
        if (trainer != null) {
            bridge.detach();   // its "stopped" must not land on the next model's dashboard
            trainer.stop();
            trainer = null;
            if (snapshots != null) {   // only a run's own: at start-up they are the saved session's
                snapshots.discard();
            }
        }
        dashboard.clear();
    }

    /** A sample now from the current weights (for "sample now"). */
    public CompletableFuture<String> sampleNow(double temperature, String prime) {
        if (trainer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("train the model first"));
        }
        long iteration = trainer.iteration();
        return trainer.sample(prime, settings.get().sampling(iteration).withTemperature(temperature), null)
                .thenApply(text -> prime + text);
    }

    /**
     * Continues a saved run, paused, with the given settings (the batch shape and optimizer come
     * from the checkpoint); the text loaded must be the one it was trained on.
     */
    public void resume(TrainingRun run, RunSettings saved) {
        Corpus text = corpus.get();
        if (text == null) {
            throw new IllegalStateException("no text loaded");
        }
        settings.set(saved);
        TrainingData data = new TrainingData(text.vocabulary(), text.train(), text.validation());
        trainer = Trainer.resume(run, saved.training(), data);
        keepSnapshotsOf(data);
        int batchesPerEpoch = new Batches(text.train(), run.batchSize(), run.seqLength()).batchesPerEpoch();
        double lastValidation = run.evaluations().isEmpty() ? Double.NaN
                : run.evaluations().get(run.evaluations().size() - 1).natsPerSymbol();
        connect(batchesPerEpoch, lastValidation);
        trainer.start(true);
    }

    private Trainer create() {
        Corpus text = corpus.get();
        if (text == null) {
            throw new IllegalStateException("no text loaded");
        }
        RunSettings now = settings.get();
        TrainingData data = new TrainingData(text.vocabulary(), text.train(), text.validation());
        trainer = new Trainer(now.model(text.vocabulary().size()), now.training(), data);
        keepSnapshotsOf(data);
        int batchesPerEpoch = new Batches(text.train(), now.batchSize(), now.seqLength()).batchesPerEpoch();
        connect(batchesPerEpoch, Double.NaN);
        return trainer;
    }

    private void keepSnapshotsOf(TrainingData data) {
        if (snapshots != null) {
            snapshots.attach(trainer, settings.get().snapshotEvery(), data);
        }
    }

    /** The current trainer reports to the dashboard through a bridge of its own, until Reset detaches it. */
    private void connect(int batchesPerEpoch, double lastValidation) {
        bridge = new TrainerBridge(trainer, dashboard.events(), settings::get, batchesPerEpoch, lastValidation);
        trainer.addListener(bridge);
    }
}
