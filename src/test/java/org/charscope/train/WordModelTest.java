package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.text.SymbolCosts;
import org.charscope.text.TextOptions;
import org.charscope.text.WordCorpus;
import org.charscope.text.WordVocabulary;
import org.junit.jupiter.api.Test;

/** A word model through the engine: it learns, and its losses are counted per character honestly. */
class WordModelTest {

    private static final long WAIT_SECONDS = 60;

    /** Sentences of common words, and now and then a made-up name seen once (unknown to the model). */
    static WordCorpus corpus() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        String[] subjects = {"The cat", "A dog", "The keeper", "Nell"};
        String[] verbs = {" sat", " ran", " lit", " saw"};
        String[] objects = {" the lamp", " a boat", " the mat", " the sea"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 30_000) {
            text.append(subjects[random.nextInt(4)]).append(verbs[random.nextInt(4)]).append(objects[random.nextInt(4)]);
            if (random.nextInt(8) == 0) {
                text.append(" with ").append((char) ('A' + random.nextInt(26))).append("x").append(random.nextInt(100_000));
            }
            text.append(random.nextInt(3) == 0 ? ".\n" : ". ");
        }
        return WordCorpus.of(text.toString(), "sentences", TextOptions.defaults(), 200, 1000);
    }

    static TrainingData data(WordCorpus corpus) {
        return new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation(), corpus.validationCosts());
    }

    static LstmConfig model(TrainingData data) {
        return new LstmConfig(data.vocabulary().size(), 1, 32, 16, 0, Precision.FLOAT);
    }

    @Test
    void aWordModelLearnsAndScoresPerCharacterBelowPerWord() throws Exception {
        TrainingData data = data(corpus());
        TrainingConfig config = TrainerTest.config().withBatch(10, 8).withIntervals(10, 50).withLimits(150, 0);
        Trainer trainer = new Trainer(model(data), config, data);
        TrainerTest.Recorder recorder = new TrainerTest.Recorder();
        trainer.addListener(recorder);
        trainer.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS).reason());
        double first = recorder.progress.get(0).loss();
        double last = recorder.progress.get(recorder.progress.size() - 1).loss();
        assertTrue(last < first * 0.6, "loss per word falls: " + first + " → " + last);
        Evaluation end = trainer.finalRun().evaluations().get(trainer.finalRun().evaluations().size() - 1);
        double charactersPerWord = data.charactersPerSymbol();
        assertTrue(charactersPerWord > 3 && charactersPerWord < 6, "words here are 3 to 6 characters: " + charactersPerWord);
        // per character is per word spread over the characters, plus the unknown names' spelling
        assertTrue(end.natsPerCharacter() > end.natsPerSymbol() / charactersPerWord,
                end.natsPerCharacter() + " vs " + end.natsPerSymbol() / charactersPerWord);
        assertTrue(end.natsPerCharacter() < end.natsPerSymbol(), end.toString());
    }

    @Test
    void perCharacterCountsEveryPredictedSymbolOnceAndNoOther() throws Exception {
        TrainingData data = data(corpus());
        CharLstm model = new CharLstm(model(data), 3);
        int[] ids = Arrays.copyOf(data.validation(), 1001);
        int n = ids.length;
        double[] plain = Evaluator.meanLoss(model, ids, 10, 7);
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        double[] extraOne = new double[n];
        Arrays.fill(extraOne, 1.0);
        // an extra nat on every symbol: exactly one more per predicted symbol
        double[] withExtra = Evaluator.meanLoss(model, ids, 10, 7, new SymbolCosts(ones, extraOne));
        assertEquals(plain[0] + 1, withExtra[2], 1e-9);
        assertEquals(plain[1], withExtra[3]);
        // the first symbol is never predicted, nor are the ones left over at the end
        double[] onlyFirst = new double[n];
        onlyFirst[0] = 1000;
        onlyFirst[n - 1] = 1000;   // (1000 symbols to predict in 7 rows: 142 each, the last 6 left out)
        assertEquals(plain[0], Evaluator.meanLoss(model, ids, 10, 7, new SymbolCosts(ones, onlyFirst))[2], 1e-9);
        // two characters a symbol halve the loss per character
        int[] twos = new int[n];
        Arrays.fill(twos, 2);
        assertEquals(plain[0] / 2, Evaluator.meanLoss(model, ids, 10, 7, new SymbolCosts(twos, new double[n]))[2], 1e-9);
        // windows: only the symbol after each window is scored
        double[] windows = Evaluator.meanLossOfWindows(model, ids, 12, 5);
        assertEquals(windows[0] + 1, Evaluator.meanLossOfWindows(model, ids, 12, 5, new SymbolCosts(ones, extraOne))[2], 1e-9);
        double[] before = new double[n];
        Arrays.fill(before, 0, 12, 1000);   // inside the first window, never scored
        assertEquals(windows[0], Evaluator.meanLossOfWindows(model, ids, 12, 5, new SymbolCosts(ones, before))[2], 1e-9);
    }

    @Test
    void aWordRunResumesOnlyOnTheSameWords() throws Exception {
        WordCorpus corpus = corpus();
        TrainingData data = data(corpus);
        Trainer trainer = new Trainer(model(data), TrainerTest.config().withLimits(3, 0), data);
        trainer.start();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        TrainingRun run = trainer.finalRun();
        assertTrue(run.readsWords());
        assertEquals(0, run.codePoints().length);
        Trainer.resume(run, TrainerTest.config().withLimits(4, 0), data(corpus()));   // rebuilt from the same text: the same words
        TrainingData characters = TrainerTest.data();
        assertThrows(IllegalArgumentException.class, () -> Trainer.resume(run, TrainerTest.config(), characters));
        WordVocabulary words = (WordVocabulary) run.vocabulary();
        assertEquals(data.vocabulary(), words);
    }
}
