package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code why}: the contributions of the characters before a guess, as JSON and text, and its refusals. */
class WhyCommandTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "release-0.1");
    private static final Path MODEL = FIXTURES.resolve("lstm-2x16-dropout.zip");   // learned the-lighthouse-keepers.txt

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path passage(int characters) throws Exception {
        String book = Files.readString(Path.of("sample-texts", "the-lighthouse-keepers.txt"), StandardCharsets.UTF_8);
        String cut = book.substring(0, book.offsetByCodePoints(0, characters));
        return Files.writeString(dir.resolve("passage.txt"), cut, StandardCharsets.UTF_8);
    }

    @Test
    void explainsTheGuessAfterPositionNFromTheTwoHundredCharactersBeforeIt() throws Exception {
        Path file = passage(300);
        int[] text = Files.readString(file, StandardCharsets.UTF_8).codePoints().toArray();
        assertEquals(ExitCode.OK, run("why", MODEL.toString(), "--text-file", file.toString(), "--at", "250",
                "--occlusion", "--json"), err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("lstm-2x16-dropout.zip", json.get("model").getAsString());
        assertEquals(250, json.get("at").getAsInt());
        assertEquals(51, json.get("from").getAsInt(), "200 characters: 51 to 250");
        assertEquals(Character.toString(text[251]), json.get("target").getAsString());
        double p = json.get("probability").getAsDouble();
        assertTrue(p > 0 && p < 1, "a probability: " + p);
        JsonArray rows = json.getAsJsonArray("contributions");
        assertEquals(200, rows.size());
        double largest = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals(51 + i, row.get("position").getAsInt(), "in position order");
            assertEquals(Character.toString(text[51 + i]), row.get("char").getAsString());
            assertTrue(Double.isFinite(row.get("score").getAsDouble()));
            assertTrue(Double.isFinite(row.get("occlusion").getAsDouble()), "--occlusion adds its column");
            largest = Math.max(largest, Math.abs(row.get("score").getAsDouble()));
        }
        assertTrue(largest > 1e-4, "something contributed: " + largest);
    }

    @Test
    void theFirstCharacterAloneAndTheTextOutput() throws Exception {
        assertEquals(ExitCode.OK, run("why", MODEL.toString(), "--text", "the keeper", "--at", "0", "--json"));
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(0, json.get("from").getAsInt());
        assertEquals(1, json.getAsJsonArray("contributions").size());
        assertTrue(!json.getAsJsonArray("contributions").get(0).getAsJsonObject().has("occlusion"),
                "no occlusion column unless asked for");
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, run("why", MODEL.toString(), "--text", "the keeper lit the lamp", "--at", "9"));
        assertTrue(out.toString().startsWith("lstm-2x16-dropout.zip: p(space next) = "), out.toString());
        assertTrue(out.toString().contains("strongest contributions"), out.toString());
    }

    @Test
    void refusesAPositionOutsideTheTextAnUnseenCharacterAndModelsItCannotRead() {
        assertEquals(ExitCode.USAGE, run("why", MODEL.toString(), "--text", "the keeper", "--at", "9"));
        assertTrue(err.toString().contains("--at must be 0 to 8"), err.toString());
        assertEquals(ExitCode.USAGE, run("why", MODEL.toString(), "--text", "the keeper", "--at", "-1"));
        assertEquals(ExitCode.USAGE, run("why", MODEL.toString(), "--at", "3"));   // no text
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.BAD_INPUT, run("why", MODEL.toString(), "--text", "the \u2603 keeper", "--at", "6"));
        assertTrue(err.toString().startsWith("charscope why: the model never saw \u2603"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.BAD_INPUT, run("why", FIXTURES.resolve("words-1x16.zip").toString(), "--text", "the keeper",
                "--at", "3"));
        assertTrue(err.toString().contains("reads words"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.BAD_INPUT, run("why", FIXTURES.resolve("bidirectional-2x16.zip").toString(), "--text",
                "the keeper", "--at", "3"));
        assertTrue(err.toString().contains("bidirectional"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.BAD_INPUT, run("why", dir.resolve("missing.zip").toString(), "--text", "the keeper",
                "--at", "3"));
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
    }
}
