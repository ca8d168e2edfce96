package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowBatchesTest {

    private static final int[] TEXT = new int[500];

    static {
        for (int i = 0; i < TEXT.length; i++) {
            TEXT[i] = i;   // each symbol its own position: a window shows where it was cut
        }
    }

    @Test
    void eachWindowIsAStretchOfTheTextAndItsTargetsTheNextSymbols() {
        WindowBatches batches = new WindowBatches(TEXT, 4, 7, 1);
        int[] inputs = new int[28];
        int[] targets = new int[28];
        batches.next(inputs, targets);
        for (int b = 0; b < 4; b++) {
            int start = inputs[b];
            assertTrue(start >= 0 && start + 7 < TEXT.length);
            for (int t = 0; t < 7; t++) {
                assertEquals(start + t, inputs[t * 4 + b]);
                assertEquals(start + t + 1, targets[t * 4 + b]);
            }
        }
        assertTrue(batches.atEpochStart(), "every window starts from a zero state");
        assertEquals(1, batches.position());
        assertEquals((500 - 7) / 4, batches.batchesPerEpoch());
    }

    @Test
    void theBatchesArePureFunctionsOfSeedAndPosition() {
        WindowBatches a = new WindowBatches(TEXT, 3, 5, 9);
        WindowBatches b = new WindowBatches(TEXT, 3, 5, 9);
        int[] in1 = new int[15];
        int[] in2 = new int[15];
        int[] targets = new int[15];
        for (int k = 0; k < 4; k++) {
            a.next(in1, targets);
        }
        b.seek(3);
        b.next(in2, targets);
        assertArrayEquals(in1, in2, "batch 3 read after a seek is batch 3 read in order");
        WindowBatches other = new WindowBatches(TEXT, 3, 5, 10);
        other.seek(3);
        other.next(in2, targets);
        assertFalse(java.util.Arrays.equals(in1, in2), "another seed, other windows");
    }

    @Test
    void aTextShorterThanAWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WindowBatches(new int[5], 2, 5, 1));
        new WindowBatches(new int[6], 2, 5, 1);
    }
}
