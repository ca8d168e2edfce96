package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model saved from a run reopens and writes the same text as the live one for the same seed. */
class SavedModelSamplesTest {

    @TempDir
    Path dir;

    @Test
    void reopenedModelSamplesTheSameText() throws Exception {
        String text = "the keeper lit the lamp and the boat came home. ".repeat(60);
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        int split = ids.length * 9 / 10;
        TrainingData data = new TrainingData(vocabulary, java.util.Arrays.copyOf(ids, split),
                java.util.Arrays.copyOfRange(ids, split, ids.length));
        Trainer trainer = new Trainer(new LstmConfig(vocabulary.size(), 1, 24, 0, 0, Precision.FLOAT),
                TrainingConfig.defaults().withBatch(16, 4).withOptimizer(OptimizerConfig.adam(0.01)).withSeed(3)
                        .withIntervals(10, 0), data);
        trainer.start(true);
        trainer.step().get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 30; i++) {
            trainer.step().get(30, TimeUnit.SECONDS);
        }
        SampleSettings settings = SampleSettings.defaults().withLength(120).withTemperature(0.7).withSeed(42);
        String live = trainer.sample("the ", settings, null).get(30, TimeUnit.SECONDS);
        Path file = trainer.saveCheckpoint(dir.resolve("model.zip")).get(30, TimeUnit.SECONDS);
        trainer.stop();
        assertNotNull(trainer.awaitStop(30, TimeUnit.SECONDS));

        TrainingRun reopened = Checkpoint.read(file);
        String fromFile = reopened.vocabulary().decode(Sampler.sample(reopened.newModel(),
                reopened.vocabulary().encode("the "), settings, null));

        assertEquals(live, fromFile);
        assertEquals(31, reopened.iteration(), "one step, then thirty");
    }
}
