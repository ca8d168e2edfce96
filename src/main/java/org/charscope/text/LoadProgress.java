package org.charscope.text;

/**
 * Told how far reading has got, so a window can move a progress bar while a big book loads.
 * Called on the reading thread; an implementation that touches a UI hands the numbers over
 * itself.
 */
@FunctionalInterface
public interface LoadProgress {

    /**
     * @param bytesDone  bytes read so far, over all files of the book
     * @param bytesTotal bytes of all files of the book together
     */
    void update(long bytesDone, long bytesTotal);

    /** For callers that do not show progress. */
    LoadProgress NONE = (bytesDone, bytesTotal) -> { };
}
