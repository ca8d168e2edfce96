package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.charscope.model.PlantedQuoteUnit;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurons --match}: a planted unit found with its scores, the JSON, and what is refused. */
class FeatureMatchCommandTest {

    private static final String INSIDE_QUOTES = "\"[^\"\\n]*\"";
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "release-0.1");

    @TempDir
    static Path dir;

    private static String text;
    private static String model;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A 1 × 16 LSTM saved by train over the generated register, then its unit 5 made an inside-quotes flip-flop. */
    @BeforeAll
    static void saveAModelWithAPlantedQuoteUnit() throws Exception {
        Path file = Files.writeString(dir.resolve("register.txt"),
                StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 30_000));
        text = file.toString();
        Path trained = dir.resolve("trained.zip");
        assertEquals(ExitCode.OK, CharScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "train", text, "--out", trained.toString(), "--layers", "1", "--hidden", "16", "--iterations", "1",
                "--seed", "3"));
        TrainingRun r = Checkpoint.read(trained);
        Vocabulary vocabulary = (Vocabulary) r.vocabulary();
        float[] planted = PlantedQuoteUnit.plant(r.model(), r.parameters(), vocabulary.id('"'), vocabulary.id('\n'));
        Path plantedFile = dir.resolve("planted.zip");
        Checkpoint.write(plantedFile, new TrainingRun(r.model(), r.optimizerConfig(), r.seqLength(), r.batchSize(),
                r.seed(), r.vocabulary(), r.iteration(), r.batchPosition(), r.epoch(), r.learningRateScale(),
                r.optimizerSteps(), r.trainingMillis(), r.losses(), r.evaluations(), planted, r.firstMoment(),
                r.secondMoment(), r.hiddenState(), r.windowed()));
        model = plantedFile.toString();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void assertOneLine(String start) {
        String said = err.toString();
        assertTrue(said.startsWith(start), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    @Test
    void matchRecoversThePlantedUnitAndWritesItsScores() {
        assertEquals(ExitCode.OK, run("neurons", model, text, "--match", INSIDE_QUOTES, "--json"), err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("planted.zip", json.get("model").getAsString());
        assertEquals(INSIDE_QUOTES, json.get("regex").getAsString());
        assertTrue(json.get("text").getAsString().contains("register"), json.toString());
        int validation = json.get("validationCharacters").getAsInt();
        int positives = json.get("positives").getAsInt();
        assertTrue(validation > 2_900 && validation < 3_200, "a tenth of the text, as train split it: " + validation);
        assertTrue(positives > validation / 5 && positives < validation / 2, "about a third inside quotes: " + positives);

        JsonArray units = json.getAsJsonArray("units");
        assertEquals(10, units.size(), "ten units unless --top says");
        JsonObject best = units.get(0).getAsJsonObject();
        assertEquals(1, best.get("layer").getAsInt());
        assertEquals("cell", best.get("quantity").getAsString());
        assertEquals(PlantedQuoteUnit.UNIT, best.get("unit").getAsInt());
        assertEquals("above", best.get("direction").getAsString());
        double threshold = best.get("threshold").getAsDouble();
        assertTrue(threshold > -1 && threshold < 1, "between its off −1 and on +1: " + threshold);
        double precision = best.get("precision").getAsDouble();
        double recall = best.get("recall").getAsDouble();
        double f1 = best.get("f1").getAsDouble();
        assertTrue(f1 >= 0.9, best.toString());
        assertEquals(2 * precision * recall / (precision + recall), f1, 1e-9);
        for (int i = 1; i < units.size(); i++) {
            assertTrue(units.get(i - 1).getAsJsonObject().get("f1").getAsDouble()
                    >= units.get(i).getAsJsonObject().get("f1").getAsDouble(), "by descending F1");
        }
    }

    @Test
    void theTextIsATableOfTopRows() {
        assertEquals(ExitCode.OK, run("neurons", model, text, "--match", INSIDE_QUOTES, "--top", "3"), err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(6, lines.length, out.toString());
        assertTrue(lines[0].startsWith("planted.zip on register.txt: /" + INSIDE_QUOTES + "/ holds at "), lines[0]);
        assertTrue(lines[2].contains("precision") && lines[2].contains("F1"), lines[2]);
        assertTrue(lines[3].matches("\\s+1\\s+cell\\s+5\\s+above\\s.*"), lines[3]);
    }

    @Test
    void anInvalidRegexIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("neurons", model, text, "--match", "\"[^\""));
        assertOneLine("--match: the regular expression \"[^\" is not valid: Unclosed character class");
    }

    @Test
    void aRegexThatMatchesNothingInTheValidationPartIsBadInput() {
        assertEquals(ExitCode.BAD_INPUT, run("neurons", model, text, "--match", "zebra"));
        assertOneLine("charscope neurons: /zebra/ on register.txt: the feature holds nowhere in the validation part");
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void aValidationFractionOutOfRangeOrWithoutMatchIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("neurons", model, text, "--match", INSIDE_QUOTES, "--validation", "0.7"));
        assertOneLine("--validation: the validation fraction must be between");
        assertEquals(ExitCode.USAGE, run("neurons", model, text, "--validation", "0.2"));
        assertOneLine("--validation goes with --match");
        assertEquals(ExitCode.USAGE, run("neurons", model, text, "--match", INSIDE_QUOTES, "--over-training"));
    }

    @Test
    void wordAndBidirectionalModelsAreRefusedAsNeuronsRefusesThem() {
        assertEquals(ExitCode.BAD_INPUT, run("neurons", FIXTURES.resolve("words-1x16.zip").toString(), text,
                "--match", INSIDE_QUOTES));
        assertOneLine("charscope neurons: words-1x16.zip reads words");
        assertEquals(ExitCode.BAD_INPUT, run("neurons", FIXTURES.resolve("bidirectional-2x16.zip").toString(), text,
                "--match", INSIDE_QUOTES));
        assertOneLine("charscope neurons: bidirectional-2x16.zip is bidirectional");
    }
}
