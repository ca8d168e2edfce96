package org.charscope.baseline;

import java.util.Arrays;

/**
 * The grams of one length and their counters: an open-addressing hash map (linear probing, at most
 * half full) from a gram's 64-bit key to a dense slot 0, 1, 2, … in order of first sight, and per
 * slot a row of int counters. Plain arrays rather than boxed maps: a 20 MB text has millions of
 * distinct 7-grams, and a {@code HashMap<Long, Integer>} would spend some 60 bytes on each.
 */
final class GramTable {

    /** c(g): occurrences of the gram in the text. */
    static final int COUNT = 0;
    /** N1+(• g): distinct symbols seen just before the gram. */
    static final int CONTINUATION = 1;
    /** N1+(g •): distinct symbols seen just after the gram, the gram taken as a context. */
    static final int FOLLOWER_TYPES = 2;
    /** Σ_w N1+(• g w): the continuation counts of the grams one longer that start with this one. */
    static final int CONTINUATION_TOTAL = 3;
    /** #{w : N1+(• g w) > 0}: how many of those have a continuation count at all. */
    static final int CONTINUATION_TYPES = 4;

    private static final int ALL_FIELDS = 5;
    private static final int FIRST_CAPACITY = 1 << 10;

    private final int fields;  // counters per slot: 1 (COUNT only) or ALL_FIELDS
    private int[] buckets;     // [capacity] slot + 1, 0 where empty; capacity a power of two
    private long[] keys;       // [slots allocated]
    private int[] counters;    // [slots allocated * fields]
    private int size;

    /** @param countOnly keep only {@link #COUNT}: the longest order, never a context nor a lower order */
    GramTable(boolean countOnly) {
        this.fields = countOnly ? 1 : ALL_FIELDS;
        this.buckets = new int[FIRST_CAPACITY];
        this.keys = new long[FIRST_CAPACITY / 2];
        this.counters = new int[FIRST_CAPACITY / 2 * fields];
    }

    /** Distinct grams held. */
    int size() {
        return size;
    }

    /** The slot of {@code key}, or -1 if the gram was never added. */
    int find(long key) {
        int mask = buckets.length - 1;
        for (int bucket = (int) GramKeys.mix(key) & mask; ; bucket = (bucket + 1) & mask) {
            int slot = buckets[bucket] - 1;
            if (slot < 0 || keys[slot] == key) {
                return slot;
            }
        }
    }

    /** The slot of {@code key}, made (all counters 0) if the gram is new. */
    int add(long key) {
        int mask = buckets.length - 1;
        int bucket = (int) GramKeys.mix(key) & mask;
        for (; buckets[bucket] != 0; bucket = (bucket + 1) & mask) {
            int slot = buckets[bucket] - 1;
            if (keys[slot] == key) {
                return slot;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counters = Arrays.copyOf(counters, size * 2 * fields);
        }
        int slot = size++;
        keys[slot] = key;
        buckets[bucket] = slot + 1;
        if (size * 2 > buckets.length) {
            rehash(buckets.length * 2);
        }
        return slot;
    }

    int get(int slot, int field) {
        return counters[slot * fields + field];
    }

    /** Adds one to a counter and returns its new value. */
    int increment(int slot, int field) {
        return ++counters[slot * fields + field];
    }

    void set(int slot, int field, int value) {
        counters[slot * fields + field] = value;
    }

    /** Bytes held by the arrays: what the table costs. */
    long bytes() {
        return 4L * buckets.length + 8L * keys.length + 4L * counters.length;
    }

    private void rehash(int capacity) {
        buckets = new int[capacity];
        int mask = capacity - 1;
        for (int slot = 0; slot < size; slot++) {
            int bucket = (int) GramKeys.mix(keys[slot]) & mask;
            while (buckets[bucket] != 0) {
                bucket = (bucket + 1) & mask;
            }
            buckets[bucket] = slot + 1;
        }
    }
}
