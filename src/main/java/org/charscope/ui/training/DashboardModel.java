package org.charscope.ui.training;

import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.charscope.train.Progress;
import org.charscope.ui.loss.LossHistory;
import org.charscope.ui.samples.SampleEntry;

/**
 * The training dashboard's state on the FX Application Thread: the run's state, the loss
 * history, the sample timeline and the status line's figures. Events from the training thread
 * arrive through a {@link RunInbox} and are applied once per frame by {@link #applyPending()}.
 */
public final class DashboardModel {

    private final RunInbox inbox = new RunInbox();
    private final LossHistory history = new LossHistory();
    private final ObservableList<SampleEntry> samples = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyLongWrapper iteration = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epoch = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper charsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper trainingMillis = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final LongSupplier clockMillis;
    private final Runnable historyChanged;
    private long runningSinceMillis = -1;
    private long trainingMillisBefore;
    private final AnimationTimer frame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            applyPending();
        }
    };

    /**
     * @param historyChanged told (on the FX thread) when the loss history gained points, so the
     *                       chart redraws once for all of them
     */
    public DashboardModel(LongSupplier clockMillis, Runnable historyChanged) {
        this.clockMillis = clockMillis;
        this.historyChanged = historyChanged;
    }

    /** Where the training thread reports. */
    public RunEvents events() {
        return inbox;
    }

    /** Starts applying events once per frame. */
    public void startFrames() {
        frame.start();
    }

    public void stopFrames() {
        frame.stop();
    }

    /** Applies everything the run reported since the last frame; FX thread. */
    public void applyPending() {
        var events = inbox.takeAll();
        if (events.isEmpty()) {
            tickClock();
            return;
        }
        int pointsBefore = history.trainingPoints();
        boolean validationBefore = history.hasValidation();
        double bestBefore = history.bestValidation();
        for (RunInbox.Event event : events) {
            event.accept(this);
        }
        tickClock();
        if (history.trainingPoints() != pointsBefore || history.hasValidation() != validationBefore
                || history.bestValidation() != bestBefore) {
            historyChanged.run();
        }
    }

    /** The chart plots the last iteration's loss (not the report's mean) and its gradient norm before clipping. */
    void onProgress(Progress progress) {
        history.addTraining(progress.iteration(), progress.epoch(), progress.loss(), progress.gradientNorm());
        iteration.set(progress.iteration());
        epoch.set(progress.epoch());
        charsPerSecond.set(progress.symbolsPerSecond());
    }

    void onEvaluated(long at, double atEpoch, double validationLoss) {
        history.addValidation(at, atEpoch, validationLoss);
    }

    void onSample(SampleEntry sample) {
        samples.add(sample);
    }

    void onState(RunState newState, String reason) {
        boolean wasRunning = state.get().running();
        if (reason != null) {
            message.set(reason);   // first, so that whoever hears of the new state can read why
        }
        state.set(newState);
        long now = clockMillis.getAsLong();
        if (newState.running() && !wasRunning) {
            runningSinceMillis = now;
        } else if (!newState.running() && wasRunning) {
            trainingMillisBefore += now - runningSinceMillis;
            runningSinceMillis = -1;
        }
        tickClock();
    }

    private void tickClock() {
        long running = runningSinceMillis < 0 ? 0 : clockMillis.getAsLong() - runningSinceMillis;
        trainingMillis.set(trainingMillisBefore + running);
    }

    /** Shows a one-line message in the status line (a save, a resume, a problem). FX thread. */
    public void say(String text) {
        message.set(text);
    }

    /** Forgets the run: losses, samples, clock (the model is being replaced). */
    public void clear() {
        inbox.takeAll();
        history.clear();
        samples.clear();
        iteration.set(0);
        epoch.set(0);
        charsPerSecond.set(0);
        trainingMillisBefore = 0;
        runningSinceMillis = -1;
        trainingMillis.set(0);
        message.set("");
        state.set(RunState.IDLE);
        historyChanged.run();
    }

    /**
     * Puts back a saved run's history (up to the checkpoint's iteration: later points were not
     * saved in the model) so the charts and the timeline continue where they were.
     *
     * @param training   [points][4] iteration, epoch, loss, gradient norm
     * @param validation [points][3] iteration, epoch, loss
     */
    public void restore(double[][] training, double[][] validation, List<SampleEntry> saved,
                        long upToIteration, long trainedMillis) {
        clear();
        for (double[] p : training) {
            if (p[0] <= upToIteration) {
                history.addTraining((long) p[0], p[1], p[2], p[3]);
                iteration.set((long) p[0]);
                epoch.set(p[1]);
            }
        }
        for (double[] p : validation) {
            if (p[0] <= upToIteration) {
                history.addValidation((long) p[0], p[1], p[2]);
            }
        }
        saved.stream().filter(s -> s.iteration() <= upToIteration).forEach(samples::add);
        iteration.set(upToIteration);
        trainingMillisBefore = trainedMillis;
        tickClock();
        historyChanged.run();
    }

    /** The loss history as rows for saving: [points][4] iteration, epoch, loss, gradient norm. */
    public double[][] trainingRows() {
        var byIteration = history.train(false);
        var byEpoch = history.train(true);
        var norms = history.gradNorm(false);
        double[][] rows = new double[byIteration.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {byIteration.x(i), byEpoch.x(i), byIteration.y(i), norms.y(i)};
        }
        return rows;
    }

    /** [points][3] iteration, epoch, validation loss. */
    public double[][] validationRows() {
        var byIteration = history.validation(false);
        var byEpoch = history.validation(true);
        double[][] rows = new double[byIteration.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {byIteration.x(i), byEpoch.x(i), byIteration.y(i)};
        }
        return rows;
    }

    /**
     * Milliseconds until {@code plannedIterations}, at the pace so far; -1 when unknown.
     */
    public long etaMillis(long plannedIterations) {
        long done = iteration.get();
        long millis = trainingMillis.get();
        if (done <= 0 || millis <= 0 || plannedIterations <= done) {
            return -1;
        }
        return (long) ((double) millis / done * (plannedIterations - done));
    }

    public LossHistory history() {
        return history;
    }

    public ObservableList<SampleEntry> samples() {
        return samples;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty charsPerSecondProperty() {
        return charsPerSecond.getReadOnlyProperty();
    }

    /** Time spent training (not paused), for the status line. */
    public ReadOnlyLongProperty trainingMillisProperty() {
        return trainingMillis.getReadOnlyProperty();
    }

    /** The last thing the run said (a recovery, a failure), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
