package org.charscope.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link TrainingListener}s of one run, heard as one: each call goes to every listener, and
 * one that throws is reported on stderr and skipped, so that a broken view never stops training.
 * Listeners come and go from any thread.
 */
final class Listeners implements TrainingListener {

    private final List<TrainingListener> all = new CopyOnWriteArrayList<>();

    void add(TrainingListener listener) {
        all.add(listener);
    }

    void remove(TrainingListener listener) {
        all.remove(listener);
    }

    @Override
    public void onProgress(Progress progress) {
        tell(l -> l.onProgress(progress));
    }

    @Override
    public void onEvaluationStarted(long iteration) {
        tell(l -> l.onEvaluationStarted(iteration));
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        tell(l -> l.onEvaluation(evaluation));
    }

    @Override
    public void onRecovery(Recovery recovery) {
        tell(l -> l.onRecovery(recovery));
    }

    @Override
    public void onStateChanged(Trainer.State state, long iteration) {
        tell(l -> l.onStateChanged(state, iteration));
    }

    @Override
    public void onStopped(Stop stop) {
        tell(l -> l.onStopped(stop));
    }

    private void tell(Consumer<TrainingListener> call) {
        for (TrainingListener listener : all) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                System.err.println("a training listener failed: " + e);
            }
        }
    }
}
