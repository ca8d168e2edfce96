package org.charscope.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.charscope.text.Corpus;
import org.charscope.text.Vocabulary;

/**
 * Finds where a generated text repeats the training text for {@link #MIN_RUN} symbols or more: the
 * memorization meter.
 *
 * <p>The index is a sorted {@code long[]} of (32-bit hash of the {@code gram} symbols at a position)
 * {@code << 32 |} position, over every {@code stride}-th position of the training text; a hash
 * match is only a candidate, confirmed by comparing the symbols themselves. Texts up to
 * {@link #MAX_ENTRIES} symbols index every position with {@code gram = MIN_RUN}. Longer ones
 * index every {@code stride}-th with {@code gram = MIN_RUN − stride + 1}: any occurrence of
 * {@code MIN_RUN} symbols starting at {@code p} holds an indexed position {@code p + d},
 * {@code d < stride}, followed by at least {@code gram} of its symbols, so nothing is missed,
 * and the index stays at 8 bytes × {@link #MAX_ENTRIES} = 256 MB up to the 256 MB input limit.
 * The symbols compared are the corpus's own array, shared, not copied.
 */
public final class CopyIndex {

    /** The shortest stretch counted as copied: 20 symbols, longer than any common phrase's shared bits. */
    public static final int MIN_RUN = 20;
    /** Entries the index may hold before it thins out its positions. */
    static final int MAX_ENTRIES = 32 << 20;
    /** Multiplier of the polynomial rolling hash: odd, so no symbol's weight vanishes mod 2^64. */
    private static final long BASE = 0x100000001B3L;
    private static final int CHECK_EVERY = 1 << 20;

    private final int[] train;    // [length] symbol ids the runs are found in
    private final int length;
    private final int stride;     // every stride-th position is indexed
    private final int gram;       // symbols hashed at each indexed position
    private final long[] entries; // [indexed] (hash << 32) | position, ascending
    private final Vocabulary vocabulary; // turns a generated string into ids; null for id-only use

    private CopyIndex(int[] train, int length, int stride, long[] entries, Vocabulary vocabulary) {
        this.train = train;
        this.length = length;
        this.stride = stride;
        this.gram = MIN_RUN - stride + 1;
        this.entries = entries;
        this.vocabulary = vocabulary;
    }

    /** The index over a corpus's training part; generated strings are read with its vocabulary. */
    public static CopyIndex of(Corpus corpus) {
        int[] train = corpus.train();
        return build(train, train.length, strideFor(train.length), corpus.vocabulary());
    }

    /** The index over {@code train[0 .. length)}, for symbol ids only ({@link #find(int[], int)}). */
    public static CopyIndex of(int[] train, int length) {
        return build(train, length, strideFor(length), null);
    }

    /** Every position up to {@link #MAX_ENTRIES} symbols; beyond, the least stride that keeps to it. */
    static int strideFor(int length) {
        return Math.max(1, (int) ((length + (long) MAX_ENTRIES - 1) / MAX_ENTRIES));
    }

