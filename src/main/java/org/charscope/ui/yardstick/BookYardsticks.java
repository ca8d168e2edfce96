package org.charscope.ui.yardstick;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.charscope.baseline.CopyIndex;
import org.charscope.baseline.NgramBaseline;
import org.charscope.io.Failures;
import org.charscope.text.Corpus;
import org.charscope.ui.background.DaemonThreads;

/**
 * The loaded book's yardsticks, made on a thread of their own each time a book is loaded: first
 * the copy index (a fraction of a second for a 1 MB book), then the n-gram baseline (about a
 * second a megabyte). When another book is loaded meanwhile, the job is interrupted and whatever
 * it still hands back is dropped: the properties only ever hold the current book's. Properties
 * change on the FX Application Thread.
 */
public final class BookYardsticks {

    private final ReadOnlyObjectWrapper<NgramBaseline> baseline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CopyIndex> copies = new ReadOnlyObjectWrapper<>();
    private final ExecutorService background;
    private final Consumer<Runnable> fxThread;
    private final Consumer<String> problems;
    private Corpus current;
    private Future<?> job;

    /** @param problems told, on the FX thread, when a yardstick cannot be made (one line) */
    public BookYardsticks(ObservableValue<Corpus> corpus, Consumer<String> problems) {
        this(corpus, problems, DaemonThreads.single("charscope-yardsticks"), Platform::runLater);
    }

    BookYardsticks(ObservableValue<Corpus> corpus, Consumer<String> problems, ExecutorService background,
                   Consumer<Runnable> fxThread) {
        this.background = background;
        this.fxThread = fxThread;
        this.problems = problems;
        corpus.addListener((obs, old, now) -> measure(now));
        measure(corpus.getValue());
    }

    private void measure(Corpus corpus) {
        if (job != null) {
            job.cancel(true);
        }
        current = corpus;
        baseline.set(null);
        copies.set(null);
        if (corpus == null) {
            return;
        }
        job = background.submit(() -> {
            try {
                CopyIndex index = CopyIndex.of(corpus);
                fxThread.accept(() -> {
                    if (current == corpus) {
                        copies.set(index);
                    }
                });
                NgramBaseline fitted = NgramBaseline.of(corpus);
                fxThread.accept(() -> {
                    if (current == corpus) {
                        baseline.set(fitted);
                    }
                });
            } catch (CancellationException e) {
                // another book was loaded: its own job is already queued
            } catch (RuntimeException | OutOfMemoryError e) {
                fxThread.accept(() -> {
                    if (current == corpus) {
                        problems.accept("the book's yardsticks could not be made: " + Failures.oneLine(e));
                    }
                });
            }
        });
    }

    /** Interrupts the job in progress, if any; the window is closing. */
    public void close() {
        background.shutdownNow();
    }

    /** The current book's n-gram scores; null until fitted (or with no book). */
    public ReadOnlyObjectProperty<NgramBaseline> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /** The index of the current book's training part, for the samples' copied runs; null until built. */
    public ReadOnlyObjectProperty<CopyIndex> copiesProperty() {
        return copies.getReadOnlyProperty();
    }
}
