package org.charscope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.charscope.model.Batch;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.LstmState;
import org.charscope.model.Optimizer;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.text.Batches;
import org.charscope.text.Symbols;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link CharLstm} on its own thread, which it starts and owns, with the model and every
 * INDArray. Other threads steer it ({@link #start}, {@link #pause}, {@link #resume}, {@link #step},
 * {@link #stop}), hear from it through {@link TrainingListener}s, and ask things of the model with
 * {@link #submit}: the task runs on the training thread between two iterations and its result (plain
 * Java, never an INDArray) comes back through a {@link CompletableFuture}.
 *
 * <p>One iteration reads top to bottom: next batch (hidden state reset at each epoch start),
 * forward + loss + backward, clip, check, update, report, evaluate.
 * An iteration whose weights, loss or gradients are not finite is undone: weights, optimizer moments and
 * hidden state go back to what they were before the last good update, the learning rate is
 * halved (and doubled again after {@link #RESTORE_RATE_AFTER} good iterations in a row), listeners
 * hear of it, and training carries on with the next batch; after {@link TrainingConfig#maxFailures()}
 * failures in a row it stops.
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
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Request<?>> requests = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final CountDownLatch finished = new CountDownLatch(1);
    // guarded by lock
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsRequested;
    private final List<CompletableFuture<Long>> pauseWaiters = new ArrayList<>();
    private final List<CompletableFuture<Long>> stepWaiters = new ArrayList<>();
    private Thread thread;
    // read from any thread
    private volatile State state = State.NEW;
    private volatile long completedIterations;
    private volatile Stop stop;
    private volatile TrainingRun finalRun;
    /**
     * Good iterations in a row after which a halved learning rate doubles again (up to the
     * scheduled one): a fault that does not come back (a bad batch, a flipped bit) should not slow
     * the rest of a night's run, while one that keeps coming keeps the rate down.
     */
    static final int RESTORE_RATE_AFTER = 200;

    private volatile List<Fault> faults = Fault.fromSystemProperty();   // none unless a trial asks
    private volatile boolean frozen;     // a model without its text: never trains

    // the training thread's own
    private CharLstm model;
    private Optimizer optimizer;
    private Optimizer backupOptimizer;
    private INDArray backupParameters;
    private LstmState trainState;
    private LstmState stateBefore;       // the hidden state before the current iteration
    private org.charscope.text.BatchSource batches;
    private Batch batch;
    private long iteration;
    private double learningRateScale = 1;
    private int failuresInARow;
    private long goodInARow;             // finite iterations since the last failure
    private final List<Float> losses = new ArrayList<>();   // one per iteration, NaN for a failed one
    private final List<Evaluation> evaluations = new ArrayList<>();
    private long trainingNanos;          // this run
    private long priorTrainingMillis;    // runs before a resume
    private long windowNanos;
    private long windowIterations;
    private double windowLoss;
    private long windowFailures;

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
        Trainer trainer = resume(run, config, new TrainingData(run.vocabulary(), placeholder, placeholder));
        trainer.frozen = true;
        return trainer;
    }

    /** Whether this trainer holds a model without its text ({@link #withoutText}), so cannot train. */
    public boolean canTrain() {
        return !frozen;
    }

    /** Continues a saved run exactly where it stopped, with new limits and intervals from {@code config}. */
    public static Trainer resume(TrainingRun run, TrainingConfig config, TrainingData data) {
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

    public TrainingData data() {
        return data;
    }

    public State state() {
        return state;
    }

    /** Iterations completed, as of the last one finished. */
    public long iteration() {
        return completedIterations;
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

    /** Starts the training thread, running. */
    public void start() {
        start(false);
    }

    /** Starts the training thread, paused if {@code paused} (it builds the model and waits). */
    public synchronized void start(boolean paused) {
        if (thread != null) {
            throw new IllegalStateException("a trainer starts once");
        }
        lock.lock();
        try {
            pauseRequested = paused || frozen;
        } finally {
            lock.unlock();
        }
        thread = new Thread(this::run, "charscope-training");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the thread to pause after the current iteration; completes with the iterations done when it has. */
    public CompletableFuture<Long> pause() {
        CompletableFuture<Long> paused = new CompletableFuture<>();
        lock.lock();
        try {
            if (state == State.STOPPED) {
                paused.complete(completedIterations);
            } else if (state == State.PAUSED && stepsRequested == 0) {
                pauseRequested = true;
                paused.complete(completedIterations);
            } else {
                pauseRequested = true;
                pauseWaiters.add(paused);
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        return paused;
    }

    /** Continues after a pause. */
    public void resume() {
        if (frozen) {
            return;
        }
        lock.lock();
        try {
            pauseRequested = false;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs exactly one iteration and pauses (if running, pauses after one more); completes with
     * the iterations done after it.
     */
    public CompletableFuture<Long> step() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (state == State.STOPPED) {
                done.completeExceptionally(new IllegalStateException("training has stopped"));
            } else if (frozen) {
                done.completeExceptionally(new IllegalStateException("this model was opened without its text"));
            } else {
                pauseRequested = true;
                stepsRequested++;
                stepWaiters.add(done);
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return done;
    }

    /** Asks the thread to stop after the current iteration; see {@link #awaitStop}. */
    public void stop() {
        lock.lock();
        try {
            stopRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            if (state == State.STOPPED) {
                drainRequests();
            }
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        return request.result;
    }

    /** Evaluates the validation split now (between iterations) and tells listeners too. */
    public CompletableFuture<Evaluation> evaluate() {
        return submit((m, v) -> evaluateValidation());
    }

    /**
     * Generates text from the current weights between two iterations, from its own fresh state
     * (training is not disturbed). {@code perSymbol} gets each symbol as it is drawn, on the training
     * thread, and must be quick; may be null. Training waits while the sample is drawn.
     *
     * @param prime  text to start from, every symbol of which must be in the vocabulary; may be empty
     */
    public CompletableFuture<String> sample(String prime, SampleSettings settings,
                                            java.util.function.Consumer<String> perSymbol) {
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
        return submit((m, v) -> captureRun()).handle((run, failure) -> {
            if (failure == null) {
                return run;
            }
            TrainingRun kept = finalRun;   // written before the state turns STOPPED
            if (state == State.STOPPED && kept != null) {
                return kept;
            }
            throw failure instanceof java.util.concurrent.CompletionException c ? c
                    : new java.util.concurrent.CompletionException(failure);
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

    /** Test hook: the iterations (0-based) whose gradients get a NaN before they are checked. */
    void injectNonFiniteGradients(java.util.function.LongPredicate when) {
        injectFaults(List.of(Fault.nan(Fault.Target.GRADIENTS, when)));
    }

    /** Replaces the faults this run will meet (see {@link Fault}); for tests and trials. */
    public void injectFaults(List<Fault> injected) {
        faults = List.copyOf(injected);
    }

    private void run() {
        Stop reason = null;
        try {
            setUp();
            while (true) {
                serveRequests();
                boolean single;
                lock.lock();
                try {
                    if (stopRequested) {
                        reason = new Stop(Stop.Reason.REQUESTED, "stopped at iteration " + iteration, iteration);
                        break;
                    }
                    if (pauseRequested && stepsRequested == 0) {
                        if (state != State.PAUSED) {
                            state = State.PAUSED;
                            pauseWaiters.forEach(f -> f.complete(iteration));
                            pauseWaiters.clear();
                            long at = iteration;
                            lock.unlock();
                            try {
                                tell(l -> l.onStateChanged(State.PAUSED, at));
                            } finally {
                                lock.lock();
                            }
                            continue;
                        }
                        if (requests.isEmpty() && !stopRequested && pauseRequested && stepsRequested == 0) {
                            wake.await();
                        }
                        continue;
                    }
                    single = stepsRequested > 0;
                    if (single) {
                        stepsRequested--;
                    }
                    if (state != State.RUNNING && !single) {
                        state = State.RUNNING;
                        long at = iteration;
                        lock.unlock();
                        try {
                            tell(l -> l.onStateChanged(State.RUNNING, at));
                        } finally {
                            lock.lock();
                        }
                    }
                } finally {
                    lock.unlock();
                }
                reason = iterate();
                if (single) {
                    lock.lock();
                    try {
                        if (!stepWaiters.isEmpty()) {
                            stepWaiters.remove(0).complete(iteration);
                        }
                    } finally {
                        lock.unlock();
                    }
                }
                if (reason != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            reason = new Stop(Stop.Reason.REQUESTED, "interrupted at iteration " + iteration, iteration);
        } catch (Throwable e) {
            reason = new Stop(Stop.Reason.ERROR, "training failed: " + e, iteration);
            e.printStackTrace();
        } finally {
            finish(reason);
        }
    }

    private void finish(Stop reason) {
        if (model != null) {
            try {
                finalRun = captureRun();
            } catch (RuntimeException e) {
                System.err.println("could not keep the final state of the run: " + e);
            }
        }
        stop = reason;
        lock.lock();
        try {
            state = State.STOPPED;
            pauseWaiters.forEach(f -> f.complete(iteration));
            pauseWaiters.clear();
            stepWaiters.forEach(f -> f.completeExceptionally(new IllegalStateException("training has stopped")));
            stepWaiters.clear();
            drainRequests();
        } finally {
            lock.unlock();
        }
        tell(l -> l.onStateChanged(State.STOPPED, iteration));
        tell(l -> l.onStopped(reason));
        finished.countDown();
    }

    /** After the stop every request fails: the model is gone with the thread. */
    private void drainRequests() {
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.result.completeExceptionally(new IllegalStateException("training has stopped"));
        }
    }

    private void setUp() {
        if (resumeFrom == null) {
            model = new CharLstm(modelConfig, config.seed());
            optimizer = new Optimizer(config.optimizer(), model);
            trainState = model.newState(config.batchSize());
            batches = batchSource();
        } else {
            TrainingRun run = resumeFrom;
            model = new CharLstm(modelConfig, config.seed());
            model.setParameters(run.parameters());
            optimizer = new Optimizer(config.optimizer(), model);
            optimizer.restore(run.firstMoment(), run.secondMoment(), run.optimizerSteps());
            trainState = model.newState(config.batchSize());
            trainState.setFloats(run.hiddenState());
            batches = batchSource();
            batches.seek(run.batchPosition());
            iteration = run.iteration();
            learningRateScale = run.learningRateScale();
            goodInARow = finiteSinceLastFailure(run.losses());
            for (float loss : run.losses()) {
                losses.add(loss);
            }
            evaluations.addAll(run.evaluations());
            priorTrainingMillis = run.trainingMillis();
        }
        completedIterations = iteration;
        batch = config.windowed() ? Batch.allocateWindows(config.seqLength(), config.batchSize())
                : Batch.allocate(config.seqLength(), config.batchSize());
        stateBefore = model.newState(config.batchSize());
        backupOptimizer = new Optimizer(config.optimizer(), model);
        backupOptimizer.copyFrom(optimizer);
        backupParameters = model.parameters().dup();
    }

    private org.charscope.text.BatchSource batchSource() {
        return config.windowed()
                ? new org.charscope.text.WindowBatches(data.train(), config.batchSize(), config.seqLength(), config.seed())
                : new Batches(data.train(), config.batchSize(), config.seqLength());
    }

    private void serveRequests() {
        Request<?> r;
        while ((r = requests.poll()) != null) {
            r.serve(model, data.vocabulary());
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

    /** One iteration; a reason when training must stop after it. */
    private Stop iterate() {
        long start = System.nanoTime();
        if (batches.atEpochStart()) {
            trainState.reset();
        }
        stateBefore.copyFrom(trainState);
        batches.next(batch.inputs(), batch.targets());
        double learningRate = config.optimizer().learningRate(iteration) * learningRateScale;
        inject(Fault.Target.WEIGHTS, model.parameters());
        // A non-finite weight that this batch does not use (the input row of a symbol it lacks)
        // leaves the loss finite; kept as the "last good" weights it would fail every later batch
        // that has the symbol. So the weights themselves are checked too: one reduction, under 0.1%
        // of an iteration. (A sum is finite exactly when every weight is, short of weights ~1e32.)
        boolean weightsFinite = Double.isFinite(model.parameters().sumNumber().doubleValue());
        double loss = model.forwardBackward(batch, trainState, config.seed(), iteration);
        loss = inject(Fault.Target.LOSS, loss);
        inject(Fault.Target.GRADIENTS, model.gradients());
        double norm = optimizer.clipGradients(model);
        boolean finite = weightsFinite && Double.isFinite(loss) && Double.isFinite(norm);
        if (finite) {
            backupParameters.assign(model.parameters());
            backupOptimizer.copyFrom(optimizer);
            optimizer.update(model, learningRate);
            failuresInARow = 0;
            goodInARow++;
            if (learningRateScale < 1 && goodInARow % RESTORE_RATE_AFTER == 0) {
                learningRateScale = Math.min(1, 2 * learningRateScale);
            }
        } else {
            model.parameters().assign(backupParameters);
            optimizer.copyFrom(backupOptimizer);
            trainState.copyFrom(stateBefore);
            learningRateScale *= 0.5;
            failuresInARow++;
            goodInARow = 0;
        }
        losses.add(finite ? (float) loss : Float.NaN);
        iteration++;
        completedIterations = iteration;
        long elapsed = System.nanoTime() - start;
        trainingNanos += elapsed;
        windowNanos += elapsed;
        windowIterations++;
        windowLoss += finite ? loss : 0;
        windowFailures += finite ? 0 : 1;

        if (!finite) {
            Recovery recovery = new Recovery(iteration - 1, loss, norm, learningRateScale, failuresInARow);
            tell(l -> l.onRecovery(recovery));
            if (failuresInARow >= config.maxFailures()) {
                return new Stop(Stop.Reason.DIVERGED, "stopped after " + failuresInARow
                        + " iterations in a row with non-finite weights, loss or gradients, even at "
                        + learningRateScale + " × the learning rate; try a lower learning rate", iteration);
            }
        }
        if (iteration % config.reportEvery() == 0) {
            long symbols = windowIterations * batch.size();
            Progress progress = new Progress(iteration, batches.epoch(), loss,
                    windowIterations > windowFailures ? windowLoss / (windowIterations - windowFailures) : Double.NaN,
                    norm, symbols / (windowNanos / 1e9), learningRate, trainingMillis());
            windowNanos = 0;
            windowIterations = 0;
            windowLoss = 0;
            windowFailures = 0;
            tell(l -> l.onProgress(progress));
        }
        if (config.evaluateEvery() > 0 && iteration % config.evaluateEvery() == 0) {
            evaluateValidation();
        }
        if (config.maxIterations() > 0 && iteration >= config.maxIterations()) {
            return new Stop(Stop.Reason.ITERATION_LIMIT, "reached " + iteration + " iterations", iteration);
        }
        if (config.maxMillis() > 0 && trainingNanos / 1_000_000 >= config.maxMillis()) {
            return new Stop(Stop.Reason.TIME_LIMIT, "reached the time limit at iteration " + iteration, iteration);
        }
        return null;
    }

    /** Iterations at the end of {@code losses} since its last NaN (a failed iteration). */
    private static long finiteSinceLastFailure(float[] losses) {
        long n = 0;
        for (int i = losses.length - 1; i >= 0 && !Float.isNaN(losses[i]); i--) {
            n++;
        }
        return n;
    }

    private void inject(Fault.Target target, INDArray into) {
        for (Fault fault : faults) {
            if (fault.target() == target && fault.when().test(iteration)) {
                into.putScalar(Math.floorMod(fault.index(), into.length()), fault.value());
            }
        }
    }

    private double inject(Fault.Target target, double loss) {
        for (Fault fault : faults) {
            if (fault.target() == target && fault.when().test(iteration)) {
                loss = fault.value();
            }
        }
        return loss;
    }

    private long trainingMillis() {
        return priorTrainingMillis + trainingNanos / 1_000_000;
    }

    private Evaluation evaluateValidation() {
        tell(l -> l.onEvaluationStarted(iteration));
        long start = System.nanoTime();
        double[] result = config.windowed()
                ? Evaluator.meanLossOfWindows(model, data.validation(), config.seqLength(), config.batchSize(),
                        data.validationCosts())
                : Evaluator.meanLoss(model, data.validation(), config.seqLength(), config.batchSize(),
                        data.validationCosts());
        Evaluation evaluation = new Evaluation(iteration, result[0], (long) result[1],
                (System.nanoTime() - start) / 1_000_000, result[2]);
        if (result[1] > 0) {
            evaluations.add(evaluation);
            tell(l -> l.onEvaluation(evaluation));
        }
        return evaluation;
    }

    private TrainingRun captureRun() {
        float[] history = new float[losses.size()];
        for (int i = 0; i < history.length; i++) {
            history[i] = losses.get(i);
        }
        return new TrainingRun(modelConfig, config.optimizer(), config.seqLength(), config.batchSize(), config.seed(),
                data.vocabulary(), iteration, batches.position(), batches.epoch(), learningRateScale, optimizer.steps(), trainingMillis(),
                history, List.copyOf(evaluations), model.parametersToFloats(), optimizer.firstMomentToFloats(),
                optimizer.secondMomentToFloats(), trainState.toFloats(), config.windowed());
    }

    private void tell(Consumer<TrainingListener> call) {
        for (TrainingListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                System.err.println("a training listener failed: " + e);
            }
        }
    }
}
