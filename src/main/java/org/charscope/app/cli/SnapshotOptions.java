package org.charscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotPlan;
import org.charscope.history.SnapshotRecorder;
import org.charscope.io.Failures;
import org.charscope.text.ByteCount;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingData;
import picocli.CommandLine.Option;

/**
 * {@code --snapshot-every N [--snapshot-budget-mb M]} of train: snapshots of the weights over the
 * run, beside the model ({@link SnapshotRecorder}), each with its detectors.
 */
final class SnapshotOptions {

    @Option(names = "--snapshot-every", paramLabel = "N", description = "Keep a snapshot of the weights at iteration 0, "
            + "25, 50, 100, ... while below N, then every N iterations and at the end, in MODEL.snapshots/ beside --out.")
    Long every;

    @Option(names = "--snapshot-budget-mb", paramLabel = "M", description = "The most the snapshots may take on disk, "
            + "in MB (default 500); older ones are thinned to stay within it.")
    Long budgetMb;

    /** @throws IllegalArgumentException for a value out of range: a usage error */
    void check() {
        if (every == null) {
            if (budgetMb != null) {
                throw new IllegalArgumentException("--snapshot-budget-mb needs --snapshot-every");
            }
            return;
        }
        if (every < 1) {
            throw new IllegalArgumentException("--snapshot-every must be at least 1, not " + every);
        }
        if (budgetMb != null && budgetMb < 1) {
            throw new IllegalArgumentException("--snapshot-budget-mb must be at least 1, not " + budgetMb);
        }
    }

    /** The recorder keeping {@code trainer}'s snapshots beside {@code modelFile}; null when none were asked for. */
    SnapshotRecorder attach(Trainer trainer, Path modelFile, TrainingData data, PrintWriter out, PrintWriter err) {
        if (every == null) {
            return null;
        }
        SnapshotPlan plan = SnapshotPlan.beside(modelFile, every, budgetMb == null ? SnapshotPlan.DEFAULT_BUDGET_MB : budgetMb,
                data);
        out.printf(Locale.ROOT, "snapshots every %,d iterations in %s (at most %s)%s%n", every, plan.folder().path(),
                ByteCount.format(plan.budgetBytes()), plan.passage() == null ? ", without detectors" : "");
        return SnapshotRecorder.attach(trainer, plan, new SnapshotRecorder.Listener() {
            @Override
            public void problem(String message) {
                err.println("charscope train: " + message);
                err.flush();
            }
        });
    }

    /** Waits until every snapshot is written; a line saying what the folder holds then. */
    static String finish(SnapshotRecorder recorder) throws InterruptedException {
        recorder.close();
        SnapshotFolder folder = recorder.plan().folder();
        try {
            int count = folder.list().size();
            return String.format(Locale.ROOT, "%,d snapshot%s (%s) in %s", count, count == 1 ? "" : "s",
                    ByteCount.format(folder.bytes()), folder.path());
        } catch (IOException e) {
            return "snapshots in " + folder.path() + ": " + Failures.oneLine(e);
        }
    }
}
