package org.charscope.history;

/**
 * When a run keeps a snapshot of its weights: at iteration 0, then at 25, 50, 100, … (25 · 2^k)
 * while below {@code every}, then at every multiple of {@code every}; the last iteration of a run
 * is kept too, whatever it is ({@link SnapshotRecorder} takes it at the stop). The doubling start
 * spends snapshots where a model changes fastest: a run of 2,000 iterations with {@code every} 500
 * keeps 0, 25, 50, 100, 200, 400, 500, 1000, 1500 and 2000.
 *
 * @param every  iterations between two snapshots once past the doubling start, at least 1
 */
public record SnapshotSchedule(long every) {

    /** The first snapshot after iteration 0, which each doubling step starts from. */
    public static final long FIRST = 25;

    /** @throws IllegalArgumentException if {@code every} is below 1 */
    public SnapshotSchedule {
        if (every < 1) {
            throw new IllegalArgumentException("snapshots must be taken every 1 iteration or more, not every " + every);
        }
    }

    /** Whether a snapshot is due after {@code iteration} completed iterations. */
    public boolean isDue(long iteration) {
        if (iteration < 0) {
            return false;
        }
        if (iteration == 0 || iteration % every == 0) {
            return true;
        }
        return iteration < every && isDoubling(iteration);
    }

    /** Whether {@code iteration} is one of 25, 50, 100, … (25 · 2^k, k ≥ 0). */
    public static boolean isDoubling(long iteration) {
        return iteration >= FIRST && iteration % FIRST == 0 && Long.bitCount(iteration / FIRST) == 1;
    }
}
