package org.charscope.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Checkpoint;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file: a checkpoint without moments, with its detectors, written and read back. */
class SnapshotFileTest {

    private static TrainingRun run;
    private static Vocabulary vocabulary;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAFewIterations() throws Exception {
        String text = "light \"north pier\" { flash (on 1.5) [white red] }\n".repeat(40);
        vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        TrainingData data = new TrainingData(vocabulary, Arrays.copyOf(ids, 1800), Arrays.copyOfRange(ids, 1800, ids.length));
        Trainer trainer = new Trainer(new LstmConfig(vocabulary.size(), 2, 16, 0, 0, Precision.FLOAT),
                TrainingConfig.defaults().withBatch(10, 4).withOptimizer(OptimizerConfig.adam(1e-2)).withSeed(4)
                        .withIntervals(5, 0).withLimits(5, 0), data);
        trainer.start();
        trainer.awaitStop(60, TimeUnit.SECONDS);
        run = trainer.finalRun();
    }

    private static SnapshotDetectors detectors(String passage) {
        Probe.Result read = Probe.run(run.newModel(), vocabulary, passage);
        return new SnapshotDetectors(passage, FeatureCorrelations.compute(read.activations(), TextFeatures.of(passage)));
    }

    @Test
    void aSnapshotIsACheckpointWithoutMomentsThatSaysSo() throws Exception {
        Path file = dir.resolve("iter-000000005.zip");
        SnapshotFile.write(file, run, null);

        TrainingRun back = Checkpoint.read(file);
        assertTrue(back.isSnapshot());
        assertEquals(run.withoutMoments(), back);
        assertFalse(run.isSnapshot());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertNull(zip.getEntry("adam_m.f32"));
            assertNull(zip.getEntry("adam_v.f32"));
        }
        assertNull(SnapshotFile.read(file).detectors());
        Path full = dir.resolve("model.zip");
        Checkpoint.write(full, run);
        assertTrue(Files.size(file) < Files.size(full) / 2, "a third of a checkpoint, about");
        assertNull(SnapshotFile.read(full).detectors(), "a model file reads too, without detectors");
    }

    @Test
    void theDetectorsComeBackWhole() throws Exception {
        String passage = "light \"north pier\" { flash (on 5.1) [red] }\nlight \"pole\" { }\n";
        SnapshotDetectors kept = detectors(passage);
        Path file = dir.resolve("iter-000000005.zip");
        SnapshotFile.write(file, run, kept);

        SnapshotDetectors back = SnapshotFile.read(file).detectors();

        assertEquals(passage, back.passage());
        for (int layer = 0; layer < 2; layer++) {
            for (Signal quantity : Signal.values()) {
                assertEquals(kept.correlations().has(layer, quantity), back.correlations().has(layer, quantity));
                for (TextFeature feature : TextFeature.values()) {
                    if (kept.correlations().has(layer, quantity)) {
                        assertArrayEquals(kept.correlations().correlations(layer, quantity, feature),
                                back.correlations().correlations(layer, quantity, feature));
                    }
                }
            }
        }
        assertEquals(kept.correlations().top(3), back.correlations().top(3));
    }

    @Test
    void aSnapshotThatHoldsMomentsOrDetectorsOfTheWrongSizeIsRefused() throws Exception {
        Path file = dir.resolve("snapshot.zip");
        SnapshotFile.write(file, run, detectors("light \"a\" (on 1) [red]\n"));
        Map<String, byte[]> entries = entries(file);

        Map<String, byte[]> withMoments = new HashMap<>(entries);
        withMoments.put("adam_m.f32", new byte[4]);
        BadCheckpointException e = assertThrows(BadCheckpointException.class, () -> Checkpoint.read(zip(withMoments)));
        assertTrue(e.getMessage().contains("says it is a snapshot but holds the optimizer's moments"), e.getMessage());

        Map<String, byte[]> cut = new HashMap<>(entries);
        cut.put(SnapshotDetectors.VALUES_ENTRY, Arrays.copyOf(entries.get(SnapshotDetectors.VALUES_ENTRY), 40));
        e = assertThrows(BadCheckpointException.class, () -> SnapshotFile.read(zip(cut)));
        assertTrue(e.getMessage().contains("correlations.f32 holds 40 bytes"), e.getMessage());
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = Files.createTempFile(dir, "changed", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
