package org.charscope.gutenberg;

/**
 * Told how much of a book has arrived, so a dialog can move a progress bar. Called on the
 * downloading thread; an implementation that touches a UI hands the numbers over itself.
 */
@FunctionalInterface
public interface DownloadProgress {

    /**
     * @param bytesDone  bytes received so far
     * @param bytesTotal the whole size, or -1 while the server has not said (a chunked answer)
     */
    void update(long bytesDone, long bytesTotal);

    /** For callers that do not show progress. */
    DownloadProgress NONE = (bytesDone, bytesTotal) -> { };
}
