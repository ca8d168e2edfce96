package org.charscope.model;

/**
 * The loop that streams a long span through Java arrays a chunk at a time, for {@link FloatKernels}
 * and {@link FloatUpdates}: the body runs once per chunk, never per element, so its own loops stay
 * plain counted loops that C2 vectorizes.
 */
final class Chunks {

    /** Elements per chunk: four chunks of floats stay within the L2 cache. */
    static final int SIZE = 1 << 16;

    /** What is done to one chunk: elements {@code [first, first + count)}, {@code count ≤ SIZE}. */
    @FunctionalInterface
    interface Body {
        void run(long first, int count);
    }

    private Chunks() {
    }

    /** Runs {@code body} over {@code [0, length)} in chunks of {@link #SIZE}, in order. */
    static void forEach(long length, Body body) {
        for (long first = 0; first < length; first += SIZE) {
            body.run(first, (int) Math.min(SIZE, length - first));
        }
    }
}
