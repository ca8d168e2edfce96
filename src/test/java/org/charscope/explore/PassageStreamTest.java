package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.charscope.model.Activations;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.ModelReadings;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/** Streaming a stretch hands over what the stored reading keeps, each step once, with progress and cancel. */
class PassageStreamTest {

    private static final String TEXT = "\"Where?\" she said. (The keeper [old] laughed.) \"Here,\" he said.\n".repeat(160);

    private final Vocabulary vocabulary = Vocabulary.of(TEXT);
    private final CharLstm model = new CharLstm(new LstmConfig(vocabulary.size(), 2, 24, 0, 0, Precision.FLOAT), 3);
    private final int[] ids = vocabulary.encode(TEXT);

    /** Collects one layer's one signal by position, counting how often each position came. */
    private static final class Collected implements PassageStream.StepSink {
        final int layer;
        final Signal signal;
        final int hidden;
        final float[] values;   // [positions, hidden]
        final int[] times;      // [positions]
        final List<Integer> reached = new ArrayList<>();

        Collected(int layer, Signal signal, int hidden, int positions) {
            this.layer = layer;
            this.signal = signal;
            this.hidden = hidden;
            this.values = new float[positions * hidden];
            this.times = new int[positions];
        }

        @Override
        public void signal(int position, Signal s, int l, float[] from, int offset) {
            if (l == layer && s == signal) {
                System.arraycopy(from, offset, values, position * hidden, hidden);
                times[position]++;
            }
        }

        @Override
        public void readUpTo(int position) {
            reached.add(position);
        }
    }

    @Test
    void streamingAPassageGivesTheValuesTheExplorerStores() {
        int steps = 10_000;   // two batches of 64 chunks
        String passage = vocabulary.decode(Arrays.copyOf(ids, steps));
        Probe.Result stored = Probe.run(model, vocabulary, passage);
        for (Signal signal : List.of(Signal.CELL, Signal.OUTPUT_GATE)) {
            Collected streamed = new Collected(1, signal, 24, steps);
            PassageStream.read(model, ids, 0, steps, streamed, ReadProgress.NONE);
            assertTrue(Arrays.stream(streamed.times).allMatch(n -> n == 1), "each step handed over once");
            NeuronMatrix matrix = stored.activations().matrix(1, signal);
            for (int unit : new int[] {0, 7, 23}) {
                float[] series = matrix.series(unit);
                for (int t = 0; t < steps; t++) {
                    assertEquals(series[t], streamed.values[t * 24 + unit], "step " + t + " unit " + unit);
                }
            }
            assertEquals(List.of(64 * Probe.CHUNK + Probe.WARMUP, steps), streamed.reached);
        }
    }

    @Test
    void aStretchIsWarmedUpOnTheTextBeforeIt() {
        int from = 1_000;
        int to = 1_400;
        Collected streamed = new Collected(0, Signal.HIDDEN, 24, ids.length);
        PassageStream.read(model, ids, from, to, streamed, ReadProgress.NONE);
        for (int t = 0; t < ids.length; t++) {
            assertEquals(t >= from && t < to ? 1 : 0, streamed.times[t], "position " + t);
        }
        // the first chunk starts WARMUP characters before the stretch, from a zero state
        int start = from - Probe.WARMUP;
        Activations direct = ModelReadings.activations(model, Arrays.copyOfRange(ids, start, start + 150),
                model.newState(1));
        float[] expected = direct.series(Signal.HIDDEN, 0, 9);
        for (int t = from; t < start + 150; t++) {
            assertEquals(expected[t - start], streamed.values[t * 24 + 9], 1e-5f, "step " + t);
        }
    }

    @Test
    void progressReachesTheEndAndCancelStopsBetweenBatches() {
        List<long[]> updates = new ArrayList<>();
        PassageStream.read(model, ids, 500, 9_500, new Collected(0, Signal.HIDDEN, 24, ids.length),
                (done, total) -> updates.add(new long[] {done, total}));
        assertEquals(2, updates.size());
        assertArrayEquals(new long[] {9_000, 9_000}, updates.get(1));

        Collected partial = new Collected(0, Signal.HIDDEN, 24, ids.length);
        ReadProgress cancelAfterOne = new ReadProgress() {
            private int batches;

            @Override
            public void update(long done, long total) {
                batches++;
            }

            @Override
            public boolean isCancelled() {
                return batches >= 1;
            }
        };
        assertThrows(CancellationException.class,
                () -> PassageStream.read(model, ids, 0, ids.length, partial, cancelAfterOne));
        assertEquals(1, partial.reached.size(), "one batch read, then stopped");
    }
}
