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
import java.util.ArrayList;
import java.util.List;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFolder;
import org.charscope.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --snapshot-every, the snapshots opened by sample, eval and neurons, and neurons --over-training. */
class SnapshotCommandsTest {

    @TempDir
    static Path dir;

    private static Path text;
    private static Path model;
    private static String trainOutput;

    private static String[] run(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expected, status, "exit status of " + String.join(" ", args) + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    private static String[] train(int expected, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", text.toString(), "--out", out.toString(), "--layers", "1",
                "--hidden", "16", "--seq", "12", "--batch", "4", "--report-every", "10", "--evaluate-every", "0",
                "--seed", "5"));
        args.addAll(List.of(more));
        return run(expected, args.toArray(String[]::new));
    }

    @BeforeAll
    static void trainWithSnapshots() {
        text = dir.resolve("harbour.txt");
        try {
            Files.writeString(text, "\"Is the boat in?\" asked Nell. (It was.) The keeper lit the lamp at six.\n".repeat(120));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model = dir.resolve("tiny.zip");
        trainOutput = train(ExitCode.OK, model, "--iterations", "70", "--snapshot-every", "30")[0];
    }

    @Test
    void trainKeepsSnapshotsBesideTheModelAndSaysWhere() throws Exception {
        SnapshotFolder folder = SnapshotFolder.beside(model);
        assertEquals(dir.resolve("tiny.snapshots").toAbsolutePath(), folder.path());
        assertEquals(List.of(0L, 25L, 30L, 60L, 70L), folder.list().stream().map(SnapshotEntry::iteration).toList());
        assertTrue(trainOutput.contains("snapshots every 30 iterations in " + folder.path() + " (at most 500 MB)"), trainOutput);
        assertTrue(trainOutput.contains("reached 70 iterations; saved " + model + "; 5 snapshots ("), trainOutput);
        for (SnapshotEntry snapshot : folder.list()) {
            assertTrue(Checkpoint.read(snapshot.file()).isSnapshot(), snapshot.file().toString());
        }
        assertFalse(Checkpoint.read(model).isSnapshot());
    }

    @Test
    void sampleEvalAndNeuronsOpenASnapshot() {
        String snapshot = SnapshotFolder.beside(model).fileFor(30).toString();
        assertEquals(41, run(ExitCode.OK, "sample", snapshot, "--length", "40", "--seed", "2")[0].length());
        assertTrue(run(ExitCode.OK, "eval", snapshot, text.toString())[0].contains("bits/char"));
        assertTrue(run(ExitCode.OK, "neurons", snapshot, text.toString(), "--chars", "300")[0].contains("inside quotes"));
    }

    @Test
    void aSnapshotIsNoRunToResume() {
        String[] said = train(ExitCode.BAD_INPUT, dir.resolve("resumed.zip"), "--resume",
                SnapshotFolder.beside(model).fileFor(60).toString(), "--iterations", "80");
        assertEquals("charscope train: iter-000000060.zip is a snapshot (weights only, without the optimizer's state); "
                + "resume from the model file instead", said[1].strip());
        assertFalse(said[0].contains("iter "), said[0]);
    }

    @Test
    void snapshotSettingsOutOfRangeAreUsageErrors() {
        Path out = dir.resolve("refused.zip");
        assertTrue(train(ExitCode.USAGE, out, "--snapshot-every", "0")[1].contains("--snapshot-every must be at least 1, not 0"));
        assertTrue(train(ExitCode.USAGE, out, "--snapshot-every", "10", "--snapshot-budget-mb", "0")[1]
                .contains("--snapshot-budget-mb must be at least 1, not 0"));
        assertTrue(train(ExitCode.USAGE, out, "--snapshot-budget-mb", "50")[1].contains("--snapshot-budget-mb needs --snapshot-every"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aSnapshotFolderThatCannotBeWrittenIsOneLineAndTrainingFinishes() throws Exception {
        Path out = dir.resolve("blocked.zip");
        Files.writeString(dir.resolve("blocked.snapshots"), "a file where the folder would go");

        String[] said = train(ExitCode.OK, out, "--iterations", "30", "--snapshot-every", "10");

        assertEquals("charscope train: could not save snapshot iter-000000000.zip (training goes on): "
                + "blocked.snapshots is a file, not a folder", said[1].strip());
        assertTrue(said[0].contains("reached 30 iterations; saved"), said[0]);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void neuronsOverTrainingReadsEachSnapshotThenTheModelInIterationOrder() {
        JsonObject json = JsonParser.parseString(run(ExitCode.OK, "neurons", model.toString(), text.toString(),
                "--over-training", "--chars", "400", "--top", "2", "--json")[0]).getAsJsonObject();

        assertEquals("tiny.zip", json.get("model").getAsString());
        assertEquals(400, json.get("characters").getAsInt());
        JsonArray snapshots = json.getAsJsonArray("snapshots");
        List<Long> iterations = new ArrayList<>();
        for (JsonElement snapshot : snapshots) {
            iterations.add(snapshot.getAsJsonObject().get("iteration").getAsLong());
            JsonArray findings = snapshot.getAsJsonObject().getAsJsonArray("findings");
            assertFalse(findings.isEmpty());
            JsonObject first = findings.get(0).getAsJsonObject();
            assertEquals("inside_quotes", first.get("feature").getAsString());
            assertEquals(1, first.get("layer").getAsInt(), "layers from 1");
            assertTrue(Math.abs(first.get("r").getAsDouble()) <= 1);
        }
        assertEquals(List.of(0L, 25L, 30L, 60L, 70L), iterations, "the snapshot at 70 is the model itself: listed once");
        assertEquals("tiny.zip", snapshots.get(snapshots.size() - 1).getAsJsonObject().get("file").getAsString());

        String textOutput = run(ExitCode.OK, "neurons", model.toString(), text.toString(), "--over-training", "--chars", "400")[0];
        assertTrue(textOutput.startsWith("tiny.zip over the first 400 characters of harbour.txt: 4 snapshots, then the model"),
                textOutput);
        assertTrue(textOutput.contains("iteration 70 (tiny.zip, "), textOutput);
    }

    @Test
    void neuronsOverTrainingWithoutSnapshotsIsBadInput() throws Exception {
        Path alone = dir.resolve("alone.zip");
        Files.copy(model, alone);
        String[] said = run(ExitCode.BAD_INPUT, "neurons", alone.toString(), text.toString(), "--over-training");
        assertTrue(said[1].startsWith("charscope neurons: alone.zip has no snapshots before its iteration 70 in "), said[1]);
        assertEquals(1, said[1].strip().lines().count(), said[1]);
    }
}
