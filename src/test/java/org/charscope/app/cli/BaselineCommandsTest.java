package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yardsticks on the command line: {@code inspect --baseline} and {@code sample --json --training-text}. */
class BaselineCommandsTest {

    private static final String LINE = "\"Is the boat in?\" asked Nell. (It was.) The keeper lit the lamp at six.\n";

    @TempDir
    static Path dir;

    private static Path text;
    private static Path model;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private String run(int expected, String... args) {
        int status = CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expected, status, "exit status of " + String.join(" ", args) + "\n" + err);
        return out.toString();
    }

    @BeforeAll
    static void trainATinyModel() throws Exception {
        text = Files.writeString(dir.resolve("harbour.txt"), LINE.repeat(120));
        model = dir.resolve("tiny.zip");
        int status = CharScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "train", text.toString(), "--out", model.toString(), "--layers", "1", "--hidden", "32", "--seq", "24",
                "--batch", "8", "--lr", "0.01", "--iterations", "150", "--evaluate-every", "150", "--seed", "5");
        assertEquals(ExitCode.OK, status);
    }

    @Test
    void inspectBaselineAddsTheOrdersToTheJson() {
        JsonObject json = JsonParser.parseString(run(ExitCode.OK, "inspect", "--baseline", "--json", text.toString()))
                .getAsJsonObject();
        assertTrue(json.has("vocabularySize"), "the facts are still there");
        JsonObject baseline = json.getAsJsonObject("baseline");
        assertEquals("interpolated Kneser-Ney, D = 0.75", baseline.get("smoothing").getAsString());
        JsonArray orders = baseline.getAsJsonArray("orders");
        assertEquals(7, orders.size());
        for (int i = 0; i < orders.size(); i++) {
            JsonObject order = orders.get(i).getAsJsonObject();
            assertEquals(List.of("n", "natsPerChar", "bitsPerChar"), List.copyOf(order.keySet()));
            assertEquals(i + 1, order.get("n").getAsInt());
            double nats = order.get("natsPerChar").getAsDouble();
            assertEquals(nats / Math.log(2), order.get("bitsPerChar").getAsDouble(), 1e-12);
        }
        double unigram = orders.get(0).getAsJsonObject().get("natsPerChar").getAsDouble();
        double sevenGram = orders.get(6).getAsJsonObject().get("natsPerChar").getAsDouble();
        assertTrue(sevenGram < 0.1 && unigram > 2.5, "one sentence over and over: 7 characters predict the next");
    }

    @Test
    void inspectWithoutTheFlagFitsNothingAndTheTextReportHasATable() {
        assertFalse(run(ExitCode.OK, "inspect", "--json", text.toString()).contains("baseline"));
        String report = new BaselineCommandsTest().run(ExitCode.OK, "inspect", "--baseline", text.toString());
        assertTrue(report.contains("nats/char") && report.contains("bits/char") && report.contains("best"), report);
        assertEquals(8, report.lines().filter(l -> l.matches("\\s+(n|\\d)\\s+.*")).count(), "a header and 7 rows: " + report);
    }

    @Test
    void sampleJsonReportsTheCopiedRunsAgainstTheTrainingText() {
        String prime = "The keeper lit ";
        JsonObject json = JsonParser.parseString(run(ExitCode.OK, "sample", model.toString(), "--json", "--greedy",
                "--length", "150", "--prime", prime, "--training-text", text.toString())).getAsJsonObject();
        assertEquals(List.of("text", "prime", "characters", "copiedFraction", "copiedRuns"), List.copyOf(json.keySet()));
        String sampled = json.get("text").getAsString();
        assertTrue(sampled.startsWith(prime), "the text includes the prime: " + sampled);
        assertEquals(prime, json.get("prime").getAsString());
        assertEquals(150, json.get("characters").getAsInt());
        int copied = 0;
        int previousEnd = prime.length();
        for (JsonElement element : json.getAsJsonArray("copiedRuns")) {
            int start = element.getAsJsonArray().get(0).getAsInt();
            int end = element.getAsJsonArray().get(1).getAsInt();
            assertTrue(start >= previousEnd && end - start >= 20 && end <= sampled.length(), start + ", " + end);
            assertTrue(LINE.repeat(3).contains(sampled.substring(start, end)), "a run is in the book: " + sampled.substring(start, end));
            copied += end - start;
            previousEnd = end;
        }
        assertEquals(copied / 150.0, json.get("copiedFraction").getAsDouble(), 1e-12);
        assertTrue(copied > 75, "a greedy model of one repeated sentence recites it: " + sampled);
    }

    @Test
    void withoutATrainingTextTheCopiesAreNull() {
        JsonObject json = JsonParser.parseString(run(ExitCode.OK, "sample", model.toString(), "--json", "--length", "30",
                "--seed", "3")).getAsJsonObject();
        assertTrue(json.get("copiedFraction").isJsonNull());
        assertTrue(json.get("copiedRuns").isJsonNull());
        assertEquals(30, json.get("characters").getAsInt());
        assertEquals("", json.get("prime").getAsString());
    }

    @Test
    void plainSampleWithATrainingTextSaysTheShareOnStderr() {
        String sampled = run(ExitCode.OK, "sample", model.toString(), "--length", "40", "--seed", "3",
                "--training-text", text.toString());
        assertEquals(41, sampled.length(), "stdout is the sample and its line feed, as without the option");
        assertTrue(err.toString().startsWith("copied from the training text: "), err.toString());
    }

    @Test
    void aMissingTrainingTextIsBadInputAndABadSplitIsUsage() {
        run(ExitCode.BAD_INPUT, "sample", model.toString(), "--json", "--training-text", dir.resolve("gone.txt").toString());
        String message = err.toString().strip();
        assertTrue(message.startsWith("charscope sample: ") && message.contains("gone.txt"), message);
        assertEquals(1, message.lines().count(), message);
        new BaselineCommandsTest().run(ExitCode.USAGE, "sample", model.toString(), "--json", "--validation", "2",
                "--training-text", text.toString());
        new BaselineCommandsTest().run(ExitCode.BAD_INPUT, "inspect", "--baseline", dir.resolve("gone.txt").toString());
    }
}
