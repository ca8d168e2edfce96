package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageChunksTest {

    /** Kept parts cover [0, length) exactly once and in order; windows are full length when the passage allows. */
    private static void assertGoodPlan(int length, int chunk, int warmup) {
        List<PassageChunk> plan = PassageChunks.plan(length, chunk, warmup);
        int next = 0;
        for (PassageChunk c : plan) {
            String where = length + "/" + chunk + "/" + warmup + " " + c;
            assertEquals(next, c.from(), where);
            assertTrue(c.warmupFrom() >= 0, where);
            assertTrue(c.length() <= (next == 0 ? chunk + warmup : chunk), where);
            assertTrue(next == 0 ? c.warmupLength() == 0 : c.warmupLength() >= warmup, where);
            assertEquals(Math.min(length, chunk + warmup), c.windowLength(), where);
            next = c.to();
        }
        assertEquals(length, next, "covers the passage: " + plan);
    }

    @Test
    void chunksCoverThePassageOnceInOrderWithWarmupsInsideIt() {
        for (int length = 0; length <= 60; length++) {
            for (int chunk = 1; chunk <= 9; chunk++) {
                for (int warmup = 0; warmup <= 5; warmup++) {
                    assertGoodPlan(length, chunk, warmup);
                }
            }
        }
        assertGoodPlan(5_000, 512, 128);
    }

    @Test
    void aHandCheckedPlan() {
        // 1,500 steps, 512 kept after 128 of warm-up: windows of 640
        assertEquals(List.of(
                new PassageChunk(0, 0, 640),
                new PassageChunk(512, 640, 1152),
                new PassageChunk(860, 1152, 1500)),
                PassageChunks.plan(1500, 512, 128));
        assertEquals(List.of(new PassageChunk(0, 0, 300)), PassageChunks.plan(300, 512, 128));
        assertEquals(List.of(), PassageChunks.plan(0, 512, 128));
    }

    @Test
    void impossiblePlansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PassageChunks.plan(10, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> PassageChunks.plan(10, 4, -1));
        assertThrows(IllegalArgumentException.class, () -> new PassageChunk(3, 2, 5));
    }
}
