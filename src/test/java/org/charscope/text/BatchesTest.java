package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Uses streams whose symbol at position i is i, so every id read names the position it came
 * from.
 */
class BatchesTest {

    private static final int BATCH = 3;
    private static final int SEQ = 4;

    private static int[] positions(int length) {
        return IntStream.range(0, length).toArray();
    }

    private static int[][] next(Batches batches) {
        int[] inputs = new int[BATCH * SEQ];
        int[] targets = new int[BATCH * SEQ];
        batches.next(inputs, targets);
        return new int[][] {inputs, targets};
    }

    @Test
    void targetsAreTheInputsShiftedByOneSymbol() {
        int[] stream = IntStream.range(0, 100).map(i -> (i * 7) % 11).toArray();
        Batches batches = new Batches(stream, BATCH, SEQ);

        int[][] batch = next(batches);

        int rowLength = batches.batchesPerEpoch() * SEQ;
        for (int t = 0; t < SEQ; t++) {
            for (int b = 0; b < BATCH; b++) {
                assertEquals(stream[b * rowLength + t], batch[0][t * BATCH + b]);
                assertEquals(stream[b * rowLength + t + 1], batch[1][t * BATCH + b]);
            }
        }
    }

    @Test
    void eachRowContinuesWhereTheSameRowOfTheLastBatchStopped() {
        Batches batches = new Batches(positions(40), BATCH, SEQ);
        assertEquals(3, batches.batchesPerEpoch());

        int[][] previous = next(batches);
        for (int k = 1; k < batches.batchesPerEpoch(); k++) {
            int[][] current = next(batches);
            for (int b = 0; b < BATCH; b++) {
                int lastInput = previous[0][(SEQ - 1) * BATCH + b];
                int lastTarget = previous[1][(SEQ - 1) * BATCH + b];
                assertEquals(lastInput + 1, current[0][b], "row " + b + " of batch " + k);
                assertEquals(lastTarget, current[0][b], "the last target is the next input");
                for (int t = 1; t < SEQ; t++) {
                    assertEquals(current[0][(t - 1) * BATCH + b] + 1, current[0][t * BATCH + b]);
                }
            }
            previous = current;
        }
    }

    @Test
    void rowsAreEqualContiguousSlicesAndTheRemainderIsUnused() {
        Batches batches = new Batches(positions(40), BATCH, SEQ); // 39 usable steps -> 3 batches of 12
        int[][] first = next(batches);

        assertArrayEquals(new int[] {0, 12, 24}, new int[] {first[0][0], first[0][1], first[0][2]});
        next(batches);
        int[][] last = next(batches);
        assertEquals(36, last[1][(SEQ - 1) * BATCH + 2], "the last target used is symbol 36 of 0..39");
    }

    @Test
    void afterTheLastBatchTheEpochWrapsToTheFirst() {
        Batches batches = new Batches(positions(40), BATCH, SEQ);
        int[][] first = next(batches);
        assertFalse(batches.atEpochStart());
        next(batches);
        next(batches);

        assertTrue(batches.atEpochStart());
        assertEquals(1.0, batches.epoch(), 1e-12);
        int[][] again = next(batches);
        assertArrayEquals(first[0], again[0]);
        assertArrayEquals(first[1], again[1]);
        assertEquals(4, batches.position());
        assertEquals(4.0 / 3, batches.epoch(), 1e-12);
    }

    @Test
    void seekingToASavedPositionReadsWhatAnUninterruptedRunWould() {
        Batches uninterrupted = new Batches(positions(40), BATCH, SEQ);
        for (int i = 0; i < 5; i++) {
            next(uninterrupted);
        }
        long saved = uninterrupted.position();
        int[][] expectedNext = next(uninterrupted);
        int[][] expectedAfter = next(uninterrupted);

        Batches resumed = new Batches(positions(40), BATCH, SEQ);
        resumed.seek(saved);

        assertEquals(5, resumed.position());
        int[][] actualNext = next(resumed);
        int[][] actualAfter = next(resumed);
        assertArrayEquals(expectedNext[0], actualNext[0]);
        assertArrayEquals(expectedNext[1], actualNext[1]);
        assertArrayEquals(expectedAfter[0], actualAfter[0]);
        assertArrayEquals(expectedAfter[1], actualAfter[1]);
    }

    @Test
    void aStreamShorterThanOneBatchPlusOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Batches(positions(BATCH * SEQ), BATCH, SEQ));
        assertTrue(e.getMessage().contains(String.valueOf(BATCH * SEQ + 1)), e.getMessage());

        Batches justEnough = new Batches(positions(BATCH * SEQ + 1), BATCH, SEQ);
        assertEquals(1, justEnough.batchesPerEpoch());
        int[][] only = next(justEnough);
        assertEquals(BATCH * SEQ, only[1][(SEQ - 1) * BATCH + BATCH - 1]);
        assertTrue(justEnough.atEpochStart(), "one batch an epoch: every batch starts one");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Batches(positions(40), 0, SEQ));
        assertThrows(IllegalArgumentException.class, () -> new Batches(positions(40), BATCH, 0));
        Batches batches = new Batches(positions(40), BATCH, SEQ);
        assertThrows(IllegalArgumentException.class, () -> batches.seek(-1));
        assertThrows(IllegalArgumentException.class,
                () -> batches.next(new int[BATCH * SEQ - 1], new int[BATCH * SEQ]));
        assertEquals(0, batches.position(), "a refused call reads nothing");
    }
}
