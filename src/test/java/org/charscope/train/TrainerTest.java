package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final long WAIT_SECONDS = 60; // a generous bound for a stuck test, never a timing assertion

    static TrainingData data() {
        SplittableRandom random = new SplittableRandom(5);
        String[] words = {"the ", "cat ", "sat ", "on ", "a ", "mat", ". ", "dog ", "ran\n"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 6000) {
            text.append(words[random.nextInt(words.length)]);
        }
        Vocabulary vocabulary = Vocabulary.of(text.toString());
        int[] ids = vocabulary.encode(text.toString());
        int split = ids.length * 9 / 10;
        return new TrainingData(vocabulary, java.util.Arrays.copyOf(ids, split),
                java.util.Arrays.copyOfRange(ids, split, ids.length));
    }

    static LstmConfig model(TrainingData data, double dropout) {
        return new LstmConfig(data.vocabulary().size(), 2, 16, 0, dropout, Precision.FLOAT);
    }

    static TrainingConfig config() {
        return TrainingConfig.defaults().withBatch(10, 4).withOptimizer(OptimizerConfig.adam(1e-2)).withSeed(3)
                .withIntervals(1, 0);
    }

    @Test
    void pauseStopsIterationsStepDoesExactlyOneAndResumeContinues() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0), config(), data);
        CountDownLatch fiveMore = new CountDownLatch(5);
        trainer.addListener(new TrainingListener() {
            @Override
            public void onProgress(Progress progress) {
                fiveMore.countDown();
            }
        });
        trainer.start(true);
        assertEquals(0L, trainer.pause().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0L, trainer.submit((m, v) -> trainer.iteration()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Trainer.State.PAUSED, trainer.state());

        assertEquals(1L, trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(2L, trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS));
        // requests are served while paused, and no iteration runs in between
        assertEquals(2L, trainer.submit((m, v) -> trainer.iteration()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(2L, trainer.submit((m, v) -> trainer.iteration()).get(WAIT_SECONDS, TimeUnit.SECONDS));

        trainer.resume();
        assertTrue(fiveMore.await(WAIT_SECONDS, TimeUnit.SECONDS));
        long paused = trainer.pause().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(paused >= 5);
        assertEquals(paused, trainer.submit((m, v) -> trainer.iteration()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(paused, trainer.submit((m, v) -> trainer.iteration()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(paused, trainer.iteration());

        trainer.stop();
        Stop stop = trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Stop.Reason.REQUESTED, stop.reason());
        assertEquals(paused, stop.iteration());
        assertEquals(Trainer.State.STOPPED, trainer.state());
        assertTrue(trainer.submit((m, v) -> 1).isCompletedExceptionally());
    }

    @Test
    void aNonFiniteIterationIsUndoneAndTheLearningRateHalved() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0), config().withLimits(10, 0), data);
        trainer.installHook(FaultHook.nanGradients(i -> i == 3));
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        Stop stop = trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Stop.Reason.ITERATION_LIMIT, stop.reason());
        assertEquals(1, recorder.recoveries.size());
        Recovery recovery = recorder.recoveries.get(0);
        assertEquals(3, recovery.iteration());
        assertTrue(Double.isNaN(recovery.gradientNorm()));
        assertEquals(0.5, recovery.learningRateScale());
        assertEquals(10, recorder.progress.size());
        for (Progress p : recorder.progress) {
            boolean failed = p.iteration() == 4; // reported once the failed iteration 3 (0-based) is over
            assertEquals(failed, Double.isNaN(p.meanLoss()), () -> "iteration " + p.iteration());
            assertTrue(Double.isFinite(p.loss()));
            assertEquals(p.iteration() <= 4 ? 1e-2 : 0.5e-2, p.learningRate(), 1e-12);
        }
    }

    @Test
    void aFailureUndoesTheLastUpdate() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0), config(), data);
        trainer.installHook(FaultHook.nanGradients(i -> i == 2));
        trainer.start(true);
        trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS);
        TrainingRun afterOne = trainer.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS);
        trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS);
        trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS); // iteration 2 fails: the weights it used are suspect
        TrainingRun run = trainer.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(afterOne.parameters(), run.parameters());
        assertArrayEquals(afterOne.firstMoment(), run.firstMoment());
        assertArrayEquals(afterOne.secondMoment(), run.secondMoment());
        assertEquals(1, run.optimizerSteps());
        assertEquals(0.5, run.learningRateScale());
        assertEquals(3, run.iteration());
        assertTrue(Float.isNaN(run.losses()[2]));
        trainer.stop();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void repeatedFailuresStopTrainingWithAReason() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0), config().withMaxFailures(3), data);
        trainer.installHook(FaultHook.nanGradients(i -> i >= 2));
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        Stop stop = trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Stop.Reason.DIVERGED, stop.reason());
        assertEquals(5, stop.iteration());
        assertEquals(3, recorder.recoveries.size());
        assertEquals(0.125, recorder.recoveries.get(2).learningRateScale());
        assertTrue(stop.message().contains("3 iterations in a row"), stop.message());
        assertEquals(stop, recorder.stop);

        // What it had can still be saved: the last good weights, all finite.
        TrainingRun kept = trainer.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(5, kept.iteration());
        for (float w : kept.parameters()) {
            assertTrue(Float.isFinite(w), "the weights kept after the failures are the last good ones");
        }
    }

    /**
     * A NaN in a weight the batches rarely use: the input row of a symbol that occurs once in the
     * text. The loss stays finite until the batch with that symbol comes, so a check of loss and
     * gradients alone would keep the poisoned weights as the "last good" ones and fail every batch
     * after (it stopped "after 5 iterations in a row"); the weights are checked too, so the fault is
     * undone at the iteration it came in.
     */
    @Test
    void aNanInAWeightNoBatchUsesIsUndoneAtOnce() throws Exception {
        TrainingData plain = data();
        StringBuilder text = new StringBuilder();
        for (int id : plain.train()) {
            text.append(plain.vocabulary().symbol(id));
        }
        text.insert(3000, 'z');   // once, in the first epoch's batches (135 iterations of 4 × 10)
        Vocabulary vocabulary = Vocabulary.of(text.toString() + "\n");
        TrainingData data = new TrainingData(vocabulary, vocabulary.encode(text.toString()),
                vocabulary.encode(text.substring(0, 500)));
        LstmConfig model = model(data, 0);
        int gates = 4 * model.hidden();
        long zRow = (long) vocabulary.id('z') * gates;   // row z of Wx_0, the first block (one-hot input)
        Trainer trainer = new Trainer(model, config().withLimits(150, 0), data);
        trainer.installHook(new FaultHook(List.of(new Fault(Double.NaN, Fault.Target.WEIGHTS, zRow + 5, i -> i == 2))));
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        Stop stop = trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Stop.Reason.ITERATION_LIMIT, stop.reason(), stop.message());
        assertEquals(1, recorder.recoveries.size());
        assertEquals(2, recorder.recoveries.get(0).iteration());
        for (float w : trainer.finalRun().parameters()) {
            assertTrue(Float.isFinite(w));
        }
    }

    /** NaN and ∞ losses and infinite weights at seeded random iterations: each is undone, and the loss still falls. */
    @Test
    void faultsAtRandomIterationsAreEachUndoneAndTheLossStillFalls() throws Exception {
        TrainingData data = data();
        List<Fault> faults = Fault.parse("nan:loss:random=0.02/3,inf:weights:random=0.02/8,-inf:gradients:random=0.02/11");
        int iterations = 200;
        int expected = 0;
        for (long i = 0; i < iterations; i++) {
            long at = i;
            expected += faults.stream().anyMatch(f -> f.when().test(at)) ? 1 : 0;
        }
        assertTrue(expected >= 3, "the seeds put " + expected + " faults in the run");
        Trainer trainer = new Trainer(model(data, 0), config().withLimits(iterations, 0).withMaxFailures(iterations), data);
        trainer.installHook(new FaultHook(faults));
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        Stop stop = trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Stop.Reason.ITERATION_LIMIT, stop.reason(), stop.message());
        assertEquals(expected, recorder.recoveries.size());
        float[] losses = trainer.finalRun().losses();
        assertEquals(expected, countNaN(losses));
        assertTrue(mean(losses, 150, 200) < mean(losses, 0, 20) - 0.5,
                "loss " + mean(losses, 0, 20) + " -> " + mean(losses, 150, 200));
    }

    /** A fault that does not come back: after 200 good iterations the rate is the scheduled one again. */
    @Test
    void aHalvedLearningRateDoublesBackAfterAStretchOfGoodIterations() throws Exception {
        TrainingData data = data();
        int after = TrainingLoop.RESTORE_RATE_AFTER;
        Trainer trainer = new Trainer(model(data, 0), config().withLimits(after + 10, 0), data);
        trainer.installHook(FaultHook.nanGradients(i -> i == 3));
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        for (Progress p : recorder.progress) {
            // iteration 3 (0-based) failed; iterations 4 .. 3 + after are good; the rate doubles after the last of them
            double scale = p.iteration() <= 4 || p.iteration() > 4 + after ? 1 : 0.5;
            assertEquals(1e-2 * scale, p.learningRate(), 1e-12, () -> "iteration " + p.iteration());
        }
        assertEquals(1.0, trainer.finalRun().learningRateScale());
    }

    /** Windows of 10 that each predict their next symbol learn the text too, scored the way they train. */
    @Test
    void windowsThatPredictTheirNextSymbolLearn() throws Exception {
        TrainingData data = data();
        TrainingConfig windows = config().withBatch(10, 16).withIntervals(10, 100).withLimits(300, 0).withWindows(true);
        Trainer trainer = new Trainer(model(data, 0), windows, data);
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        trainer.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS).reason());
        assertEquals(3, recorder.evaluations.size());
        double first = recorder.evaluations.get(0).natsPerSymbol();
        double last = recorder.evaluations.get(2).natsPerSymbol();
        // the validation text has 590 places for a window: each is scored once
        assertEquals(data.validation().length - 10, recorder.evaluations.get(2).symbols());
        assertTrue(last < first && last < 1.6, "validation " + first + " -> " + last);
        assertTrue(trainer.finalRun().windowed());
    }

    private static int countNaN(float[] values) {
        int n = 0;
        for (float v : values) {
            n += Float.isNaN(v) ? 1 : 0;
        }
        return n;
    }

    /** Mean of the finite values in [from, to). */
    private static double mean(float[] values, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Float.isFinite(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void aModelWithoutItsTextSamplesButNeverTrains() throws Exception {
        TrainingData data = data();
        Trainer trained = new Trainer(model(data, 0), config().withLimits(3, 0), data);
        trained.start();
        trained.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        TrainingRun run = trained.finalRun();

        Trainer alone = Trainer.withoutText(run, config());
        alone.start();   // asked to run: it stays paused all the same
        String sample = alone.sample("", org.charscope.model.SampleSettings.defaults(), null).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(!sample.isEmpty() && sample.codePoints().allMatch(((org.charscope.text.Vocabulary) data.vocabulary())::contains), sample);
        alone.resume();
        assertTrue(alone.step().handle((n, failure) -> failure).get(WAIT_SECONDS, TimeUnit.SECONDS) != null,
                "a step is refused");
        assertEquals(run.parameters().length, alone.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS).parameters().length);
        assertEquals(3, alone.iteration(), "not one iteration was trained");
        assertTrue(java.util.Arrays.equals(run.parameters(), alone.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS).parameters()),
                "the weights are untouched");
        assertTrue(!alone.canTrain());
        alone.stop();
        alone.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aStoppedRunCanStillBeSnapshotForSaving() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0), config().withLimits(4, 0), data);
        trainer.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS).reason());

        TrainingRun kept = trainer.snapshot().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(trainer.finalRun(), kept);
        assertEquals(4, kept.iteration());
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("stopped").resolve("stopped.zip");
        assertEquals(file, trainer.saveCheckpoint(file).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(kept, Checkpoint.read(file));
        assertTrue(trainer.sample("", org.charscope.model.SampleSettings.defaults(), null)
                .handle((text, failure) -> failure).get(WAIT_SECONDS, TimeUnit.SECONDS) != null,
                "a stopped trainer has no model thread to sample on");
    }

    @Test
    void evaluationDoesNotDisturbTraining() throws Exception {
        TrainingData data = data();
        List<Double> without = losses(data, config().withLimits(12, 0), null);
        Recorder recorder = new Recorder();
        List<Double> with = losses(data, config().withLimits(12, 0).withIntervals(1, 2), recorder);
        assertEquals(without, with);
        assertEquals(6, recorder.evaluations.size());
        Evaluation e = recorder.evaluations.get(5);
        assertEquals(12, e.iteration());
        assertTrue(e.natsPerSymbol() > 0 && e.natsPerSymbol() < 4, "nats " + e.natsPerSymbol());
        assertEquals(e.natsPerSymbol() / Math.log(2), e.bitsPerSymbol(), 1e-12);
        assertEquals(Math.exp(e.natsPerSymbol()), e.perplexity(), 1e-9);
        assertTrue(e.symbols() > data.validation().length - 10);
    }

    private static List<Double> losses(TrainingData data, TrainingConfig config, Recorder extra) throws Exception {
        Trainer trainer = new Trainer(model(data, 0.25), config, data);
        Recorder recorder = new Recorder();
        trainer.addListener(recorder);
        if (extra != null) {
            trainer.addListener(extra);
        }
        trainer.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS).reason());
        List<Double> losses = new ArrayList<>();
        recorder.progress.forEach(p -> losses.add(p.loss()));
        return losses;
    }

    /** Keeps what listeners hear; the training thread writes, the test reads after the stop. */
    static final class Recorder implements TrainingListener {
        final List<Progress> progress = new ArrayList<>();
        final List<Evaluation> evaluations = new ArrayList<>();
        final List<Recovery> recoveries = new ArrayList<>();
        volatile Stop stop;

        @Override
        public synchronized void onProgress(Progress p) {
            progress.add(p);
        }

        @Override
        public synchronized void onEvaluation(Evaluation e) {
            evaluations.add(e);
        }

        @Override
        public synchronized void onRecovery(Recovery r) {
            recoveries.add(r);
        }

        @Override
        public void onStopped(Stop s) {
            stop = s;
        }
    }

    @Test
    void samplesAndActivationsComeBetweenIterationsAsPlainJava() throws Exception {
        TrainingData data = data();
        Trainer trainer = new Trainer(model(data, 0.1), config(), data);
        trainer.start(true);
        trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS);
        org.charscope.model.SampleSettings settings = org.charscope.model.SampleSettings.defaults().withLength(40).withSeed(5);
        StringBuilder streamed = new StringBuilder();
        String first = trainer.sample("the ", settings, streamed::append).get(WAIT_SECONDS, TimeUnit.SECONDS);
        String second = trainer.sample("the ", settings, null).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(40, first.codePointCount(0, first.length()));
        assertEquals(first, second);
        assertEquals(first, streamed.toString());
        org.charscope.model.Activations acts = trainer.submit(
                (m, v) -> org.charscope.model.ModelReadings.activations(m, v.encode("the cat"), m.newState(1)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(7, acts.steps());
        assertEquals(1L, trainer.iteration());
        assertTrue(trainer.sample("#", settings, null).handle((s, e) -> e != null).get(WAIT_SECONDS, TimeUnit.SECONDS),
                "a symbol outside the vocabulary fails the request, not the trainer");
        assertEquals(2L, trainer.step().get(WAIT_SECONDS, TimeUnit.SECONDS));
        trainer.stop();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
