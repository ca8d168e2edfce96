package org.charscope.ui.explorer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.charscope.explore.Probe;
import org.charscope.io.Failures;
import org.charscope.model.CharLstm;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingRun;
import org.charscope.ui.background.DaemonThreads;

/**
 * Work on a model of its own, on a thread of its own: the live weights are copied on the training
 * thread between two iterations ({@code Trainer.snapshot()}), and everything else (building the
 * model, reading, sampling) happens here, so training never waits for it and the live model's
 * arrays are never touched. One model is kept and given each copy's weights. Only the latest job's
 * answer reaches the FX thread: a job asked for while another runs makes the other's answer moot.
 */
final class OwnModelJobs {

    /** The work, on this thread, with the model and its characters; returns plain Java. */
    @FunctionalInterface
    interface Work<T> {
        T run(CharLstm model, Vocabulary vocabulary) throws Exception;
    }

    /** The answer on the FX thread: the result, or one line saying why there is none. */
    @FunctionalInterface
    interface Answer<T> {
        void answer(T result, String failure);
    }

    private final Supplier<CompletableFuture<TrainingRun>> weights;
    private final Executor thread;
    private final AtomicLong latest = new AtomicLong();
    private CharLstm model;   // this thread's own
    private Vocabulary vocabulary;   // the model's characters

    /**
     * @param weights a copy of the weights now, or null when there is no model yet
     * @param name    the thread's name
     */
    OwnModelJobs(Supplier<CompletableFuture<TrainingRun>> weights, String name) {
        this.weights = weights;
        this.thread = DaemonThreads.single(name);
    }

    /** Runs {@code work} on the current weights; {@code answer} is called on the FX thread unless a later job was asked for. */
    <T> void run(Work<T> work, Answer<T> answer) {
        CompletableFuture<TrainingRun> copy = weights.get();
        if (copy == null) {
            latest.incrementAndGet();
            answer.answer(null, "Train the model first (or Step once): there is nothing to read yet.");
            return;
        }
        submit(copy, work, answer);
    }

    /** Runs {@code work} on the weights the last job read (a follow-up to it, such as a unit's errors after a hypothesis). */
    <T> void runOnSameWeights(Work<T> work, Answer<T> answer) {
        submit(CompletableFuture.completedFuture(null), work, answer);
    }

    /** @param copy the weights to read, or a null result for the model kept as it is */
    private <T> void submit(CompletableFuture<TrainingRun> copy, Work<T> work, Answer<T> answer) {
        long job = latest.incrementAndGet();
        copy.thenApplyAsync(run -> {
            if (job != latest.get()) {
                return null;    // moot: a later job reads the newer weights
            }
            if (run != null) {
                model = modelOf(run);
                vocabulary = Probe.characters(run.vocabulary());
            } else if (model == null) {
                throw new IllegalStateException("nothing was read yet");
            }
            try {
                return work.run(model, vocabulary);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, thread).whenComplete((result, failure) -> Platform.runLater(() -> {
            if (job == latest.get()) {
                answer.answer(failure == null ? result : null, failure == null ? null : Failures.oneLine(failure));
            }
        }));
    }

    /** Makes whatever job runs now moot: its answer is dropped. */
    void forget() {
        latest.incrementAndGet();
    }

    /** This thread's model with the copy's weights: the one kept if it has the same shape. */
    private CharLstm modelOf(TrainingRun run) {
        if (model == null || !model.config().equals(run.model())) {
            return run.newModel();
        }
        model.setParameters(run.parameters());
        return model;
    }
}
