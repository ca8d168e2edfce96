package org.charscope.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Workspace}s of one model, one per (seq, batch) shape, kept between passes because
 * making one allocates every buffer of a pass (tens to hundreds of megabytes for the large preset).
 * Three caches, so that one kind of pass never evicts another's: training and evaluation (two
 * shapes: the batch and the evaluation's shorter last one), batch-1 passes (sampling, priming), and
 * the explorer's readings of many windows side by side. With one cache, training, the evaluation's
 * last batch and a reading would be three shapes for a cache of two, and every reading and every
 * evaluation would free a workspace and allocate one again (docs/reliability.md). One reading shape
 * is kept: the explorer re-reads the same passage.
 */
final class Workspaces {

    private static final int KEPT_PER_CACHE = 2;

    private final LstmConfig config;
    private final Map<Long, Workspace> training = new LeastRecentlyUsed(KEPT_PER_CACHE);
    private final Map<Long, Workspace> singleRow = new LeastRecentlyUsed(KEPT_PER_CACHE);
    private final Map<Long, Workspace> readings = new LeastRecentlyUsed(1);

    Workspaces(LstmConfig config) {
        this.config = config;
    }

    /** For a training, evaluation or batch-1 pass. */
    Workspace forPass(int seq, int batch) {
        return (batch == 1 ? singleRow : training).computeIfAbsent(key(seq, batch), k -> new Workspace(config, seq, batch));
    }

    /** For reading {@code batch} windows of {@code seq} symbols side by side. */
    Workspace forReading(int seq, int batch) {
        return batch == 1 ? forPass(seq, 1)
                : readings.computeIfAbsent(key(seq, batch), k -> new Workspace(config, seq, batch));
    }

    private static long key(int seq, int batch) {
        return ((long) seq << 32) | batch;
    }

    /** Least recently used workspaces, freed as they drop out. */
    private static final class LeastRecentlyUsed extends LinkedHashMap<Long, Workspace> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        LeastRecentlyUsed(int capacity) {
            super(8, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Workspace> eldest) {
            if (size() > capacity) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    }
}
