package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.junit.jupiter.api.Test;

/** The explorer's reading of a passage is the model's own forward pass, chunked with warm-ups. */
class ProbeTest {

    private static final String TEXT = "\"Where?\" she said. (The keeper [old] laughed.) \"Here,\" he said.\n".repeat(40);

    private final Vocabulary vocabulary = Vocabulary.of(TEXT);
    private final CharLstm model = new CharLstm(new LstmConfig(vocabulary.size(), 2, 24, 0, 0, Precision.FLOAT), 3);

    @Test
    void aShortPassageGivesExactlyTheModelsForwardPass() {
        String passage = TEXT.substring(0, Probe.CHUNK + Probe.WARMUP - 10); // one window: read exactly as one
        Probe.Result result = Probe.run(model, vocabulary, passage);

        org.charscope.model.Activations direct = org.charscope.model.ModelReadings.activations(model, vocabulary.encode(passage), model.newState(1));

        assertArrayEquals(direct.series(org.charscope.model.Signal.CELL, 1, 7),
                result.activations().matrix(1, Signal.CELL).series(7));
        assertArrayEquals(direct.series(org.charscope.model.Signal.FORGET_GATE, 0, 3),
                result.activations().matrix(0, Signal.FORGET_GATE).series(3));
        assertArrayEquals(direct.probabilities(), result.probabilities());
        float[] cell = result.activations().matrix(0, Signal.CELL).series(5);
        float[] tanh = result.activations().matrix(0, Signal.TANH_CELL).series(5);
        for (int t = 0; t < cell.length; t++) {
            assertEquals(Math.tanh(cell[t]), tanh[t], 1e-6);
        }
    }

    @Test
    void aLongPassageIsReadInChunksEachAfterItsWarmUp() {
        String passage = TEXT.repeat(2).substring(0, Probe.CHUNK + Probe.WARMUP + 700);
        int[] ids = vocabulary.encode(passage);
        Probe.Result result = Probe.run(model, vocabulary, passage);

        for (PassageChunk chunk : PassageChunks.plan(ids.length, Probe.CHUNK, Probe.WARMUP)) {
            int[] window = Arrays.copyOfRange(ids, chunk.warmupFrom(), chunk.to());
            org.charscope.model.Activations direct = org.charscope.model.ModelReadings.activations(model, window, model.newState(1));
            float[] expected = direct.series(org.charscope.model.Signal.HIDDEN, 1, 11);
            float[] actual = result.activations().matrix(1, Signal.HIDDEN).series(11);
            for (int step = chunk.from(); step < chunk.to(); step++) {
                assertEquals(expected[step - chunk.warmupFrom()], actual[step], 1e-5f,
                        "step " + step + " (read side by side: float sums in another order)");
            }
        }
    }

    @Test
    void topFiveIsTheSoftmaxOfTheModelsLogitsInOrder() {
        String passage = TEXT.substring(0, 120);
        Predictions predictions = Probe.run(model, vocabulary, passage).predictions();
        int step = 57;

        double[] logits = model.nextLogits(vocabulary.encode(passage.substring(0, step + 1)), model.newState(1));
        double max = Arrays.stream(logits).max().orElseThrow();
        double sum = Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(logits[b], logits[a]));

        StepPrediction guess = predictions.step(step);
        for (int k = 0; k < 5; k++) {
            assertEquals(order[k], guess.topIds()[k]);
            assertEquals(Math.exp(logits[order[k]] - max) / sum, guess.topProbabilities()[k], 1e-5);
        }
        assertEquals(vocabulary.id(passage.codePointAt(step + 1)), guess.trueNextId());
    }

    @Test
    void aSymbolTheModelNeverSawIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Probe.run(model, vocabulary, "Where? 😀"));
        assertTrue(e.getMessage().contains("😀"), e.getMessage());
    }

    /**
     * The promise: on the project's generated text, with its nested brackets and quoted
     * strings, a small model grows a neuron that tracks one of them within a few hundred iterations.
     */
    @Test
    void aSmallModelTrainedOnTheStructuredTextGrowsAQuoteOrBracketNeuron() throws Exception {
        String structured = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 40_000);
        Corpus corpus = Corpus.of(new BookReader().read("structured.txt", structured.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                TextOptions.defaults(), 1000);
        LstmConfig config = new LstmConfig(corpus.vocabulary().size(), 1, 64, 0, 0, Precision.FLOAT);
        TrainingConfig training = TrainingConfig.defaults().withBatch(50, 32).withOptimizer(OptimizerConfig.adam(0.02))
                .withSeed(7).withIntervals(50, 0).withLimits(ITERATIONS, 0);
        Trainer trainer = new Trainer(config, training, new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation()));
        trainer.start();
        assertTrue(trainer.awaitStop(5, TimeUnit.MINUTES) != null, "training finished");
        CharLstm trained = trainer.finalRun().newModel();

        String passage = corpus.vocabulary().decode(Arrays.copyOf(corpus.validation(), 3000));
        Probe.Result result = Probe.run(trained, corpus.vocabulary(), passage);
        FeatureCorrelations correlations = FeatureCorrelations.compute(result.activations(), TextFeatures.of(passage));

        double quotes = Math.abs(correlations.top(TextFeature.INSIDE_QUOTES, 1).get(0).r());
        double brackets = Math.abs(correlations.top(TextFeature.BRACKET_DEPTH, 1).get(0).r());
        System.out.printf("best |r| after %d iterations: inside quotes %.3f (%s), bracket depth %.3f (%s)%n", ITERATIONS,
                quotes, correlations.top(TextFeature.INSIDE_QUOTES, 1).get(0).describe(), brackets,
                correlations.top(TextFeature.BRACKET_DEPTH, 1).get(0).describe());
        assertTrue(Math.max(quotes, brackets) >= 0.7, "quotes " + quotes + ", brackets " + brackets);
    }

    private static final int ITERATIONS = 1100;
}
