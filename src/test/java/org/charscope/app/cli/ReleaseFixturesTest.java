package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.charscope.train.Checkpoint;
import org.charscope.train.Evaluation;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingRun;
import org.charscope.ui.session.SavedSession;
import org.charscope.ui.session.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints and a session written by the release before the engine's redesign (issue 17), kept in
 * {@code src/test/resources/fixtures/release-0.1} with the commands that made them ({@code make.sh}):
 * they still open, sample the same text, resume, and training them again from scratch with the new
 * engine gives the same losses and weights.
 *
 * <p>Sampled text must match exactly. Losses and weights of a run trained again are compared within
 * a tolerance rather than bit for bit: OpenBLAS picks its kernels by CPU, so another machine may
 * round the last bit of a product differently (on the machine that made the fixtures they agree bit
 * for bit: docs/engine-performance.md).
 */
class ReleaseFixturesTest {

    private static final Path FIXTURES = fixtures();
    private static final Path TEXT = Path.of("sample-texts/the-lighthouse-keepers.txt");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lstm-2x16-dropout", "gru-1x24", "rnn-2x16", "words-1x16", "bidirectional-2x16",
            "window-cosine-2x16"})
    void anOldCheckpointSamplesTheTextItSampledBefore(String model) throws IOException {
        String expected = Files.readString(FIXTURES.resolve(model + ".sample-seed1.txt"), StandardCharsets.UTF_8);

        String sampled = cli(ExitCode.OK, "sample", FIXTURES.resolve(model + ".zip").toString(), "--length", "300",
                "--seed", "1");

        assertEquals(expected, sampled);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "lstm-2x16-dropout.zip --iterations 60 --layers 2 --hidden 16 --seq 20 --batch 8 --dropout 0.1 --seed 5 --evaluate-every 30",
        "gru-1x24.zip --cell gru --iterations 40 --layers 1 --hidden 24 --seq 20 --batch 8 --seed 6 --evaluate-every 40",
        "rnn-2x16.zip --cell rnn --iterations 40 --layers 2 --hidden 16 --seq 20 --batch 8 --seed 7 --evaluate-every 40",
        "words-1x16.zip --tokens words --words 300 --iterations 40 --layers 1 --hidden 16 --seq 20 --batch 8 --seed 8 --evaluate-every 40",
        "bidirectional-2x16.zip --mode window --window 24 --bidirectional --iterations 40 --layers 2 --hidden 16 --batch 8 --seed 9 --evaluate-every 40",
        "window-cosine-2x16.zip --mode window --window 24 --schedule cosine --iterations 40 --layers 2 --hidden 16 --batch 8 --seed 10 --evaluate-every 40"
    })
    void trainingAgainFromScratchRepeatsTheOldRun(String commandLine) throws Exception {
        String[] words = commandLine.split(" ");
        Path retrained = dir.resolve(words[0]);
        List<String> args = new ArrayList<>(List.of("train", TEXT.toString(), "--out", retrained.toString(),
                "--report-every", "1000"));
        args.addAll(List.of(words).subList(1, words.length));
        cli(ExitCode.OK, args.toArray(String[]::new));

        assertSameRun(Checkpoint.read(FIXTURES.resolve(words[0])), Checkpoint.read(retrained));
    }

    @Test
    void anOldCheckpointResumesWhereTheOldReleaseResumedIt() throws Exception {
        Path resumed = dir.resolve("resumed.zip");
        cli(ExitCode.OK, "train", TEXT.toString(), "--resume", FIXTURES.resolve("lstm-2x16-dropout.zip").toString(),
                "--out", resumed.toString(), "--iterations", "80", "--report-every", "1000", "--evaluate-every", "30");

        TrainingRun now = Checkpoint.read(resumed);
        assertEquals(80, now.iteration());
        assertSameRun(Checkpoint.read(FIXTURES.resolve("lstm-2x16-dropout-resumed.zip")), now);
    }

    @Test
    void anOldSessionOpensWithItsSettingsHistoryAndSamples() {
        StringBuilder problem = new StringBuilder();

        SavedSession session = new SessionStore(FIXTURES.resolve("session")).load(problem).orElseThrow(
                () -> new AssertionError("the old session did not open: " + problem));

        assertEquals(2, session.settings().layers());
        assertEquals(16, session.settings().hidden());
        assertEquals(0.1, session.settings().dropout());
        assertEquals(RunSettings.DEFAULT_SNAPSHOT_EVERY, session.settings().snapshotEvery(),
                "a session from before snapshots keeps them at the default schedule");
        assertEquals(60, session.lastIteration());
        assertEquals(2, session.validation().length);
        assertEquals("The lighthouse \"keeper\" ü", session.samples().get(0).text());
    }

    private static void assertSameRun(TrainingRun before, TrainingRun after) {
        assertEquals(before.iteration(), after.iteration());
        assertEquals(before.model(), after.model());
        assertEquals(before.losses().length, after.losses().length);
        for (int i = 0; i < before.losses().length; i++) {
            assertClose(before.losses()[i], after.losses()[i], 1e-5, "loss of iteration " + (i + 1));
        }
        assertEquals(before.evaluations().size(), after.evaluations().size());
        for (int i = 0; i < before.evaluations().size(); i++) {
            Evaluation old = before.evaluations().get(i);
            Evaluation now = after.evaluations().get(i);
            assertEquals(old.iteration(), now.iteration());
            assertClose(old.natsPerSymbol(), now.natsPerSymbol(), 1e-5, "validation at " + old.iteration());
        }
        float[] oldWeights = before.parameters();
        float[] newWeights = after.parameters();
        assertEquals(oldWeights.length, newWeights.length);
        double worst = 0;
        for (int i = 0; i < oldWeights.length; i++) {
            worst = Math.max(worst, Math.abs(oldWeights[i] - newWeights[i]));
        }
        assertTrue(worst < 1e-4, "weights differ by up to " + worst);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * Math.abs(expected),
                what + ": " + actual + " where the old release had " + expected);
    }

    private static String cli(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expected, status, "exit status of " + String.join(" ", args) + "\n" + err);
        return out.toString();
    }

    private static Path fixtures() {
        try {
            return Path.of(ReleaseFixturesTest.class.getResource("/fixtures/release-0.1/make.sh").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
