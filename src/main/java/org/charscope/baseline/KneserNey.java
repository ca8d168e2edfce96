package org.charscope.baseline;

import java.util.concurrent.CancellationException;

/**
 * Character n-gram models of every order {@code n = 1 … maxOrder} at once, smoothed by
 * interpolated Kneser–Ney (Chen and Goodman 1998, with one discount {@code D} at every order).
 *
 * <p>For a symbol {@code w} after the context {@code h} (the {@code n − 1} symbols before it), the
 * highest order uses raw counts:
 * <pre>
 *   P_n(w | h) = max(c(h w) − D, 0) / c(h •)  +  D · N1+(h •) / c(h •) · P'_{n−1}(w | h')
 * </pre>
 * where {@code c(h •) = Σ_w c(h w)}, {@code N1+(h •)} is how many distinct symbols follow
 * {@code h}, and {@code h'} is {@code h} without its first symbol. Each lower order {@code k}
 * replaces counts by continuation counts, the number of distinct symbols seen before a gram:
 * <pre>
 *   P'_k(w | h) = max(N1+(• h w) − D, 0) / Σ_v N1+(• h v)  +  D · #{v : N1+(• h v) > 0} / Σ_v N1+(• h v) · P'_{k−1}(w | h')
 * </pre>
 * and the chain ends in the uniform distribution, {@code P'_0(w) = 1 / V}. A context never seen
 * (a zero denominator) hands its whole mass to the order below. For {@code n = 1} this is
 * {@code P(w) = max(c(w) − D, 0) / N + D · T / (N · V)} with {@code N} training symbols and
 * {@code T} distinct ones. Each level sums to 1 over the vocabulary because the discounted mass
 * {@code D} times the number of symbols that have a count is exactly what the lower order spreads.
 *
 * <p>The text has no start-of-text symbol: a gram's only occurrence at position 0 has no symbol
 * before it and so no continuation count, which keeps every sum above consistent.
 */
public final class KneserNey {

    /** The discount at every order: Kneser and Ney's usual value, close to the optimum for text. */
    public static final double DISCOUNT = 0.75;

    /** Positions between two looks at the thread's interrupt flag. */
    private static final int CHECK_EVERY = 1 << 20;

    private final GramKeys keys;
    private final GramTable[] tables; // [maxOrder + 1], tables[k] holds the grams of k symbols
    private final int[] lastSlots;    // [maxOrder + 1] slot of the text's final k-gram: it has no follower
    private final int vocabularySize;
    private final int maxOrder;

    private KneserNey(GramKeys keys, GramTable[] tables, int[] lastSlots, int vocabularySize) {
        this.keys = keys;
        this.tables = tables;
        this.lastSlots = lastSlots;
        this.vocabularySize = vocabularySize;
        this.maxOrder = tables.length - 1;
    }

    /**
     * Counts every gram of 1 to {@code maxOrder} symbols in {@code train[0 .. length)}.
     *
     * @param train          symbol ids, each in {@code [0, vocabularySize)}
     * @param vocabularySize V, the symbols a prediction is spread over
     * @throws CancellationException if the thread is interrupted meanwhile
     */
    public static KneserNey fit(int[] train, int length, int vocabularySize, int maxOrder) {
        return fit(train, length, vocabularySize, maxOrder, new GramKeys(vocabularySize));
    }

    /** As {@link #fit(int[], int, int, int)}, with the keys given (tests: hashed ones). */
    static KneserNey fit(int[] train, int length, int vocabularySize, int maxOrder, GramKeys keys) {
        if (maxOrder < 1 || length < maxOrder || vocabularySize < 1) {
            throw new IllegalArgumentException("need maxOrder >= 1, at least maxOrder symbols and a vocabulary; got "
                    + maxOrder + ", " + length + ", " + vocabularySize);
        }
        GramTable[] tables = new GramTable[maxOrder + 1];
        // The empty gram occurs at every one of the length + 1 boundaries; the last has nothing after it.
        tables[0] = new GramTable(false);
        tables[0].set(tables[0].add(0), GramTable.COUNT, length + 1);
        int[] lastSlots = new int[maxOrder + 1];
        for (int k = 1; k <= maxOrder; k++) {
            tables[k] = new GramTable(k == maxOrder);
            countOrder(train, length, k, keys, tables);
            lastSlots[k] = tables[k].find(keys.key(train, length - k, k));
        }
        return new KneserNey(keys, tables, lastSlots, vocabularySize);
    }

