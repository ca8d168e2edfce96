package org.charscope.history;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.charscope.io.Failures;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingRun;
import org.charscope.train.WeightsWatcher;

/**
 * Keeps a run's snapshots by its {@link SnapshotPlan}: attached to a {@link Trainer}, it copies the
 * weights on the training thread at the scheduled iterations (a fresh run's iteration 0 included)
 * and at the stop, and one writer thread of its own ({@code charscope-snapshots}) computes each
 * one's detectors with a model of its own, makes room in the folder within the budget, and writes
 * the file atomically. At most {@value #QUEUED} copies wait for the writer: when it falls behind,
 * training waits rather than a snapshot being lost.
 *
 * <p>A fresh run starts its folder empty (the snapshots there are another run's); a resumed run
 * keeps those up to the iteration it resumes at. A snapshot that cannot be written is one
 * {@link Listener#problem problem} (a reason heard once until a write succeeds again) and the run
 * goes on. {@link #close} waits until everything handed over is written.
 */
public final class SnapshotRecorder implements WeightsWatcher, AutoCloseable {

    /** What the writer thread tells, on that thread; quick, and never throwing (what it throws is ignored). */
    public interface Listener {

        /** A snapshot is on disk. */
        default void written(SnapshotWritten written) {
        }

        /** One line for a person: a snapshot not written, or the budget too small for what is always kept. */
        default void problem(String message) {
        }
    }

    /** Copies waiting for the writer at most: two, so that training overlaps one write and then waits. */
    static final int QUEUED = 2;

    private final SnapshotPlan plan;
    private final Listener listener;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Thread writer;
    private final SnapshotWriting writing;
    private volatile long lastTaken = -1;   // the iteration of the last copy handed over

    /** A job for the writer: a copy to write, a folder to prepare, or the end. */
    private sealed interface Job permits Write, Prepare, End {
    }

    private record Write(TrainingRun weights) implements Job {
    }

    private record Prepare(long iteration, boolean fresh) implements Job {
    }

    private record End() implements Job {
    }

    private final Future<?> after;

    private SnapshotRecorder(SnapshotPlan plan, Listener listener, Future<?> after) {
        this.plan = plan;
        this.listener = listener;
        this.after = after;
        this.writing = new SnapshotWriting(plan, this::tellProblem);
        writer = new Thread(this::writeUntilEnd, "charscope-snapshots");
        writer.setDaemon(true);   // a window closed mid-run does not wait for it
        writer.start();
    }

    /** Keeps {@code trainer}'s snapshots by {@code plan}; call before the trainer starts. */
    public static SnapshotRecorder attach(Trainer trainer, SnapshotPlan plan, Listener listener) {
        return attach(trainer, plan, listener, CompletableFuture.completedFuture(null));
    }

    /**
     * {@link #attach}, with the writer touching the folder only once {@code after} is done (the
     * window: the previous run's recorder closed and its files deleted, in the same folder).
     * Training goes on meanwhile, until {@value #QUEUED} copies wait.
     */
    public static SnapshotRecorder attach(Trainer trainer, SnapshotPlan plan, Listener listener, Future<?> after) {
        SnapshotRecorder recorder = new SnapshotRecorder(plan, listener, after);
        trainer.watchWeights(recorder);
        return recorder;
    }

    public SnapshotPlan plan() {
        return plan;
    }

    @Override
    public void starting(long iteration, boolean fresh) {
        queue.offer(new Prepare(iteration, fresh));   // the queue is empty before the first copy
    }

    @Override
    public boolean wants(long iteration) {
        return iteration != lastTaken && plan.schedule().isDue(iteration);
    }

    @Override
    public void take(TrainingRun weights) throws InterruptedException {
        lastTaken = weights.iteration();
        queue.put(new Write(weights));
    }

    @Override
    public void stopped(TrainingRun last) throws InterruptedException {
        if (last != null && last.iteration() != lastTaken) {
            take(last);
        }
        end();
    }

    /** Waits until every snapshot handed over is written (or has failed), then ends the writer. */
    @Override
    public void close() throws InterruptedException {
        end();
        writer.join();
    }

    private void end() throws InterruptedException {
        if (ended.compareAndSet(false, true)) {
            queue.put(new End());
        }
    }

    private void writeUntilEnd() {
        try {
            try {
                after.get();
            } catch (ExecutionException e) {
                // what came before failed: its own owner said so; this run's files go on
            }
            while (true) {
                Job job = queue.take();
                if (job instanceof End) {
                    return;
                }
                if (job instanceof Prepare p) {
                    prepare(p);
                } else if (job instanceof Write w) {
                    SnapshotWritten written = writing.write(w.weights());
                    if (written != null) {
                        tell(() -> listener.written(written));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh run empties the folder; a resumed one drops what lies after its start (another future). */
    private void prepare(Prepare p) {
        try {
            if (p.fresh()) {
                plan.folder().deleteAll();
            } else {
                plan.folder().deleteAfter(p.iteration());
            }
        } catch (IOException e) {
            tellProblem("could not clear the old snapshots in " + plan.folder().path() + ": " + Failures.oneLine(e));
        }
    }

    private void tellProblem(String message) {
        tell(() -> listener.problem(message));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            System.err.println("a snapshot listener failed: " + e);
        }
    }
}
