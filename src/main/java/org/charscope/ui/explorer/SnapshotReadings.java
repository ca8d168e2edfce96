package org.charscope.ui.explorer;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.charscope.explore.Probe;
import org.charscope.history.SnapshotDetectors;
import org.charscope.history.SnapshotFile;
import org.charscope.io.Failures;
import org.charscope.model.CharLstm;
import org.charscope.model.Signal;
import org.charscope.train.TrainingRun;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.background.LatestOnly;

/**
 * The explorer's readings of snapshots: each read on a thread of its own
 * ({@code charscope-snapshot-reader}) with a model of its own, so the live model and the training
 * thread's native arrays are never touched, and kept in a cache of about
 * {@value #BUDGET_MB} MB, least recently used first out, so that moving back to a snapshot already
 * read redraws at once.
 *
 * <p>A reading that would take more than a {@value #WHOLE_SHARE}th of the budget (a model of 2 ×
 * 512 units over 2,000 characters holds about 60 MB of matrices) is kept trimmed to the layer and
 * quantity it was asked for; asking for another then reads the snapshot again. While one read
 * runs, only the latest request waits: scrubbing past ten snapshots reads the one it stops at,
 * not the nine in between.
 */
public final class SnapshotReadings {

    /** Reads a snapshot file over a passage into a whole reading; called on the reader thread only. */
    public interface Reading {
        Probed read(Path file, String passage) throws Exception;
    }

    /** What a finished read tells, on the FX thread: the request, and its reading or why there is none. */
    interface Answer {
        void answer(Request request, Probed reading, String failure);
    }

    /**
     * A snapshot over a passage, to be shown at a layer and quantity.
     *
     * @param file  the snapshot's file
     */
    record Request(Path file, String passage, int layer, Signal quantity) {

        Key key() {
            return new Key(file, passage);
        }
    }

    /** What a reading is kept by: the snapshot and the passage, whatever is shown of it. */
    record Key(Path file, String passage) {
    }

    static final long BUDGET_MB = 256;
    /** A reading is kept whole when it takes at most this share of the budget, so that at least this many fit. */
    static final int WHOLE_SHARE = 16;

    private final ByteBudgetCache<Key, Probed> cache;
    private final Reading reading;
    private final LatestOnly<Request> latest;   // on the reader thread
    private final Executor fxThread;
    private final Answer answer;
    private final AtomicInteger reads = new AtomicInteger();

    /** The window's: a model of its own on the reader thread, answers on the FX thread, {@value #BUDGET_MB} MB of readings kept. */
    SnapshotReadings(Answer answer) {
        this(BUDGET_MB << 20, answer);
    }

    /** The same with another budget (tests make a small model's readings large). */
    SnapshotReadings(long budgetBytes, Answer answer) {
        this(budgetBytes, ownModel(), DaemonThreads.single("charscope-snapshot-reader"), Platform::runLater, answer);
    }

    /** Tests choose the budget, the reading (to count it), and the threads. */
    SnapshotReadings(long budgetBytes, Reading reading, Executor reader, Executor fxThread, Answer answer) {
        this.cache = new ByteBudgetCache<>(budgetBytes, Probed::estimatedBytes);
        this.reading = reading;
        this.latest = new LatestOnly<>(reader, this::readOne);
        this.fxThread = fxThread;
        this.answer = answer;
    }

    /** The reading kept for {@code request}, if it holds the layer and quantity asked for; null otherwise. */
    Probed cached(Request request) {
        Probed kept = cache.get(request.key());
        return kept != null && kept.holds(request.layer(), request.quantity()) ? kept : null;
    }

    /** Reads {@code request} on the reader thread and answers on the FX thread; a request not yet taken is replaced. */
    void read(Request request) {
        latest.submit(request);
    }

    /** Snapshot files read so far (not counting readings found in the cache). */
    int reads() {
        return reads.get();
    }

    /** Drops the readings of a snapshot that is gone (thinned, or the run reset). */
    void forget(Path file) {
        cache.removeIf(key -> key.file().equals(file));
    }

    ByteBudgetCache<Key, Probed> cache() {
        return cache;
    }

    /** On the reader thread: one request, from the cache or the file. */
    private void readOne(Request next) {
        Probed kept = cached(next);
        if (kept != null) {
            fxThread.execute(() -> answer.answer(next, kept, null));
            return;
        }
        try {
            Probed whole = reading.read(next.file(), next.passage());
            reads.incrementAndGet();
            boolean small = whole.estimatedBytes() <= cache.budgetBytes() / WHOLE_SHARE;
            cache.put(next.key(), small ? whole : whole.trimmedTo(next.layer(), next.quantity()));
            fxThread.execute(() -> answer.answer(next, whole, null));
        } catch (Exception | Error e) {   // an Error too: the reader must outlive one bad snapshot
            String why = next.file().getFileName() + ": " + Failures.oneLine(e);
            fxThread.execute(() -> answer.answer(next, null, why));
        }
    }

    /**
     * Reading with one model of the caller's own, made from the first snapshot read and given each
     * later one's weights (a model of another shape gets a new one). Over the snapshot's own fixed
     * passage, the detectors it keeps are taken rather than computed again. For one thread only.
     */
    public static Reading ownModel() {
        return new Reading() {
            private CharLstm model;

            @Override
            public Probed read(Path file, String passage) throws Exception {
                SnapshotFile.Contents contents = SnapshotFile.read(file);
                TrainingRun run = contents.run();
                if (model == null || !model.config().equals(run.model())) {
                    model = run.newModel();
                } else {
                    model.setParameters(run.parameters());
                }
                SnapshotDetectors kept = contents.detectors();
                return Probed.of(Probe.run(model, Probe.characters(run.vocabulary()), passage), run.iteration(),
                        kept != null && kept.passage().equals(passage) ? kept.correlations() : null);
            }
        };
    }
}
