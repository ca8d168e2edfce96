package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --clamp} and {@code --ablate} on eval (and sample): what is echoed, what changes, what is refused. */
class HeldUnitCommandsTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "release-0.1");
    private static final String MODEL = FIXTURES.resolve("lstm-2x16-dropout.zip").toString();   // 2 × 16 LSTM
    private static final String TEXT = Path.of("sample-texts", "the-lighthouse-keepers.txt").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonObject json() {
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    @Test
    void evalWithAClampedAndAnAblatedUnitEchoesThemAndScoresDifferently() {
        assertEquals(ExitCode.OK, run("eval", MODEL, TEXT, "--json"), err.toString());
        double free = json().get("natsPerChar").getAsDouble();
        assertTrue(!json().has("clamps"), "nothing held, nothing echoed");

        assertEquals(ExitCode.OK, run("eval", MODEL, TEXT, "--json", "--clamp", "1:cell:3=4", "--ablate", "2:HIDDEN:5"),
                err.toString());
        JsonObject held = json();
        assertNotEquals(free, held.get("natsPerChar").getAsDouble(), "holding two units changes the loss");
        JsonArray clamps = held.getAsJsonArray("clamps");
        assertEquals(2, clamps.size());
        JsonObject clamp = clamps.get(0).getAsJsonObject();
        assertEquals(1, clamp.get("layer").getAsInt());
        assertEquals("cell", clamp.get("quantity").getAsString());
        assertEquals(3, clamp.get("unit").getAsInt());
        assertEquals(4.0, clamp.get("value").getAsDouble());
        assertEquals(false, clamp.get("ablated").getAsBoolean());
        JsonObject ablated = clamps.get(1).getAsJsonObject();
        assertEquals("hidden", ablated.get("quantity").getAsString());
        assertEquals(true, ablated.get("ablated").getAsBoolean());
        double mean = ablated.get("value").getAsDouble();
        assertTrue(mean > -1 && mean < 1 && mean != 0, "the unit's mean over the text: " + mean);

        assertEquals(ExitCode.OK, run("eval", MODEL, TEXT, "--clamp", "1:cell:3=4"));
        assertTrue(out.toString().contains("held 1:cell:3 at 4.0000"), out.toString());
    }

    @Test
    void sampleHeldAndFreeFromTheSameSeedDifferAndTheClampsAreEchoed() {
        assertEquals(ExitCode.OK, run("sample", MODEL, "--json", "--length", "200", "--seed", "3", "--prime", "The keeper"),
                err.toString());
        String free = json().get("text").getAsString();
        assertEquals(ExitCode.OK, run("sample", MODEL, "--json", "--length", "200", "--seed", "3", "--prime", "The keeper",
                "--clamp", "2:hidden:4=-1", "--clamp", "2:hidden:9=1", "--ablate", "1:cell:0"), err.toString());
        JsonObject held = json();
        assertNotEquals(free, held.get("text").getAsString(), "two hidden units of the top layer held change the text");
        assertTrue(held.get("text").getAsString().startsWith("The keeper"));
        JsonArray clamps = held.getAsJsonArray("clamps");
        assertEquals(3, clamps.size());
        assertEquals(true, clamps.get(2).getAsJsonObject().get("ablated").getAsBoolean());
        assertEquals(ExitCode.USAGE, run("sample", MODEL, "--ablate", "1:cell:0"));
        assertTrue(err.toString().contains("give a --prime"), err.toString());
        assertEquals(ExitCode.USAGE, run("sample", MODEL, "--clamp", "1:cell:99=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:gate:3=1", "3:cell:0=1", "0:cell:0=1", "1:cell:16=1", "1:hidden:0=1.5", "1:cell:0=NaN",
            "1:cell:0=Infinity", "1:cell:0", "cell:0=1"})
    void aClampThatCannotBeIsAUsageError(String clamp) {
        assertEquals(ExitCode.USAGE, run("eval", MODEL, TEXT, "--clamp", clamp), clamp + ": " + err);
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.contains("--clamp") || first.contains("unit") || first.contains("layer"),
                "the first line says what is wrong: " + err);
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void theSameUnitTwiceAGruCellAndABidirectionalModelAreRefused() {
        assertEquals(ExitCode.USAGE, run("eval", MODEL, TEXT, "--clamp", "1:cell:2=1", "--ablate", "1:cell:2"));
        assertTrue(err.toString().contains("1:cell:2 is held twice"), err.toString());
        assertEquals(ExitCode.USAGE, run("eval", FIXTURES.resolve("gru-1x24.zip").toString(), TEXT, "--clamp", "1:cell:2=1"));
        assertTrue(err.toString().contains("keeps no cell state"), err.toString());
        assertEquals(ExitCode.OK, run("eval", FIXTURES.resolve("gru-1x24.zip").toString(), TEXT, "--clamp", "1:hidden:2=1"),
                err.toString());
        assertEquals(ExitCode.BAD_INPUT, run("eval", FIXTURES.resolve("bidirectional-2x16.zip").toString(), TEXT,
                "--clamp", "1:hidden:2=1"));
    }
}
