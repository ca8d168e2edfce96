package org.charscope.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.charscope.io.AtomicFile;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;

/**
 * A snapshot file: a checkpoint without the optimizer's moments ({@link TrainingRun#isSnapshot()},
 * so {@code sample}, {@code eval} and {@code neurons} open it and a run cannot resume from it), with
 * its {@link SnapshotDetectors} attached when it has them.
 */
public final class SnapshotFile {

    /** The most an attached entry may hold: far above the detectors of a 4 × 1024 model (about 1 MB). */
    private static final int MAX_ATTACHED_BYTES = 64 << 20;

    /**
     * What a snapshot file holds.
     *
     * @param run        the weights and hidden state at its iteration, with the run's counters and history
     * @param detectors  the detectors over the run's fixed passage; null when none were kept (a word
     *                   or bidirectional model, a run without validation text)
     */
    public record Contents(TrainingRun run, SnapshotDetectors detectors) {
    }

    private SnapshotFile() {
    }

    /**
     * The file's bytes, made in memory so that its size is known before it is written (the
     * folder's budget makes room for it first).
     *
     * @param detectors  may be null
     */
    public static byte[] bytes(TrainingRun weights, SnapshotDetectors detectors) throws IOException {
        TrainingRun snapshot = weights.isSnapshot() ? weights : weights.withoutMoments();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.write(out, snapshot, detectors == null ? Map.of() : detectors.toEntries());
        return out.toByteArray();
    }

    /** Writes a snapshot whole or not at all ({@link AtomicFile}). */
    public static void write(Path file, TrainingRun weights, SnapshotDetectors detectors) throws IOException {
        AtomicFile.write(file, bytes(weights, detectors));
    }

    /**
     * Reads a snapshot, or any checkpoint (which has no detectors).
     *
     * @throws BadCheckpointException if it is not a complete checkpoint, or its detectors do not agree with themselves
     * @throws IOException if it cannot be read at all
     */
    public static Contents read(Path file) throws BadCheckpointException, IOException {
        TrainingRun run = Checkpoint.read(file);
        try {
            return new Contents(run, SnapshotDetectors.fromEntries(Checkpoint.attached(file, MAX_ATTACHED_BYTES)));
        } catch (IllegalArgumentException e) {
            throw new BadCheckpointException(file.getFileName() + ": " + e.getMessage());
        }
    }
}
