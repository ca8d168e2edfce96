package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextOptionsTest {

    @Test
    void defaultsKeepCaseAndEverySymbolAndHoldOutATenth() {
        assertEquals(new TextOptions(false, 0, 0.1), TextOptions.defaults());
    }

    @Test
    void validationFractionsAtTheBoundsAreAccepted() {
        assertEquals(0.01, new TextOptions(true, 3, 0.01).validationFraction());
        assertEquals(0.5, new TextOptions(true, 3, 0.5).validationFraction());
    }

    @Test
    void validationFractionsOutsideTheBoundsAreRefusedReadably() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextOptions(false, 0, 0.7));
        assertEquals("the validation fraction must be between 0.01 and 0.5, was 0.7", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TextOptions(false, 0, 0.009));
        assertThrows(IllegalArgumentException.class, () -> new TextOptions(false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TextOptions(false, 0, Double.NaN));
    }

    @Test
    void aNegativeRareCutOffIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextOptions(false, -1, 0.1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
