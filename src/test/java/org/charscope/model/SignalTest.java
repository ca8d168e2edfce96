package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ranges and thresholds of each signal; was explore/QuantityTest before explore.Quantity became model.Signal. */
class SignalTest {

    @Test
    void gatesRunFromZeroToOneAndTheCellIsUnbounded() {
        for (Signal gate : new Signal[] {Signal.INPUT_GATE, Signal.FORGET_GATE, Signal.OUTPUT_GATE}) {
            assertTrue(gate.isGate());
            assertEquals(0, gate.low());
            assertEquals(1, gate.high());
        }
        assertEquals(-1, Signal.HIDDEN.low());
        assertFalse(Signal.CELL.isBounded());
        assertTrue(Signal.TANH_CELL.isBounded());
        assertEquals("tanh(cell)", Signal.TANH_CELL.displayName());
        assertEquals("forget gate", Signal.FORGET_GATE.displayName());
        assertEquals("cell", Signal.CELL.displayName());
    }

    @Test
    void theCellSaturatesWhereItsTanhDoes() {
        assertEquals(0.9, Math.tanh(Signal.CELL.rightSaturatedAbove()), 1e-12);
        assertEquals(-0.9, Math.tanh(Signal.CELL.leftSaturatedBelow()), 1e-12);
        assertEquals(0.1, Signal.FORGET_GATE.leftSaturatedBelow());
        assertEquals(-0.9, Signal.CANDIDATE.leftSaturatedBelow());
    }
}
