package org.charscope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.text.Symbols;

/**
 * Trains a {@link CharLstm} on its own thread, which it starts and owns, with the model and every
 * INDArray. Other threads steer it ({@link #start}, {@link #pause}, {@link #resume}, {@link #step},
 * {@link #stop}), hear from it through {@link TrainingListener}s, and ask things of the model with
 * {@link #submit}: the task runs on the training thread between two iterations and its result (plain
 * Java, never an INDArray) comes back through a {@link CompletableFuture}.
 *
 * <p>This class is only the thread and its steering: each iteration is one
 * {@link TrainingLoop#step()}, which says what an iteration does and how a non-finite one is undone.
 */
public final class Trainer {

    public enum State { NEW, RUNNING, PAUSED, STOPPED }

    /** Work to run on the training thread with the model; must return plain Java, never an INDArray. */
    @FunctionalInterface
    public interface ModelTask<T> {
        T run(CharLstm model, Symbols vocabulary) throws Exception;
    }

    private final LstmConfig modelConfig;
    private final TrainingConfig config;
    private final TrainingData data;
    private final TrainingRun resumeFrom;   // null for a fresh run
    private final Listeners listeners = new Listeners();
    private final ConcurrentLinkedQueue<Request<?>> requests = new ConcurrentLinkedQueue<>();
    private final Steering steering = new Steering(this::iteration, () -> !requests.isEmpty(), listeners);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object hookLock = new Object();
    private IterationHook hook = IterationHook.NONE;   // guarded by hookLock
    private final WeightsHandover handover = new WeightsHandover();
    private Thread thread;
    // read from any thread
    private volatile TrainingLoop loop;     // made on the training thread; null until then
    private volatile Stop stop;
    private volatile TrainingRun finalRun;
    private volatile boolean frozen;        // a model without its text: never trains

    /** A fresh run of a new model. */
    public Trainer(LstmConfig model, TrainingConfig config, TrainingData data) {
        this(model, config, data, null);
    }

    private Trainer(LstmConfig model, TrainingConfig config, TrainingData data, TrainingRun resumeFrom) {
        if (model.vocabSize() != data.vocabulary().size()) {
            throw new IllegalArgumentException("the model reads " + model.vocabSize() + " symbols but the vocabulary has "
                    + data.vocabulary().size());
        }
        if (model.bidirectional() && !config.windowed()) {
            throw new IllegalArgumentException("a bidirectional first layer reads whole windows: it trains on windows only");
        }
        if (data.train().length < (long) config.seqLength() * config.batchSize() + 1) {
            throw new IllegalArgumentException("the training text (" + data.train().length + " symbols) is too short for one batch of "
                    + config.batchSize() + " × " + config.seqLength());
        }
        this.modelConfig = model;
        this.config = config;
        this.data = data;
        this.resumeFrom = resumeFrom;
    }

    /**
     * A saved model without the text it learned: the thread holds the model and answers
     * {@link #submit requests} (samples, activations, snapshots) but never trains; start it paused.
     * What would be its training data is a placeholder of the shape the saved batches need, never
     * read, since {@link #resume} and {@link #step} do nothing here.
     */
    public static Trainer withoutText(TrainingRun run, TrainingConfig config) {
        int[] placeholder = new int[run.seqLength() * run.batchSize() + 1];
        Trainer trainer = resumeAny(run, config, new TrainingData(run.vocabulary(), placeholder, placeholder));
        trainer.frozen = true;
        return trainer;
    }

    /** Whether this trainer holds a model without its text ({@link #withoutText}), so cannot train. */
    public boolean canTrain() {
        return !frozen;
    }

    /**
     * Continues a saved run exactly where it stopped, with new limits and intervals from {@code config}.
     *
     * @throws IllegalArgumentException for a snapshot, which has no optimizer moments to go on with
     */
    public static Trainer resume(TrainingRun run, TrainingConfig config, TrainingData data) {
        if (run.isSnapshot()) {
            throw new IllegalArgumentException("a snapshot holds the weights only, not the optimizer's state: "
                    + "resume from the model file instead");
        }
        return resumeAny(run, config, data);
    }