    /**
     * @param stride 1 to {@code MIN_RUN − 7}: a gram under 8 symbols would make every common word a candidate
     * @throws CancellationException if the thread is interrupted meanwhile
     */
    static CopyIndex build(int[] train, int length, int stride, Vocabulary vocabulary) {
        if (stride < 1 || MIN_RUN - stride + 1 < 8) {
            throw new IllegalArgumentException("stride must be 1 to " + (MIN_RUN - 7) + ", was " + stride);
        }
        int gram = MIN_RUN - stride + 1;
        int positions = length < gram ? 0 : (length - gram) / stride + 1;
        long[] entries = new long[positions];
        RollingHash rolling = new RollingHash(gram);
        long hash = 0;
        for (int p = 0, next = 0; p + gram <= length; p++) {
            if ((p & (CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("copy index cancelled");
            }
            hash = p == 0 ? rolling.first(train, 0) : rolling.next(hash, train, p);
            if (p % stride == 0) {
                entries[next++] = (long) high32(hash) << 32 | p;
            }
        }
        Arrays.sort(entries);
        return new CopyIndex(train, length, stride, entries, vocabulary);
    }

    /** Bytes the index itself holds (the training symbols are the corpus's). */
    public long bytes() {
        return 8L * entries.length;
    }

    /** Positions indexed apart: 1 up to {@link #MAX_ENTRIES} symbols. */
    public int stride() {
        return stride;
    }

    /**
     * The copied runs of a generated string, read with the corpus's vocabulary (a character it
     * lacks matches nothing).
     *
     * @param primeCodePoints how many code points at the start are the prime, never counted
     */
    public CopiedRuns find(String text, int primeCodePoints) {
        if (vocabulary == null) {
            throw new IllegalStateException("this index was built over ids only");
        }
        int[] ids = text.codePoints()
                .map(cp -> vocabulary.contains(cp) || vocabulary.hasUnknown() ? vocabulary.id(cp) : -1)
                .toArray();
        return find(ids, Math.min(primeCodePoints, ids.length));
    }

    /**
     * Every window of {@link #MIN_RUN} generated symbols that occurs in the training text, merged
     * into maximal runs (two overlapping windows may come from different places of the book).
     *
     * @param generated symbol ids, -1 for one the training text cannot hold
     * @param from      the first generated position (after the prime): windows start here or later
     */
    public CopiedRuns find(int[] generated, int from) {
        boolean[] covered = new boolean[generated.length];
        long[] hashes = hashesOf(generated);
        int lastMatch = -2; // where the previous window was found, so the next one tries just after it
        for (int q = from; q + MIN_RUN <= generated.length; q++) {
            int at = lastMatch >= 0 && occursAt(generated, q, lastMatch + 1) ? lastMatch + 1 : locate(generated, hashes, q);
            lastMatch = at;
            if (at >= 0) {
                Arrays.fill(covered, q, q + MIN_RUN, true);
            }
        }
        List<CopiedRuns.Run> runs = new ArrayList<>();
        int copied = 0;
        for (int i = from; i < generated.length; i++) {
            if (covered[i]) {
                int start = i;
                while (i < generated.length && covered[i]) {
                    i++;
                }
                runs.add(new CopiedRuns.Run(start, i));
                copied += i - start;
            }
        }
        return new CopiedRuns(runs, generated.length - from, copied);
    }

    /** Hash of the gram at every position of {@code ids} where one fits. */
    private long[] hashesOf(int[] ids) {
        long[] hashes = new long[Math.max(0, ids.length - gram + 1)];
        RollingHash rolling = new RollingHash(gram);
        for (int r = 0; r < hashes.length; r++) {
            hashes[r] = r == 0 ? rolling.first(ids, 0) : rolling.next(hashes[r - 1], ids, r);
        }
        return hashes;
    }

    /** A training position where {@code generated[q .. q + MIN_RUN)} occurs, or -1. */
    private int locate(int[] generated, long[] hashes, int q) {
        for (int d = 0; d < stride; d++) {
            int high = high32(hashes[q + d]);
            for (int i = lowerBound((long) high << 32); i < entries.length && (int) (entries[i] >>> 32) == high; i++) {
                int start = (int) entries[i] - d;
                if (start >= 0 && occursAt(generated, q, start)) {
                    return start;
                }
            }
        }
        return -1;
    }

    private boolean occursAt(int[] generated, int q, int start) {
        if (start + MIN_RUN > length) {
            return false;
        }
        for (int j = 0; j < MIN_RUN; j++) {
            if (train[start + j] != generated[q + j]) {
                return false;
            }
        }
        return true;
    }

    /** The first entry not below {@code key}. */
    private int lowerBound(long key) {
        int low = 0;
        int high = entries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The top 32 bits of a well-mixed hash: the polynomial's low bits depend on few symbols. */
    private static int high32(long hash) {
        return (int) (GramKeys.mix(hash) >>> 32);
    }

    /** h(i) = Σ_j (ids[i + j] + 1) · BASE^(gram − 1 − j) mod 2^64, moved one position in O(1). */
    private static final class RollingHash {
        private final int gram;
        private final long leading; // BASE^(gram − 1)

        RollingHash(int gram) {
            this.gram = gram;
            long power = 1;
            for (int j = 1; j < gram; j++) {
                power *= BASE;
            }
            this.leading = power;
        }

        long first(int[] ids, int start) {
            long hash = 0;
            for (int j = 0; j < gram; j++) {
                hash = hash * BASE + ids[start + j] + 1;
            }
            return hash;
        }

        /** The hash at {@code start} from the one at {@code start − 1}. */
        long next(long previous, int[] ids, int start) {
            return (previous - (ids[start - 1] + 1L) * leading) * BASE + ids[start + gram - 1] + 1;
        }
    }
}
