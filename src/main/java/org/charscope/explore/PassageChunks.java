package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans how to run a long passage as a batch of chunks instead of one symbol at a time. The
 * kept parts of the chunks follow each other and cover every step exactly once; before each
 * kept part the engine reads up to {@code warmupLength} earlier steps from a zero state, so the
 * state carries some context by the time the outputs count.
 *
 * <p>Every window (warm-up plus kept part) has the same length, {@code warmupLength +
 * chunkLength}, whenever the passage is at least that long, so the chunks stack into one
 * rectangular minibatch with no padding or masking:
 * <ul>
 *   <li>the first chunk starts at step 0, where the zero state is the true state, so it needs no
 *       warm-up and keeps its whole window;</li>
 *   <li>the middle chunks keep {@code chunkLength} steps after {@code warmupLength} of warm-up;</li>
 *   <li>the last chunk keeps what is left, and its window is moved back to full length, giving it
 *       a longer warm-up.</li>
 * </ul>
 * The first chunk's outputs equal a run over the whole passage; later ones approximate it as far
 * as the warm-up lets the state forget where it started.
 */
public final class PassageChunks {

    private PassageChunks() {
    }

    /**
     * @param passageLength steps in the passage
     * @param chunkLength   steps kept per chunk, at least 1 (e.g. 512)
     * @param warmupLength  steps read before each kept part, at least 0 (e.g. 128)
     * @return the chunks in passage order; none for an empty passage
     */
    public static List<PassageChunk> plan(int passageLength, int chunkLength, int warmupLength) {
        if (passageLength < 0 || chunkLength < 1 || warmupLength < 0) {
            throw new IllegalArgumentException("need passageLength >= 0, chunkLength >= 1, warmupLength >= 0, got "
                    + passageLength + ", " + chunkLength + ", " + warmupLength);
        }
        long window = (long) chunkLength + warmupLength;
        List<PassageChunk> chunks = new ArrayList<>();
        if (passageLength == 0) {
            return chunks;
        }
        int firstTo = (int) Math.min(passageLength, window);
        chunks.add(new PassageChunk(0, 0, firstTo));
        for (int from = firstTo; from < passageLength; from += chunkLength) {
            int to = (int) Math.min(passageLength, (long) from + chunkLength);
            chunks.add(new PassageChunk((int) (to - window), from, to));
        }
        return List.copyOf(chunks);
    }
}
