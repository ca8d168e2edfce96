package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFile;
import org.charscope.history.SnapshotFolder;
import org.charscope.text.sample.StructuredTextGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, read from the snapshots of a real {@code train --snapshot-every} run on the
 * generated structured text: no unit tracks "inside quotes" in the untrained model, and one does by
 * the end. The detectors are those kept in each snapshot (the first 2,000 characters of the
 * validation text).
 *
 * <p>Why 1 × 32: an untrained LSTM's cells are leaky integrators of the characters they read, and
 * with 64 of them the best already reaches |r| 0.33 to 0.42 over 2,000 characters (seeds 3, 5, 7,
 * 11 here), above the 0.3 before any learning; 32 units start lower (0.22 for seed 2) and,
 * for this seed, grow a quote unit within 1,500 iterations (0.78 on the machine that chose it).
 */
class EmergenceOverTrainingTest {

    private static final int ITERATIONS = 1500;

    @TempDir
    Path dir;

    @Test
    void aQuoteUnitEmergesBetweenTheFirstSnapshotAndTheLast() throws Exception {
        Path text = Files.writeString(dir.resolve("structured.txt"),
                StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 30_000));
        Path model = dir.resolve("structured.zip");
        StringWriter err = new StringWriter();
        int status = CharScopeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                text.toString(), "--out", model.toString(), "--layers", "1", "--hidden", "32", "--seq", "50", "--batch", "32",
                "--lr", "0.02", "--dropout", "0", "--seed", "2", "--iterations", String.valueOf(ITERATIONS),
                "--evaluate-every", "0", "--report-every", "500", "--snapshot-every", "500");
        assertEquals(ExitCode.OK, status, err.toString());

        List<SnapshotEntry> snapshots = SnapshotFolder.beside(model).list();
        assertEquals(List.of(0L, 25L, 50L, 100L, 200L, 400L, 500L, 1000L, 1500L),
                snapshots.stream().map(SnapshotEntry::iteration).toList());
        StringBuilder curve = new StringBuilder("best |r| for inside quotes:");
        double[] best = new double[snapshots.size()];
        for (int i = 0; i < snapshots.size(); i++) {
            NeuronFinding finding = SnapshotFile.read(snapshots.get(i).file()).detectors().correlations()
                    .top(TextFeature.INSIDE_QUOTES, 1).get(0);
            best[i] = Math.abs(finding.r());
            curve.append(String.format(Locale.ROOT, " %d: %.2f", snapshots.get(i).iteration(), best[i]));
        }
        System.out.println(curve);
        assertTrue(best[0] < 0.3, curve.toString());
        assertTrue(best[best.length - 1] >= 0.7, curve.toString());
    }
}
