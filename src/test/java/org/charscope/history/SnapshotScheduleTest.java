package org.charscope.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** 0, then 25 · 2^k while below N, then every multiple of N. */
class SnapshotScheduleTest {

    private static List<Long> due(long every, long upTo) {
        SnapshotSchedule schedule = new SnapshotSchedule(every);
        List<Long> due = new ArrayList<>();
        LongStream.rangeClosed(0, upTo).filter(schedule::isDue).forEach(due::add);
        return due;
    }

    @Test
    void doublesFromTwentyFiveUntilTheIntervalThenKeepsToIt() {
        assertEquals(List.of(0L, 25L, 50L, 100L, 200L, 400L, 500L, 1000L, 1500L, 2000L), due(500, 2000));
        assertEquals(List.of(0L, 25L, 50L, 100L, 200L, 300L, 400L, 500L), due(100, 500), "100 is both; 200 a multiple");
        assertEquals(List.of(0L, 25L, 30L, 60L, 90L), due(30, 100));
    }

    @Test
    void anIntervalBelowTwentyFiveHasNoDoublingStart() {
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L), due(10, 55));
        assertEquals(LongStream.rangeClosed(0, 30).boxed().toList(), due(1, 30), "every iteration");
    }

    @Test
    void theDoublingIterationsAreTwentyFiveTimesPowersOfTwo() {
        assertTrue(SnapshotSchedule.isDoubling(25));
        assertTrue(SnapshotSchedule.isDoubling(25L << 20));
        assertFalse(SnapshotSchedule.isDoubling(0));
        assertFalse(SnapshotSchedule.isDoubling(75));
        assertFalse(SnapshotSchedule.isDoubling(32));
        assertFalse(new SnapshotSchedule(500).isDue(-25));
    }

    @Test
    void anIntervalBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SnapshotSchedule(0));
        assertTrue(e.getMessage().contains("not every 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SnapshotSchedule(-5));
    }
}
