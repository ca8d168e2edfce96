package org.charscope.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeatures;
import org.charscope.io.AtomicFile;
import org.charscope.io.Failures;
import org.charscope.model.CharLstm;
import org.charscope.text.ByteCount;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingRun;

/**
 * The writer thread's work for one snapshot: its detectors over the plan's passage, room in the
 * folder, the file. Holds the one model the detectors are read with, made on the writer thread from
 * the first snapshot and given each later one's weights, so that no native array is shared with
 * the training thread's live model.
 */
final class SnapshotWriting {

    private final SnapshotPlan plan;
    private final Consumer<String> problems;
    private CharLstm reader;              // the writer thread's own model; null until the first detectors
    private String lastFailure;           // the reason of the last failed write, told once; null after a success
    private boolean toldOverBudget;

    SnapshotWriting(SnapshotPlan plan, Consumer<String> problems) {
        this.plan = plan;
        this.problems = problems;
    }

    /** Writes one snapshot; what is now on disk, or null when it could not be written (a problem was told). */
    SnapshotWritten write(TrainingRun weights) {
        Path file = plan.folder().fileFor(weights.iteration());
        try {
            SnapshotDetectors detectors = detectors(weights);
            byte[] bytes = SnapshotFile.bytes(weights, detectors);
            makeFolder();
            Thinning.Plan room = plan.folder().makeRoom(bytes.length, plan.budgetBytes());
            if (!room.fits() && !toldOverBudget) {
                toldOverBudget = true;
                problems.accept("the snapshots need more than their budget of " + ByteCount.format(plan.budgetBytes())
                        + " even thinned to iteration 0, the newest and the powers of two; writing them anyway");
            }
            AtomicFile.write(file, bytes);
            lastFailure = null;
            return new SnapshotWritten(weights.iteration(), file, bytes.length, plan.folder().bytes(), detectors);
        } catch (IOException | RuntimeException e) {
            String reason = Failures.oneLine(e);
            if (!reason.equals(lastFailure)) {
                problems.accept("could not save snapshot " + file.getFileName() + " (training goes on): " + reason);
            }
            lastFailure = reason;
            return null;
        }
    }

    private void makeFolder() throws IOException {
        Path folder = plan.folder().path();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder.getFileName() + " is a file, not a folder");
        }
        Files.createDirectories(folder);
    }

    /**
     * The detectors of these weights over the plan's passage; null where there is no passage or the
     * explorer does not read the model (words, a bidirectional first layer).
     */
    private SnapshotDetectors detectors(TrainingRun weights) {
        String passage = plan.passage();
        if (passage == null || !(weights.vocabulary() instanceof Vocabulary characters) || weights.model().bidirectional()) {
            return null;
        }
        if (reader == null || !reader.config().equals(weights.model())) {
            reader = weights.newModel();
        } else {
            reader.setParameters(weights.parameters());
        }
        Probe.Result read = Probe.run(reader, characters, passage);
        return new SnapshotDetectors(passage, FeatureCorrelations.compute(read.activations(), TextFeatures.of(passage)));
    }
}
