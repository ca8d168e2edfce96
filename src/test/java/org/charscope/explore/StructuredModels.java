package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.charscope.app.cli.CharScopeCommand;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;

/**
 * Small models trained on the generated structured text through the command line, as the tests
 * that tell a story about a unit need them: {@code train} with one layer, Adam at 0.02, no dropout,
 * 32 sequences of 50 characters, on the generator's default seed.
 */
public final class StructuredModels {

    private StructuredModels() {
    }

    /** 1 × 64, 800 iterations, seed 7, on 30,000 characters: a quote unit at r ≈ 0.8 to 0.99, in a few seconds. */
    public static TrainingRun quoteModel(Path dir) throws Exception {
        return train(dir, 30_000, 64, 7, 800);
    }

    /** Trains into {@code dir/structured.zip} and reads it back; fails the test if {@code train} fails. */
    public static TrainingRun train(Path dir, int characters, int hidden, long seed, int iterations) throws Exception {
        Path text = Files.writeString(dir.resolve("structured.txt"),
                StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, characters));
        Path model = dir.resolve("structured.zip");
        StringWriter err = new StringWriter();
        int status = CharScopeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                text.toString(), "--out", model.toString(), "--layers", "1", "--hidden", String.valueOf(hidden),
                "--seq", "50", "--batch", "32", "--lr", "0.02", "--dropout", "0", "--seed", String.valueOf(seed),
                "--iterations", String.valueOf(iterations), "--evaluate-every", "0", "--report-every", String.valueOf(iterations));
        assertEquals(0, status, err.toString());
        return Checkpoint.read(model);
    }
}
