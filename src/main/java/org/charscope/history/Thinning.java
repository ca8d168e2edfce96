package org.charscope.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which snapshots to delete so that a new one fits a folder's budget, computed from the entries
 * alone (no file is touched here; {@link SnapshotFolder#makeRoom} deletes them).
 *
 * <p>Some snapshots are never deleted: iteration 0 (the untrained model every comparison starts
 * from), the newest one, and the "powers of two", read as both the doubling schedule's iterations
 * 25 · 2^k ({@link SnapshotSchedule#isDoubling}) and the exact powers 2^k, so that the early,
 * fast-changing part of a run keeps its logarithmic spacing however long the run grows. Among the
 * others, the one deleted first is the one whose removal leaves the smallest gap between its two
 * neighbours (the iterations before and after it), so the timeline thins evenly; the earliest wins
 * a tie. If deleting every deletable snapshot is not enough, the plan says it does not fit.
 */
public final class Thinning {

    /**
     * @param deleted  the snapshots to delete, in the order chosen
     * @param fits     whether the folder and the new file are within the budget once they are gone
     */
    public record Plan(List<SnapshotEntry> deleted, boolean fits) {

        public Plan {
            deleted = List.copyOf(deleted);
        }
    }

    private Thinning() {
    }

    /** Whether a snapshot at {@code iteration} is kept whatever the budget (the newest aside). */
    public static boolean isAlwaysKept(long iteration) {
        return iteration == 0 || SnapshotSchedule.isDoubling(iteration) || iteration > 0 && Long.bitCount(iteration) == 1;
    }

    /**
     * The snapshots to delete so that {@code entries} plus a new file of {@code newBytes} take at
     * most {@code budgetBytes}.
     */
    public static Plan plan(List<SnapshotEntry> entries, long newBytes, long budgetBytes) {
        List<SnapshotEntry> left = new ArrayList<>(entries);
        left.sort(Comparator.comparingLong(SnapshotEntry::iteration));
        long total = newBytes;
        for (SnapshotEntry entry : left) {
            total += entry.bytes();
        }
        List<SnapshotEntry> deleted = new ArrayList<>();
        while (total > budgetBytes) {
            int victim = smallestGap(left);
            if (victim < 0) {
                return new Plan(deleted, false);
            }
            SnapshotEntry gone = left.remove(victim);
            deleted.add(gone);
            total -= gone.bytes();
        }
        return new Plan(deleted, true);
    }

    /**
     * The index of the deletable entry whose neighbours are closest together (next − previous
     * iteration; the entry's own iteration stands in for a missing previous one); −1 if none is
     * deletable.
     */
    private static int smallestGap(List<SnapshotEntry> sorted) {
        int victim = -1;
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < sorted.size() - 1; i++) {   // the last is the newest: kept
            long iteration = sorted.get(i).iteration();
            if (isAlwaysKept(iteration)) {
                continue;
            }
            long before = i > 0 ? sorted.get(i - 1).iteration() : iteration;
            long gap = sorted.get(i + 1).iteration() - before;
            if (gap < smallest) {
                smallest = gap;
                victim = i;
            }
        }
        return victim;
    }
}
