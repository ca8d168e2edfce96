package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void gatesRunFromZeroToOneAndTheCellIsUnbounded() {
        for (Quantity gate : new Quantity[] {Quantity.INPUT_GATE, Quantity.FORGET_GATE, Quantity.OUTPUT_GATE}) {
            assertTrue(gate.isGate());
            assertEquals(0, gate.low());
            assertEquals(1, gate.high());
        }
        assertEquals(-1, Quantity.HIDDEN.low());
        assertFalse(Quantity.CELL.isBounded());
        assertTrue(Quantity.TANH_CELL.isBounded());
        assertEquals("tanh(cell)", Quantity.TANH_CELL.displayName());
    }

    @Test
    void theCellSaturatesWhereItsTanhDoes() {
        assertEquals(0.9, Math.tanh(Quantity.CELL.rightSaturatedAbove()), 1e-12);
        assertEquals(-0.9, Math.tanh(Quantity.CELL.leftSaturatedBelow()), 1e-12);
        assertEquals(0.1, Quantity.FORGET_GATE.leftSaturatedBelow());
        assertEquals(-0.9, Quantity.CANDIDATE.leftSaturatedBelow());
    }
}
