package org.charscope.explore;

/**
 * Told how far a long reading has got, and asked between batches whether to stop: what a window
 * needs for a progress bar and a Cancel button. Called on the reading thread; an implementation
 * that touches a UI hands the numbers over itself.
 */
@FunctionalInterface
public interface ReadProgress {

    /**
     * @param stepsDone  characters read so far
     * @param stepsTotal characters the reading will take in all
     */
    void update(long stepsDone, long stepsTotal);

    /** Whether the reading should stop now; it then throws {@link java.util.concurrent.CancellationException}. */
    default boolean isCancelled() {
        return false;
    }

    /** For callers that neither show progress nor cancel. */
    ReadProgress NONE = (stepsDone, stepsTotal) -> { };
}
