package org.charscope.history;

import java.nio.file.Path;

/**
 * A snapshot now on disk, as {@link SnapshotRecorder.Listener#written} hears of it.
 *
 * @param iteration    iterations completed when it was taken
 * @param file         where it is
 * @param bytes        its size
 * @param folderBytes  what the whole folder's snapshots take now, this one included
 * @param detectors    its detectors, null when none were kept
 */
public record SnapshotWritten(long iteration, Path file, long bytes, long folderBytes, SnapshotDetectors detectors) {
}
