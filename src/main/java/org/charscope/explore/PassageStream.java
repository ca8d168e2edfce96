package org.charscope.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.charscope.model.CharLstm;
import org.charscope.model.Signal;
import org.charscope.model.WindowReader;

/**
 * Reads a stretch of a long symbol sequence through a model the way the explorer does, in chunks
 * ({@link PassageChunks}) read side by side, each from a zero state after a warm-up of the text
 * before it, and hands every kept step's signals to a {@link StepSink} with the step's position in
 * the sequence instead of storing them: a reading of a whole book then holds one batch at a time.
 *
 * <p>The stretch {@code [from, to)} is warmed up on up to {@link #WARMUP} symbols before
 * {@code from} when the sequence has them, as every later chunk is on the symbols before it.
 * Between batches the reading reports its progress and stops if asked to.
 *
 * <p>Must be called on the thread that owns the model.
 */
public final class PassageStream {

    /**
     * Symbols kept per chunk, and read before each (except the first) to warm its state up.
     * Short chunks make many windows to read side by side (fast); the warm-up gives each one
     * the context a neuron that counts or remembers needs (quotes, brackets, line position).
     */
    public static final int CHUNK = 128;
    public static final int WARMUP = 64;
    /** Windows read side by side at most: bounds the memory of one minibatch. */
    static final int WINDOWS_PER_BATCH = 64;

    /** Receives each kept step as it is read, from buffers that the next step overwrites: copy, never keep. */
    public interface StepSink {

        /** One signal of one layer after the step at {@code position}: {@code from[offset, offset + hidden)}. */
        void signal(int position, Signal signal, int layer, float[] from, int offset);

        /** The predicted distribution of the symbol after {@code position}: {@code from[offset, offset + vocab)}. */
        default void probabilities(int position, float[] from, int offset) {
        }

        /**
         * Every kept step before {@code position} has been handed over: called after each batch,
         * with growing positions. Within a batch, steps arrive interleaved across its chunks.
         */
        default void readUpTo(int position) {
        }
    }

    private PassageStream() {
    }

    /**
     * @param ids      [symbols] the whole sequence; only {@code [max(0, from − WARMUP), to)} is read
     * @param from     the first position handed to the sink
     * @param to       one past the last
     * @throws CancellationException if {@code progress} asked to stop; the sink then saw part of the stretch
     */
    public static void read(CharLstm model, int[] ids, int from, int to, StepSink sink, ReadProgress progress) {
        if (from < 0 || from > to || to > ids.length) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + ids.length + ", got " + from + ", " + to);
        }
        if (from == to) {
            return;
        }
        int start = Math.max(0, from - WARMUP);
        List<PassageChunk> plan = PassageChunks.plan(to - start, CHUNK, WARMUP);
        for (int first = 0; first < plan.size(); first += WINDOWS_PER_BATCH) {
            if (progress.isCancelled()) {
                throw new CancellationException("the reading was cancelled");
            }
            List<PassageChunk> group = plan.subList(first, Math.min(plan.size(), first + WINDOWS_PER_BATCH));
            List<List<PassageChunk>> byLength = new ArrayList<>(
                    group.stream().collect(Collectors.groupingBy(PassageChunk::windowLength,
                            LinkedHashMap::new, Collectors.toList())).values());
            for (List<PassageChunk> sameLength : byLength) {
                readSideBySide(model, ids, start, from, sameLength, sink);
            }
            int reached = start + group.get(group.size() - 1).to();
            sink.readUpTo(reached);
            progress.update(reached - from, to - from);
        }
    }

    /** Chunks of one window length (positions relative to {@code start}) as one minibatch. */
    private static void readSideBySide(CharLstm model, int[] ids, int start, int from, List<PassageChunk> chunks,
                                       StepSink sink) {
        int[][] windows = chunks.stream()
                .map(c -> Arrays.copyOfRange(ids, start + c.warmupFrom(), start + c.to())).toArray(int[][]::new);
        model.readWindows(windows, new WindowReader() {
            @Override
            public boolean keeps(int window, int step) {
                PassageChunk chunk = chunks.get(window);
                return step >= chunk.warmupLength() && position(window, step) >= from;
            }

            @Override
            public void signal(int window, Signal signal, int layer, int step, float[] values, int offset) {
                sink.signal(position(window, step), signal, layer, values, offset);
            }

            @Override
            public void probabilities(int window, int step, float[] values, int offset) {
                sink.probabilities(position(window, step), values, offset);
            }

            private int position(int window, int step) {
                return start + chunks.get(window).warmupFrom() + step;
            }
        });
    }
}
