package org.charscope.baseline;

/**
 * One 64-bit key per gram of symbol ids, so that counting needs no objects. A gram of {@code k}
 * ids from a vocabulary of {@code V} symbols is packed exactly, {@code ceil(log2 V)} bits an id,
 * when {@code k} of them fit in 64 bits: up to 7 ids from 512 symbols. Longer grams of larger
 * vocabularies (a Chinese novel) are hashed instead; two distinct grams then share a key with
 * probability about 2<sup>-64</sup> a pair, under 10<sup>-5</sup> that any two of 20 million do,
 * and a shared key would merely pool two counts.
 */
final class GramKeys {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int bitsPerId;
    private final boolean hashAlways;

    /** @param vocabularySize symbols an id ranges over, at least 1 */
    GramKeys(int vocabularySize) {
        this(vocabularySize, false);
    }

    /** @param hashAlways hash even grams that would pack: lets a test hold the hashed path against the exact one */
    GramKeys(int vocabularySize, boolean hashAlways) {
        this.bitsPerId = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, vocabularySize - 1)));
        this.hashAlways = hashAlways;
    }

    /** Whether grams of {@code length} ids are packed exactly rather than hashed. */
    boolean exact(int length) {
        return length == 0 || !hashAlways && (long) length * bitsPerId <= 64;
    }

    /** The key of {@code ids[start .. start + length)}. */
    long key(int[] ids, int start, int length) {
        if (exact(length)) {
            long key = 0;
            for (int j = 0; j < length; j++) {
                key = (key << bitsPerId) | ids[start + j];
            }
            return key;
        }
        long hash = length;
        for (int j = 0; j < length; j++) {
            hash = mix((hash ^ ids[start + j]) * GOLDEN);
        }
        return hash;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit flips about half the output bits. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