    /**
     * Counts the grams of {@code k} symbols; each one seen for the first time adds a follower type
     * to its context and a continuation to its suffix (one symbol shorter, on the order below).
     */
    private static void countOrder(int[] train, int length, int k, GramKeys keys, GramTable[] tables) {
        GramTable grams = tables[k];
        GramTable shorter = tables[k - 1];
        for (int i = 0; i + k <= length; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("n-gram fit cancelled");
            }
            int slot = grams.add(keys.key(train, i, k));
            if (grams.increment(slot, GramTable.COUNT) > 1) {
                continue;
            }
            shorter.increment(shorter.find(keys.key(train, i, k - 1)), GramTable.FOLLOWER_TYPES);
            if (k >= 2) {
                int suffix = shorter.find(keys.key(train, i + 1, k - 1));
                boolean firstContinuation = shorter.increment(suffix, GramTable.CONTINUATION) == 1;
                GramTable context = tables[k - 2];
                int suffixContext = context.find(keys.key(train, i + 1, k - 2));
                context.increment(suffixContext, GramTable.CONTINUATION_TOTAL);
                if (firstContinuation) {
                    context.increment(suffixContext, GramTable.CONTINUATION_TYPES);
                }
            }
        }
    }

    public int maxOrder() {
        return maxOrder;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** Bytes the counts take. */
    public long bytes() {
        long total = 0;
        for (GramTable table : tables) {
            total += table.bytes();
        }
        return total;
    }

    /** P_n of {@code ids[at]} after the symbols before it, for one order {@code n}. */
    public double probability(int n, int[] ids, int at) {
        double[] all = new double[maxOrder];
        probabilities(ids, at, all);
        return all[n - 1];
    }

    /**
     * The probability of {@code ids[at]} under every model order at once, each read off the
     * symbols before it (fewer where {@code at} is near the start).
     *
     * @param out [maxOrder], out[n − 1] = P_n(ids[at] | ids[at − n + 1 .. at))
     */
    public void probabilities(int[] ids, int at, double[] out) {
        double lower = 1.0 / vocabularySize; // P'_0: uniform
        for (int k = 1; k <= maxOrder; k++) {
            int contextStart = at - k + 1;
            int context = contextStart < 0 ? -1 : tables[k - 1].find(keys.key(ids, contextStart, k - 1));
            int gram = context < 0 ? -1 : tables[k].find(keys.key(ids, contextStart, k));
            GramTable contexts = tables[k - 1];
            GramTable grams = tables[k];
            if (context < 0) {
                out[k - 1] = lower; // unseen context: everything backs off
                continue;
            }
            int followers = contexts.get(context, GramTable.COUNT) - (context == lastSlots[k - 1] ? 1 : 0);
            int count = gram < 0 ? 0 : grams.get(gram, GramTable.COUNT);
            out[k - 1] = interpolate(count, followers, contexts.get(context, GramTable.FOLLOWER_TYPES), lower);
            if (k < maxOrder) {
                int continuation = gram < 0 ? 0 : grams.get(gram, GramTable.CONTINUATION);
                lower = interpolate(continuation, contexts.get(context, GramTable.CONTINUATION_TOTAL),
                        contexts.get(context, GramTable.CONTINUATION_TYPES), lower);
            }
        }
    }

    /** max(count − D, 0) / total + D · types / total · lower; all of {@code lower} when total is 0. */
    private static double interpolate(int count, int total, int types, double lower) {
        if (total == 0) {
            return lower;
        }
        return (Math.max(count - DISCOUNT, 0) + DISCOUNT * types * lower) / total;
    }
}
