package org.charscope.explore;

/**
 * One piece of a long passage for the engine to run: it starts from a zero state at
 * {@code warmupFrom}, reads up to {@code to}, and keeps only the outputs of steps
 * {@code [from, to)}. The warm-up steps give the state time to fill with context before the
 * outputs count; their outputs are thrown away.
 *
 * @param warmupFrom where the engine starts reading, from a zero state
 * @param from       the first step whose outputs are kept
 * @param to         one past the last step read and kept
 */
public record PassageChunk(int warmupFrom, int from, int to) {

    public PassageChunk {
        if (warmupFrom < 0 || warmupFrom > from || from >= to) {
            throw new IllegalArgumentException("a chunk needs 0 <= warmupFrom <= from < to, got warm-up from "
                    + warmupFrom + ", steps [" + from + ", " + to + ")");
        }
    }

    /** Steps whose outputs are kept. */
    public int length() {
        return to - from;
    }

    public int warmupLength() {
        return from - warmupFrom;
    }

    /** Steps the engine reads: warm-up and kept together. */
    public int windowLength() {
        return to - warmupFrom;
    }
}
