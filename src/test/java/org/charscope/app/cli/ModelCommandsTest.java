package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, sample, eval, neurons and bench on the command line: outputs, JSON and exit codes. */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    private static Path text;
    private static Path model;
    private static String trainOutput;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String[] run(StringWriter out, StringWriter err, int expected, String... args) {
        int status = CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expected, status, "exit status of " + String.join(" ", args) + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @BeforeAll
    static void trainATinyModel() throws Exception {
        text = Files.writeString(dir.resolve("harbour.txt"),
                "\"Is the boat in?\" asked Nell. (It was.) The keeper lit the lamp at six.\n".repeat(120));
        model = dir.resolve("tiny.zip");
        trainOutput = run(new StringWriter(), new StringWriter(), ExitCode.OK, "train", text.toString(),
                "--out", model.toString(), "--layers", "1", "--hidden", "16", "--seq", "12", "--batch", "4",
                "--iterations", "40", "--report-every", "10", "--evaluate-every", "20", "--seed", "5")[0];
    }

    @Test
    void trainPrintsProgressAndValidationAndSavesTheModel() throws Exception {
        assertTrue(trainOutput.contains("iter      40"), trainOutput);
        assertTrue(trainOutput.contains("validation at iteration 20:"), trainOutput);
        assertTrue(trainOutput.contains("reached 40 iterations; saved"), trainOutput);
        assertTrue(Files.size(model) > 0);
    }

    @Test
    void trainRefusesAnOutputItCouldNeverWriteBeforeTraining() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        String[] said = run(out, err, ExitCode.BAD_INPUT, "train", text.toString(), "--out",
                notAFolder.resolve("model.zip").toString(), "--layers", "1", "--hidden", "16", "--iterations", "5");
        assertTrue(said[1].startsWith("charscope train: cannot save to "), said[1]);
        assertEquals(1, said[1].strip().lines().count(), "one line: " + said[1]);
        assertFalse(said[0].contains("iter "), "nothing was trained: " + said[0]);
    }

    @Test
    void trainResumesASavedRun() {
        Path more = dir.resolve("more.zip");
        String output = run(out, err, ExitCode.OK, "train", text.toString(), "--out", more.toString(), "--resume",
                model.toString(), "--iterations", "50", "--report-every", "5")[0];
        assertTrue(output.contains("resuming at iteration 40"), output);
        assertTrue(output.contains("iter      45"), output);
        assertTrue(output.contains("reached 50 iterations"), output);
    }

    @Test
    void sampleIsTheSameForTheSameSeedAndStartsWithThePrime() {
        String first = run(out, err, ExitCode.OK, "sample", model.toString(), "--length", "60", "--prime", "The ",
                "--seed", "9")[0];
        String second = run(new StringWriter(), new StringWriter(), ExitCode.OK, "sample", model.toString(),
                "--length", "60", "--prime", "The ", "--seed", "9")[0];
        assertEquals(first, second);
        assertTrue(first.startsWith("The "), first);
        assertEquals("The ".length() + 60 + 1, first.length(), "the prime, 60 characters and a line end: " + first);
    }

    @Test
    void aGruTrainedOnTheCommandLineIsSavedAsAGruAndSamples() throws Exception {
        Path gru = dir.resolve("gru.zip");
        String output = run(out, err, ExitCode.OK, "train", text.toString(), "--out", gru.toString(), "--cell", "gru",
                "--layers", "1", "--hidden", "16", "--seq", "12", "--batch", "4", "--iterations", "20",
                "--evaluate-every", "10")[0];
        assertTrue(output.contains("1 × 16 GRU, seq 12"), output);
        assertEquals(org.charscope.model.Cell.GRU, org.charscope.train.Checkpoint.read(gru).model().cell());
        String sample = run(new StringWriter(), new StringWriter(), ExitCode.OK, "sample", gru.toString(), "--length", "30",
                "--seed", "2")[0];
        assertEquals(31, sample.length(), sample);
    }

    @Test
    void aCosineScheduleIsSavedWithTheModelAndNeedsToKnowWhereItEnds() throws Exception {
        Path cosine = dir.resolve("cosine.zip");
        run(out, err, ExitCode.OK, "train", text.toString(), "--out", cosine.toString(), "--layers", "1", "--hidden", "16",
                "--seq", "12", "--batch", "4", "--iterations", "10", "--schedule", "cosine", "--decay-iterations", "300");
        var optimizer = org.charscope.train.Checkpoint.read(cosine).optimizerConfig();
        assertEquals(org.charscope.model.LearningRateSchedule.cosine(300, 0.1), optimizer.schedule());
        assertEquals(0.1 * optimizer.learningRate(), optimizer.learningRate(300), 1e-12, "the floor: a tenth of the rate");
        run(new StringWriter(), new StringWriter(), ExitCode.OK, "train", text.toString(), "--out", cosine.toString(),
                "--layers", "1", "--hidden", "16", "--iterations", "5", "--schedule", "cosine");
        assertEquals(org.charscope.model.LearningRateSchedule.cosine(5, 0.1),
                org.charscope.train.Checkpoint.read(cosine).optimizerConfig().schedule(), "over --iterations when not told");
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                cosine.toString(), "--minutes", "1", "--schedule", "cosine")[1].contains("needs --decay-iterations"));
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                cosine.toString(), "--decay-iterations", "9")[1].contains("--decay-iterations needs --schedule cosine"));
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                cosine.toString(), "--schedule", "sideways")[1].contains("--schedule must be constant, step or cosine"));
    }

    @Test
    void windowedTrainingIsSavedAsSuchAndResumesInItsMode() throws Exception {
        Path windows = dir.resolve("windows.zip");
        String output = run(out, err, ExitCode.OK, "train", text.toString(), "--out", windows.toString(), "--mode", "window",
                "--window", "12", "--layers", "1", "--hidden", "16", "--batch", "8", "--iterations", "20",
                "--evaluate-every", "10")[0];
        assertTrue(output.contains("1 × 16, windows of 12, batch 8"), output);
        assertTrue(org.charscope.train.Checkpoint.read(windows).windowed());
        String more = run(new StringWriter(), new StringWriter(), ExitCode.OK, "train", text.toString(), "--out",
                dir.resolve("windows-more.zip").toString(), "--resume", windows.toString(), "--iterations", "25")[0];
        assertTrue(more.contains("windows of 12") && more.contains("reached 25 iterations"), more);
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                windows.toString(), "--window", "12")[1].contains("--window needs --mode window"));
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                windows.toString(), "--mode", "sideways")[1].contains("--mode must be stateful or window, not 'sideways'"));
    }

    @Test
    void aWordModelTrainsSamplesWordsAndIsScoredPerCharacter() throws Exception {
        Path words = dir.resolve("words.zip");
        String output = run(out, err, ExitCode.OK, "train", text.toString(), "--out", words.toString(), "--tokens", "words",
                "--layers", "1", "--hidden", "16", "--seq", "8", "--batch", "4", "--iterations", "30",
                "--report-every", "10", "--evaluate-every", "30", "--seed", "5")[0];
        assertTrue(output.contains("words and marks") && output.contains("words/s"), output);
        assertTrue(output.contains("validation at iteration 30:"), output);
        String sample = run(new StringWriter(), new StringWriter(), ExitCode.OK, "sample", words.toString(), "--length", "12",
                "--seed", "2", "--prime", "The keeper")[0];
        assertTrue(sample.startsWith("The keeper") && sample.length() > "The keeper".length() + 12, sample);
        JsonObject eval = JsonParser.parseString(run(new StringWriter(), new StringWriter(), ExitCode.OK, "eval",
                words.toString(), text.toString(), "--json")[0]).getAsJsonObject();
        assertEquals("words", eval.get("tokens").getAsString());
        assertTrue(eval.get("words").getAsLong() * 3 < eval.get("characters").getAsLong(), eval.toString());
        assertTrue(eval.get("natsPerChar").getAsDouble() < eval.get("natsPerWord").getAsDouble(), eval.toString());
        String[] neurons = run(new StringWriter(), new StringWriter(), ExitCode.BAD_INPUT, "neurons", words.toString(),
                text.toString());
        assertTrue(neurons[1].contains("reads words"), neurons[1]);
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                words.toString(), "--tokens", "bytes")[1].contains("--tokens must be chars or words"));
    }

    @Test
    void compareSetsCharactersBesideWordsPerCharacter() {
        JsonObject json = JsonParser.parseString(run(out, err, ExitCode.OK, "compare", text.toString(), "--cells", "lstm",
                "--tokens", "chars,words", "--iterations", "20", "--evaluate-every", "10", "--json")[0]).getAsJsonObject();
        var models = json.getAsJsonArray("models");
        assertEquals(2, models.size());
        assertEquals("chars", models.get(0).getAsJsonObject().get("tokens").getAsString());
        JsonObject words = models.get(1).getAsJsonObject();
        assertEquals("words", words.get("tokens").getAsString());
        assertTrue(words.get("name").getAsString().contains("words"), words.get("name").getAsString());
        double bits = words.get("bestBitsPerChar").getAsDouble();
        assertTrue(bits > 0 && bits < 8, "bits per character of the text, not per word: " + bits);
    }

    @Test
    void compareRunsEachCellInEachMode() {
        String json = run(out, err, ExitCode.OK, "compare", text.toString(), "--cells", "lstm", "--modes",
                "stateful,window", "--window", "20", "--iterations", "10", "--evaluate-every", "5", "--json")[0];
        var models = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("models");
        assertEquals(2, models.size());
        assertEquals("stateful", models.get(0).getAsJsonObject().get("mode").getAsString());
        assertEquals("window", models.get(1).getAsJsonObject().get("mode").getAsString());
        assertTrue(models.get(1).getAsJsonObject().get("name").getAsString().endsWith(" window 20"));
    }

    @Test
    void aBidirectionalModelTrainsOnWindowsSamplesAndIsComparedButNotExplored() throws Exception {
        Path both = dir.resolve("both.zip");
        String output = run(out, err, ExitCode.OK, "train", text.toString(), "--out", both.toString(), "--mode", "window",
                "--window", "12", "--bidirectional", "--layers", "2", "--hidden", "16", "--batch", "8", "--iterations", "20",
                "--evaluate-every", "10")[0];
        assertTrue(output.contains("2 × 16, bidirectional, windows of 12, batch 8"), output);
        assertTrue(output.contains("validation at iteration 20:"), output);
        assertTrue(org.charscope.train.Checkpoint.read(both).model().bidirectional());
        String first = run(new StringWriter(), new StringWriter(), ExitCode.OK, "sample", both.toString(), "--length", "30",
                "--seed", "2")[0];
        assertEquals(31, first.length(), first);
        assertEquals(first, run(new StringWriter(), new StringWriter(), ExitCode.OK, "sample", both.toString(), "--length",
                "30", "--seed", "2")[0]);
        JsonObject scored = JsonParser.parseString(run(new StringWriter(), new StringWriter(), ExitCode.OK, "eval",
                both.toString(), text.toString(), "--json")[0]).getAsJsonObject();
        assertEquals("after windows of 12", scored.get("scored").getAsString());
        double bits = scored.get("bitsPerChar").getAsDouble();
        assertTrue(bits > 0.5 && bits < 8, "the symbol after each window, not steps that see their targets: " + bits);
        String[] refused = run(new StringWriter(), new StringWriter(), ExitCode.BAD_INPUT, "neurons", both.toString(),
                text.toString());
        assertTrue(refused[1].contains("is bidirectional"), refused[1]);
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                both.toString(), "--bidirectional")[1].contains("--bidirectional needs --mode window"));
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "train", text.toString(), "--out",
                both.toString(), "--mode", "window", "--bidirectional", "--layers", "1")[1].contains("needs a second layer"));
        String json = run(new StringWriter(), new StringWriter(), ExitCode.OK, "compare", text.toString(), "--cells", "lstm",
                "--modes", "window,bidirectional", "--window", "12", "--iterations", "10", "--evaluate-every", "5", "--json")[0];
        var models = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("models");
        assertEquals("window", models.get(0).getAsJsonObject().get("mode").getAsString());
        JsonObject bi = models.get(1).getAsJsonObject();
        assertEquals("bidirectional", bi.get("mode").getAsString());
        assertTrue(bi.get("name").getAsString().endsWith(" bi-window 12"), bi.get("name").getAsString());
        assertTrue(bi.get("parameters").getAsLong() > models.get(0).getAsJsonObject().get("parameters").getAsLong(),
                "the backward cell and the wider second layer add weights");
    }

    @Test
    void anUnknownCellIsAUsageError() {
        String[] said = run(out, err, ExitCode.USAGE, "train", text.toString(), "--out", dir.resolve("x.zip").toString(),
                "--cell", "transformer");
        assertTrue(said[1].contains("--cell must be lstm, gru or rnn, not 'transformer'"), said[1]);
    }

    @Test
    void compareTrainsEachCellAtAboutTheLstmsParameterCountAndPrintsTheTable() {
        String json = run(out, err, ExitCode.OK, "compare", text.toString(), "--iterations", "30", "--evaluate-every", "10",
                "--json")[0];
        JsonObject top = JsonParser.parseString(json).getAsJsonObject();
        var models = top.getAsJsonArray("models");
        assertEquals(3, models.size());
        long lstmParameters = models.get(0).getAsJsonObject().get("parameters").getAsLong();
        for (var element : models) {
            JsonObject m = element.getAsJsonObject();
            assertEquals(30, m.get("iterations").getAsLong());
            double ratio = m.get("parameters").getAsDouble() / lstmParameters;
            assertTrue(ratio > 0.95 && ratio < 1.05, m.get("name") + " has " + ratio + " of the LSTM's parameters");
            var curve = m.getAsJsonArray("curve");
            assertEquals(3, curve.size(), "scores at 10, 20, 30: " + curve);
            assertEquals(java.util.List.of("iteration", "minutes", "bitsPerChar"),
                    java.util.List.copyOf(curve.get(0).getAsJsonObject().keySet()), "a point's fields, in order");
            double first = curve.get(0).getAsJsonObject().get("bitsPerChar").getAsDouble();
            double last = curve.get(2).getAsJsonObject().get("bitsPerChar").getAsDouble();
            assertTrue(last < first, m.get("name") + ": " + curve);
            assertEquals(m.get("bestBitsPerChar").getAsDouble(), Math.min(first, Math.min(last,
                    curve.get(1).getAsJsonObject().get("bitsPerChar").getAsDouble())), 1e-12);
            assertEquals(200, m.get("sample").getAsString().codePointCount(0, m.get("sample").getAsString().length()));
            var samples = m.getAsJsonArray("samples");
            assertEquals(3, samples.size(), "a sample at each score: " + samples);
            assertEquals(java.util.List.of("iteration", "text"),
                    java.util.List.copyOf(samples.get(0).getAsJsonObject().keySet()), "a sample's fields, in order");
            assertEquals(30, samples.get(2).getAsJsonObject().get("iteration").getAsLong());
            assertEquals(m.get("sample").getAsString(), samples.get(2).getAsJsonObject().get("text").getAsString());
        }
        assertEquals(java.util.List.of("lstm", "gru", "rnn"), java.util.List.of(models.get(0).getAsJsonObject().get("cell").getAsString(),
                models.get(1).getAsJsonObject().get("cell").getAsString(), models.get(2).getAsJsonObject().get("cell").getAsString()));

        String table = run(new StringWriter(), new StringWriter(), ExitCode.OK, "compare", text.toString(), "--cells", "rnn",
                "--iterations", "10", "--evaluate-every", "5")[0];
        assertTrue(table.contains("| model | parameters | iterations | chars/s | best val bits/char | at minute |"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("| rnn 2×")), table);
    }

    @Test
    void compareRefusesBadCellsAndBudgetsAsUsageAndMissingTextAsBadInput() {
        // issue 18: picocli parses the list now, and BadChoice words a bad element ("cell must be" came from Cell.parse)
        assertTrue(run(out, err, ExitCode.USAGE, "compare", text.toString(), "--cells", "lstm,tree", "--iterations", "5")[1]
                .contains("--cells: each must be lstm, gru or rnn, not 'tree'"));
        run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "compare", text.toString());
        run(new StringWriter(), new StringWriter(), ExitCode.USAGE, "compare", text.toString(), "--minutes", "0");
        String[] missing = run(new StringWriter(), new StringWriter(), ExitCode.BAD_INPUT, "compare",
                dir.resolve("nowhere.txt").toString(), "--iterations", "5");
        assertTrue(missing[1].startsWith("charscope compare: "), missing[1]);
    }

    @Test
    void evalGivesNatsBitsAndPerplexityAsJson() {
        JsonObject json = JsonParser.parseString(run(out, err, ExitCode.OK, "eval", model.toString(), text.toString(),
                "--json")[0]).getAsJsonObject();
        double nats = json.get("natsPerChar").getAsDouble();
        assertTrue(nats > 0 && nats < Math.log(30), "better than uniform: " + nats);
        assertEquals(nats / Math.log(2), json.get("bitsPerChar").getAsDouble(), 1e-9);
        assertEquals(Math.exp(nats), json.get("perplexity").getAsDouble(), 1e-9);
    }

    @Test
    void neuronsListsTheBestNeuronPerFeatureAsJson() {
        JsonObject json = JsonParser.parseString(run(out, err, ExitCode.OK, "neurons", model.toString(),
                text.toString(), "--chars", "2000", "--top", "2", "--json")[0]).getAsJsonObject();
        var findings = json.getAsJsonArray("findings");
        assertFalse(findings.isEmpty());
        var first = findings.get(0).getAsJsonObject();
        assertTrue(Math.abs(first.get("r").getAsDouble()) <= 1);
        assertEquals(1, first.get("layer").getAsInt());
        assertEquals(2000, json.get("characters").getAsInt());
    }

    @Test
    void benchMeasuresTheSmallWorkload() {
        JsonObject json = JsonParser.parseString(run(out, err, ExitCode.OK, "bench", "--workload", "W1",
                "--iterations", "5", "--json")[0]).getAsJsonObject();
        assertTrue(json.get("chars_per_s_median").getAsDouble() > 0, json.toString());
        assertTrue(json.get("sgemm_gflops").getAsDouble() > 0, json.toString());
    }

    @Test
    void badInputsExitThreeWithOneLine() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.zip"), new byte[] {1, 2, 3, 4, 5});
        String message = run(out, err, ExitCode.BAD_INPUT, "sample", garbage.toString())[1].strip();
        assertTrue(message.startsWith("charscope sample: garbage.zip"), message);
        assertFalse(message.contains("\n"), message);

        Path other = Files.writeString(dir.resolve("other.txt"), "Zebras quickly jump over lazy xylophones!\n".repeat(100));
        String unseen = run(new StringWriter(), new StringWriter(), ExitCode.BAD_INPUT, "eval", model.toString(),
                other.toString())[1];
        assertTrue(unseen.contains("never saw"), unseen);
        assertTrue(run(new StringWriter(), new StringWriter(), ExitCode.BAD_INPUT, "train", other.toString(), "--out",
                dir.resolve("x.zip").toString(), "--resume", model.toString(), "--iterations", "50")[1]
                .contains("vocabulary"));
    }

    @Test
    void usageMistakesExitTwo() {
        run(out, err, ExitCode.USAGE, "train", text.toString());
        run(out, err, ExitCode.USAGE, "sample", model.toString(), "--temperature", "0");
        run(out, err, ExitCode.USAGE, "train", text.toString(), "--out", "m.zip", "--hidden", "5000");
        run(out, err, ExitCode.USAGE, "train", text.toString(), "--out", "m.zip", "--iterations", "5", "--minutes", "1");
        run(out, err, ExitCode.USAGE, "bench", "--workload", "W9");
    }
}
