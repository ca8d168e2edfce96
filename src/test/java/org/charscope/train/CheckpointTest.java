package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.charscope.io.FinishedProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    static Path folder;
    private static Path good;
    private static TrainingRun goodRun;

    @BeforeAll
    static void writeOne() throws Exception {
        TrainingData data = TrainerTest.data();
        Trainer trainer = new Trainer(TrainerTest.model(data, 0.2), TrainerTest.config().withIntervals(1, 2).withLimits(5, 0), data);
        trainer.start();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        goodRun = trainer.finalRun();
        good = folder.resolve("good.zip");
        Checkpoint.write(good, goodRun);
    }

    @Test
    void aCheckpointReadsBackAsWritten() throws Exception {
        TrainingRun read = Checkpoint.read(good);
        assertEquals(goodRun, read);
        assertEquals(5, read.iteration());
        assertEquals(2, read.evaluations().size());
        try (ZipFile zip = new ZipFile(good.toFile())) {
            assertEquals(goodRun.parameters().length * 4L, zip.getEntry("params.f32").getSize());
        }
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void writingReplacesTheOldFile() throws Exception {
        Path file = folder.resolve("replace.zip");
        Files.writeString(file, "old");
        Checkpoint.write(file, goodRun);
        assertEquals(goodRun, Checkpoint.read(file));
    }

    @Test
    void aWriteRemovesWhatKilledWritersLeftButNotWhatLiveOnesAreWriting(@TempDir Path dir) throws Exception {
        long deadPid = FinishedProcess.pid();
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        Path killedWriters = Files.writeString(dir.resolve(".run.zip." + deadPid + ".123.tmp"), "half a checkpoint");
        Path liveWriters = Files.writeString(dir.resolve(".run.zip." + livePid + ".456.tmp"), "being written");
        Path otherCheckpoints = Files.writeString(dir.resolve(".other.zip." + deadPid + ".789.tmp"), "not ours");
        Path notATemporary = Files.writeString(dir.resolve(".run.zip.notes.tmp"), "someone's file");

        Checkpoint.write(dir.resolve("run.zip"), goodRun);

        assertFalse(Files.exists(killedWriters), "the leftover of a process that is gone is removed");
        assertTrue(Files.exists(liveWriters), "a live process's write in progress is left alone");
        assertTrue(Files.exists(otherCheckpoints), "another checkpoint's leftovers are its own writer's business");
        assertTrue(Files.exists(notATemporary), "a name without a process id is not ours");
        assertEquals(goodRun, Checkpoint.read(dir.resolve("run.zip")));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "windowed {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aResumedRunGivesTheSameLossesAsOneThatNeverStopped(boolean windowed) throws Exception {
        TrainingData data = TrainerTest.data();
        TrainingConfig config = TrainerTest.config().withIntervals(1, 3).withWindows(windowed);
        // never stopped: 14 iterations, with dropout and evaluations in between
        Trainer whole = new Trainer(TrainerTest.model(data, 0.25), config.withLimits(14, 0), data);
        TrainerTest.Recorder wholeLosses = new TrainerTest.Recorder();
        whole.addListener(wholeLosses);
        whole.start();
        whole.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);

        // stopped at 6, saved, read back, resumed to 14
        Trainer first = new Trainer(TrainerTest.model(data, 0.25), config.withLimits(6, 0), data);
        TrainerTest.Recorder firstLosses = new TrainerTest.Recorder();
        first.addListener(firstLosses);
        first.start();
        first.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        Path file = folder.resolve("resume-" + windowed + ".zip");
        Checkpoint.write(file, first.finalRun());
        assertEquals(windowed, Checkpoint.read(file).windowed());
        Trainer second = Trainer.resume(Checkpoint.read(file), config.withLimits(14, 0), data);
        TrainerTest.Recorder secondLosses = new TrainerTest.Recorder();
        second.addListener(secondLosses);
        second.start();
        assertEquals(Stop.Reason.ITERATION_LIMIT, second.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS).reason());

        List<Double> resumed = new ArrayList<>();
        firstLosses.progress.forEach(p -> resumed.add(p.loss()));
        secondLosses.progress.forEach(p -> resumed.add(p.loss()));
        List<Double> expected = new ArrayList<>();
        wholeLosses.progress.forEach(p -> expected.add(p.loss()));
        assertEquals(expected, resumed);
        assertArrayEquals(whole.finalRun().parameters(), second.finalRun().parameters());
        assertArrayEquals(whole.finalRun().losses(), second.finalRun().losses());
        assertEquals(whole.finalRun().evaluations().stream().map(Evaluation::natsPerSymbol).toList(),
                second.finalRun().evaluations().stream().map(Evaluation::natsPerSymbol).toList());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertRefused(write("empty.zip", new byte[0]), "empty");
    }

    @Test
    void randomBytesAreRefused() throws Exception {
        byte[] noise = new byte[10_000];
        new SplittableRandom(1).nextBytes(noise);
        assertRefused(write("noise.zip", noise), "not a CharScope checkpoint");
    }

    @Test
    void truncatedFilesAreRefused() throws Exception {
        byte[] whole = Files.readAllBytes(good);
        List<Integer> cuts = new ArrayList<>(List.of(10, whole.length - 30, whole.length - 1));
        for (int tenth = 0; tenth < 10; tenth++) {
            cuts.add(whole.length * tenth / 10);   // at every 10% mark, the empty file included
        }
        for (int keep : cuts) {
            assertRefused(write("cut" + keep + ".zip", java.util.Arrays.copyOf(whole, keep)), "");
        }
    }

    @Test
    void theCellIsSavedAndAFileFromBeforeCellsIsAnLstm() throws Exception {
        assertEquals("lstm", meta(entries(good)).getAsJsonObject("model").get("cell").getAsString());
        Map<String, byte[]> entries = entries(good);
        JsonObject meta = meta(entries);
        meta.getAsJsonObject("model").remove("cell");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(org.charscope.model.Cell.LSTM, Checkpoint.read(zip("before-cells.zip", entries, false)).model().cell());

        // a GRU: the same flat layout with 3 gate blocks instead of 4, so its weights fit only a GRU
        TrainingData data = TrainerTest.data();
        Trainer trainer = new Trainer(TrainerTest.model(data, 0).withCell(org.charscope.model.Cell.GRU),
                TrainerTest.config().withLimits(3, 0), data);
        trainer.start();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        Path gru = folder.resolve("gru.zip");
        Checkpoint.write(gru, trainer.finalRun());
        assertEquals(trainer.finalRun(), Checkpoint.read(gru));
        entries = entries(gru);
        meta = meta(entries);
        meta.getAsJsonObject("model").addProperty("cell", "lstm");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("gru-said-lstm.zip", entries, false), "disagree");
        meta.getAsJsonObject("model").addProperty("cell", "tree");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("tree.zip", entries, false), "cell must be lstm, gru or rnn");
    }

    @Test
    void aWordModelKeepsItsWordsSpellingAndScoresPerCharacter() throws Exception {
        TrainingData data = WordModelTest.data(WordModelTest.corpus());
        Trainer trainer = new Trainer(WordModelTest.model(data), TrainerTest.config().withIntervals(1, 2).withLimits(4, 0), data);
        trainer.start();
        trainer.awaitStop(WAIT_SECONDS, TimeUnit.SECONDS);
        TrainingRun run = trainer.finalRun();
        Path words = folder.resolve("words.zip");
        Checkpoint.write(words, run);
        TrainingRun read = Checkpoint.read(words);
        assertEquals(run, read);
        assertEquals(data.vocabulary(), read.vocabulary());
        Evaluation last = read.evaluations().get(read.evaluations().size() - 1);
        assertTrue(last.natsPerCharacter() < last.natsPerSymbol(), "per character kept apart from per word: " + last);
        assertEquals(run.evaluations(), read.evaluations());

        Map<String, byte[]> entries = entries(words);
        JsonObject meta = meta(entries);
        assertEquals("words", meta.get("tokens").getAsString());
        meta.getAsJsonArray("words").set(3, meta.getAsJsonArray("words").get(2));
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("repeated-word.zip", entries, false), "twice");
        meta = meta(entries(words));
        meta.remove("unknownSpelling");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("no-spelling.zip", entries, false), "spelling");
        meta = meta(entries(words));
        meta.addProperty("tokens", "bytes");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("bytes.zip", entries, false), "token level");
        meta = meta(entries(words));
        meta.getAsJsonArray("words").remove(5);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("short-list.zip", entries, false), "word list");
    }

    @Test
    void anotherVersionIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(good);
        JsonObject meta = meta(entries);
        meta.addProperty("version", 2);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("v2.zip", entries, false), "version 2");
    }

    @Test
    void shapesThatDisagreeAreRefused() throws Exception {
        Map<String, byte[]> entries = entries(good);
        JsonObject meta = meta(entries);
        meta.getAsJsonObject("model").addProperty("hidden", 32);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("shapes.zip", entries, false), "disagree");

        entries = entries(good);
        entries.put("state.f32", java.util.Arrays.copyOf(entries.get("state.f32"), entries.get("state.f32").length - 4));
        assertRefused(zip("state.zip", entries, false), "disagree");

        entries = entries(good);
        meta = meta(entries);
        meta.getAsJsonArray("vocabulary").remove(0);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("vocab.zip", entries, false), "vocabulary");
    }

    @Test
    void absurdSizesAreRefusedWithoutAllocating() throws Exception {
        Map<String, byte[]> entries = entries(good);
        JsonObject meta = meta(entries);
        JsonObject model = meta.getAsJsonObject("model");
        model.addProperty("vocabSize", 65536);
        model.addProperty("hidden", 1024);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("huge.zip", entries, false), "more than CharScope loads");

        meta.getAsJsonObject("model").addProperty("hidden", 2_000_000_000);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("absurd.zip", entries, false), "impossible settings");

        // a zip bomb: params.f32 compressed, inflating to far more than the model needs
        entries = entries(good);
        entries.put("params.f32", new byte[64 << 20]);
        assertRefused(zip("bomb.zip", entries, true), "disagree");
    }

    @Test
    void unexpectedOrMissingEntriesAreRefused() throws Exception {
        Map<String, byte[]> entries = entries(good);
        entries.put("../../etc/passwd", new byte[1]);
        assertRefused(zip("evil.zip", entries, false), "unexpected entry");
        entries = entries(good);
        entries.remove("adam_v.f32");
        assertRefused(zip("missing.zip", entries, false), "lacks adam_v.f32");
        entries = entries(good);
        entries.put("meta.json", "{\"format\": 3".getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("json.zip", entries, false), "");
    }

    @Test
    void aMissingFieldIsRefusedByName() throws Exception {
        for (String field : List.of("version", "iteration", "losses", "model.hidden", "training.seed", "optimizer.schedule",
                "optimizer.schedule.minFactor")) {
            Map<String, byte[]> entries = entries(good);
            JsonObject meta = meta(entries);
            JsonObject parent = meta;
            String[] path = field.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.getAsJsonObject(path[i]);
            }
            parent.remove(path[path.length - 1]);
            entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
            assertRefused(zip("without-" + field + ".zip", entries, false), "meta.json lacks \"" + field + "\"");
        }
    }

    @Test
    void aFieldOfTheWrongKindIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(good);
        JsonObject meta = meta(entries);
        meta.getAsJsonArray("vocabulary").set(0, JsonNull.INSTANCE);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("null-code-point.zip", entries, false), "unreadable settings");

        meta = meta(entries(good));
        meta.addProperty("model", 3);
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("model-a-number.zip", entries, false), "unreadable settings");

        meta = meta(entries(good));
        meta.addProperty("iteration", "many");
        entries.put("meta.json", meta.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("iteration-a-word.zip", entries, false), "unreadable settings");

        // another file's JSON is refused as not a checkpoint, before its layout is looked at
        entries.put("meta.json", "{\"format\": \"someone-else\", \"model\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
        assertRefused(zip("someone-else.zip", entries, false), "not a CharScope checkpoint");
    }

    private static void assertRefused(Path file, String expected) {
        BadCheckpointException e = assertThrows(BadCheckpointException.class, () -> Checkpoint.read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                out.put(e.getName(), file.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static JsonObject meta(Map<String, byte[]> entries) {
        return JsonParser.parseString(new String(entries.get("meta.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static Path zip(String name, Map<String, byte[]> entries, boolean compress) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!compress) {
                    entry.setMethod(ZipEntry.STORED);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return write(name, bytes.toByteArray());
    }
}
