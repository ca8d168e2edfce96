package org.charscope.text;

/**
 * The part of a {@link BatchSource} both kinds share: the count of batches read so far, which is
 * all a resumed run needs, since each batch is a pure function of it.
 */
abstract class CountedBatches implements BatchSource {

    private long position;            // batches read since the start, across epochs

    @Override
    public final long position() {
        return position;
    }

    @Override
    public final void seek(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0");
        }
        this.position = position;
    }

    /** Counts the batch just filled. */
    protected final void advance() {
        position++;
    }
}
