package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A setting's range: its bounds, how the panel says it, and the message a record refuses with. */
class SettingRangeTest {

    @Test
    void boundsAreIncludedOrNotAsDeclared() {
        SettingRange hidden = SettingRange.of(16, 1024);
        assertTrue(hidden.contains(16) && hidden.contains(1024));
        assertFalse(hidden.contains(15) || hidden.contains(1025) || hidden.contains(Double.NaN));
        SettingRange rate = SettingRange.above(0, 10, false);
        assertFalse(rate.contains(0) || rate.contains(10));
        assertTrue(rate.contains(1e-9) && rate.contains(9.99));
        assertTrue(SettingRange.above(0, 10, true).contains(10));
    }

    @Test
    void theRuleIsSaidAsThePanelShowsIt() {
        assertEquals("16 to 1024", SettingRange.of(16, 1024).describe());
        assertEquals("0 to 0.9", SettingRange.of(0, 0.9).describe());
        assertEquals("1 to 10,000", SettingRange.of(1, 10_000).describe());
        assertEquals("0 (off) to 1,000,000", SettingRange.of(0, 1e6).withZeroMeaning("off").describe());
        assertEquals("above 0, at most 10", SettingRange.above(0, 10, true).describe());
        assertEquals("above 0, below 10", SettingRange.above(0, 10, false).describe());
    }

    @Test
    void aRefusalNamesTheSettingTheRuleAndTheValue() {
        SettingRange hidden = SettingRange.of(16, 1024);
        assertNull(hidden.problem("hidden size", 128));
        assertEquals("hidden size must be 16 to 1024, not 5000", hidden.problem("hidden size", 5000));
        assertEquals("dropout must be 0 to 0.9, not 0.95", SettingRange.of(0, 0.9).problem("dropout", 0.95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hidden.check("hidden size", 8));
        assertEquals("hidden size must be 16 to 1024, not 8", e.getMessage());
    }

    @Test
    void theRecordsRefuseWithTheirRangesWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LstmConfig.defaults(10).withHidden(LstmConfig.MAX_HIDDEN + 1));
        assertEquals(LstmConfig.HIDDEN.problem("hidden size", LstmConfig.MAX_HIDDEN + 1), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(0));
        assertEquals("learning rate must be above 0, below 10, not 0", e.getMessage());
    }
}
