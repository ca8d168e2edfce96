package org.charscope.history;

import java.nio.file.Path;

/**
 * One snapshot file of a {@link SnapshotFolder}.
 *
 * @param iteration  iterations completed when it was taken, from its name
 * @param file       {@code iter-<iteration, 9 digits>.zip}
 * @param bytes      its size on disk
 */
public record SnapshotEntry(long iteration, Path file, long bytes) {
}