    /** {@link #resume}, or a snapshot opened to look at ({@link #withoutText}). */
    private static Trainer resumeAny(TrainingRun run, TrainingConfig config, TrainingData data) {
        if (!run.vocabulary().equals(data.vocabulary())) {
            throw new IllegalArgumentException("the checkpoint was trained on another vocabulary than this text's");
        }
        TrainingConfig same = config.withBatch(run.seqLength(), run.batchSize()).withSeed(run.seed())
                .withOptimizer(run.optimizerConfig()).withWindows(run.windowed());
        return new Trainer(run.model(), same, data, run);
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    public LstmConfig modelConfig() {
        return modelConfig;
    }

    public TrainingConfig config() {
        return config;
    }

    public State state() {
        return steering.state();
    }

    /** Iterations completed, as of the last one finished. */
    public long iteration() {
        TrainingLoop current = loop;
        return current == null ? 0 : current.iteration();
    }

    /**
     * The run as it stood when training stopped (for a last checkpoint), once it has stopped; null
     * before, or if training failed before the model was made.
     */
    public TrainingRun finalRun() {
        return finalRun;
    }

    /** Why training stopped, once it has. */
    public Stop stopReason() {
        return stop;
    }

    /**
     * Passes every iteration from now on through {@code hook} (tests and trials put faults in this
     * way; production installs none). Any time, from any thread.
     */
    public void installHook(IterationHook hook) {
        synchronized (hookLock) {
            this.hook = hook;
            if (loop != null) {
                loop.install(hook);
            }
        }
    }

    /**
     * Hands copies of the weights to {@code watcher} at the iterations it wants (snapshots over the
     * run), on the training thread between two iterations. Once, before {@link #start}.
     */
    public synchronized void watchWeights(WeightsWatcher watcher) {
        if (thread != null) {
            throw new IllegalStateException("a trainer's weights watcher is set before it starts");
        }
        handover.set(watcher);
    }

    /** Starts the training thread, running. */
    public void start() {
        start(false);
    }

    /** Starts the training thread, paused if {@code paused} (it builds the model and waits). */
    public synchronized void start(boolean paused) {
        if (thread != null) {
            throw new IllegalStateException("a trainer starts once");
        }
        steering.startPaused(paused || frozen);
        thread = new Thread(this::run, "charscope-training");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the thread to pause after the current iteration; completes with the iterations done when it has. */
    public CompletableFuture<Long> pause() {
        return steering.pause();
    }

    /** Continues after a pause. */
    public void resume() {
        if (!frozen) {
            steering.resume();
        }
    }

    /**
     * Runs exactly one iteration and pauses (if running, pauses after one more); completes with
     * the iterations done after it.
     */
    public CompletableFuture<Long> step() {
        return steering.step(frozen);
    }

    /** Asks the thread to stop after the current iteration; see {@link #awaitStop}. */
    public void stop() {
        steering.stop();
    }

    /** Waits until training has stopped; the reason, or null on timeout. */
    public Stop awaitStop(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit) ? stop : null;
    }

    /**
     * Runs {@code task} on the training thread between two iterations (also while paused), with the
     * model and the vocabulary. Fails with IllegalStateException if training has stopped first.
     */
    public <T> CompletableFuture<T> submit(ModelTask<T> task) {
        Request<T> request = new Request<>(task);
        requests.add(request);
        steering.wake(this::drainRequests);
        return request.result;
    }

    /** Evaluates the validation split now (between iterations) and tells listeners too. */
    public CompletableFuture<Evaluation> evaluate() {
        return submit((m, v) -> loop.evaluate());
    }

    /**
     * Generates text from the current weights between two iterations, from its own fresh state
     * (training is not disturbed). {@code perSymbol} gets each symbol as it is drawn, on the training
     * thread, and must be quick; may be null. Training waits while the sample is drawn.
     *
     * @param prime  text to start from, every symbol of which must be in the vocabulary; may be empty
     */
    public CompletableFuture<String> sample(String prime, SampleSettings settings, Consumer<String> perSymbol) {
        return submit((m, vocabulary) -> {
            int[] ids = Sampler.sample(m, vocabulary.encode(prime), settings,
                    perSymbol == null ? null : id -> perSymbol.accept(vocabulary.symbol(id)), config.seqLength());
            return vocabulary.decode(ids);
        });
    }

    /**
     * A copy of everything needed to continue this run later, as plain Java (for a checkpoint).
     * Once training has stopped (asked to, finished, or failed) it is the run as it was kept at the
     * stop, so that a stopped model can still be saved.
     */
    public CompletableFuture<TrainingRun> snapshot() {
        return submit((m, v) -> loop.capture()).handle((run, failure) -> {
            if (failure == null) {
                return run;
            }
            TrainingRun kept = finalRun;   // written before the state turns STOPPED
            if (state() == State.STOPPED && kept != null) {
                return kept;
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    /**
     * Saves a checkpoint: the run is copied on the training thread between two iterations, then
     * written (atomically) on another thread, so training waits only for the copy.
     */
    public CompletableFuture<Path> saveCheckpoint(Path file) {
        return snapshot().thenApplyAsync(run -> {
            try {
                Checkpoint.write(file, run);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The training thread: steps while running, waits while paused, serves requests in between. */
    private void run() {
        Stop reason = null;
        try {
            setUp();
            handover.starting(loop, resumeFrom == null);
            while (true) {
                serveRequests();
                Steering.Move move = steering.next();
                if (move == Steering.Move.STOP) {
                    reason = new Stop(Stop.Reason.REQUESTED, "stopped at iteration " + iteration(), iteration());
                    break;
                }
                if (move == Steering.Move.WAIT) {
                    continue;
                }
                reason = loop.step();
                handover.offer(loop);
                if (move == Steering.Move.STEP) {
                    steering.stepDone();
                }
                if (reason != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            reason = new Stop(Stop.Reason.REQUESTED, "interrupted at iteration " + iteration(), iteration());
        } catch (Throwable e) {
            reason = new Stop(Stop.Reason.ERROR, "training failed: " + e, iteration());
            e.printStackTrace();
        } finally {
            finish(reason);
        }
    }

    /** Builds the model (or loads the saved one) on the training thread, with the hook installed so far. */
    private void setUp() {
        TrainingLoop made = new TrainingLoop(modelConfig, config, data, resumeFrom, listeners);
        synchronized (hookLock) {   // so that a hook installed meanwhile is not lost
            made.install(hook);
            loop = made;
        }
    }

    private void finish(Stop reason) {
        if (loop != null) {
            try {
                finalRun = loop.capture();
            } catch (RuntimeException e) {
                System.err.println("could not keep the final state of the run: " + e);
            }
        }
        handover.stopped(finalRun);
        stop = reason;
        steering.stopped(this::drainRequests);
        listeners.onStateChanged(State.STOPPED, iteration());
        listeners.onStopped(reason);
        finished.countDown();
    }

    /** After the stop every request fails: the model is gone with the thread. */
    private void drainRequests() {
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.result.completeExceptionally(new IllegalStateException("training has stopped"));
        }
    }

    private void serveRequests() {
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.serve(loop.model(), data.vocabulary());
        }
    }

    /** A task waiting for the training thread, and where its answer goes. */
    private static final class Request<T> {
        final ModelTask<T> task;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Request(ModelTask<T> task) {
            this.task = task;
        }

        void serve(CharLstm model, Symbols vocabulary) {
            try {
                result.complete(task.run(model, vocabulary));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }
    }
}
