package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The training loop on the test's own thread, one {@link TrainingLoop#step()} at a time: no
 * trainer thread, no waiting. (The threaded behaviour around it, pause, step and requests, is
 * {@link TrainerTest}'s.)
 */
class TrainingLoopTest {

    /** A tiny text that repeats: a model that learns anything predicts most of it. */
    private static TrainingData repetitive() {
        String text = "the cat sat on the mat. ".repeat(200);
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        int split = ids.length * 9 / 10;
        return new TrainingData(vocabulary, java.util.Arrays.copyOf(ids, split),
                java.util.Arrays.copyOfRange(ids, split, ids.length));
    }

    private static LstmConfig model(TrainingData data, double dropout) {
        return new LstmConfig(data.vocabulary().size(), 1, 16, 0, dropout, Precision.FLOAT);
    }

    /** Batches of 4 × 10, Adam at 0.01, seed 3, a report every iteration, at most 3 failures in a row. */
    private static TrainingConfig config(long iterations) {
        return TrainingConfig.defaults().withBatch(10, 4).withOptimizer(OptimizerConfig.adam(1e-2)).withSeed(3)
                .withIntervals(1, 0).withLimits(iterations, 0).withMaxFailures(3);
    }

    /** Everything the loop tells, in order. */
    private static final class Heard implements TrainingListener {
        final List<Progress> progress = new ArrayList<>();
        final List<Recovery> recoveries = new ArrayList<>();

        @Override
        public void onProgress(Progress p) {
            progress.add(p);
        }

        @Override
        public void onRecovery(Recovery r) {
            recoveries.add(r);
        }
    }

    @Test
    void eachStepIsOneIterationAndTheLossFallsOnARepetitiveText() {
        TrainingData data = repetitive();
        Heard heard = new Heard();
        TrainingLoop loop = new TrainingLoop(model(data, 0), config(0), data, null, heard);
        int steps = 150;
        for (int i = 0; i < steps; i++) {
            assertEquals(i, loop.iteration());
            assertNull(loop.step(), "no limit is set: the loop never asks to stop");
            assertEquals(i + 1, loop.iteration());
        }
        assertEquals(steps, heard.progress.size(), "a report after every iteration (reportEvery 1)");
        assertEquals(steps, heard.progress.get(steps - 1).iteration());
        assertEquals(List.of(), heard.recoveries);
        float[] losses = loop.capture().losses();
        assertEquals(steps, losses.length);
        double first = mean(losses, 0, 10);
        double last = mean(losses, steps - 10, steps);
        // from about ln(12) = 2.5 nats for a model that knows nothing, to well under half of that
        assertTrue(last < first / 2, "loss " + first + " -> " + last);
    }

    @Test
    void theLoopAsksToStopAtTheIterationLimit() {
        TrainingData data = repetitive();
        TrainingLoop loop = new TrainingLoop(model(data, 0), config(3), data, null, new Heard());
        assertNull(loop.step());
        assertNull(loop.step());
        Stop stop = loop.step();
        assertEquals(Stop.Reason.ITERATION_LIMIT, stop.reason());
        assertEquals(3, stop.iteration());
    }

    /** The thread adds nothing to the arithmetic: the same seed gives the same run, bit for bit. */
    @Test
    void theSameSeedGivesTheSameLossesAndWeightsAsTheThreadedTrainer() throws Exception {
        TrainingData data = repetitive();
        LstmConfig model = model(data, 0.1);   // dropout too: its masks come from (seed, iteration)
        int iterations = 40;
        TrainingLoop loop = new TrainingLoop(model, config(iterations), data, null, new Heard());
        Stop stop = null;
        while (stop == null) {
            stop = loop.step();
        }
        TrainingRun direct = loop.capture();

        Trainer trainer = new Trainer(model, config(iterations), data);
        trainer.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, trainer.awaitStop(60, TimeUnit.SECONDS).reason());
        TrainingRun threaded = trainer.finalRun();

        assertEquals(iterations, direct.iteration());
        assertArrayEquals(threaded.losses(), direct.losses());
        assertArrayEquals(threaded.parameters(), direct.parameters());
        assertArrayEquals(threaded.hiddenState(), direct.hiddenState());
    }

    @Test
    void aNanGradientIsUndoneAtThatIterationAndTheRateHalved() {
        TrainingData data = repetitive();
        Heard heard = new Heard();
        TrainingLoop loop = new TrainingLoop(model(data, 0), config(0), data, null, heard);
        loop.install(FaultHook.nanGradients(i -> i == 2));
        loop.step();
        TrainingRun afterOne = loop.capture();
        loop.step();
        loop.step();   // iteration 2 (0-based): its gradients hold a NaN

        assertEquals(1, heard.recoveries.size());
        Recovery recovery = heard.recoveries.get(0);
        assertEquals(2, recovery.iteration());
        assertTrue(Double.isNaN(recovery.gradientNorm()));
        assertEquals(0.5, recovery.learningRateScale());
        assertEquals(1, recovery.failuresInARow());
        TrainingRun after = loop.capture();
        assertEquals(3, after.iteration());
        assertTrue(Float.isNaN(after.losses()[2]));
        // back to before the last good update: the weights iteration 2 ran on are suspect too
        assertArrayEquals(afterOne.parameters(), after.parameters());
        assertArrayEquals(afterOne.firstMoment(), after.firstMoment());
        assertEquals(1, after.optimizerSteps());
        assertTrue(Double.isNaN(heard.progress.get(2).meanLoss()), "a window of only the failed iteration");

        loop.step();
        assertEquals(1, heard.recoveries.size(), "the next iteration is good again");
        assertEquals(0.5e-2, heard.progress.get(3).learningRate(), 1e-12);
        assertTrue(Float.isFinite(loop.capture().losses()[3]));
    }

    private static double mean(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
