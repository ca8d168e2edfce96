package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.Preset;
import org.junit.jupiter.api.Test;

/** The settings' one check (issue 18): each value against its engine record's range, then what lies between values. */
class RunSettingsTest {

    private static RunSettings withHidden(int hidden) {
        RunSettings s = RunSettings.defaults();
        return new RunSettings(null, s.layers(), hidden, s.dropout(), s.seqLength(), s.batchSize(), s.learningRate(),
                s.schedule(), s.clip(), s.seed(), s.sampleEvery(), s.evaluateEvery(), s.sampleLength(), s.temperature(),
                s.plannedIterations(), s.cell(), s.snapshotEvery());
    }

    @Test
    void everyPresetIsAcceptable() {
        for (Preset preset : Preset.values()) {
            assertNull(RunSettings.of(preset).check(), preset.name());
        }
    }

    @Test
    void aValueOutOfRangeIsRefusedInTheWordsOfTheRecordThatUsesIt() {
        String problem = withHidden(5000).check();
        assertEquals("hidden size must be 16 to 1024, not 5000", problem);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withHidden(5000).model(65));
        assertEquals(problem, e.getMessage(), "the record and the check say the same, from the same range");
        assertEquals(LstmConfig.HIDDEN.describe(), "16 to 1024");
    }

    @Test
    void aCosineNeedsPlannedIterations() {
        RunSettings s = RunSettings.defaults();
        RunSettings cosine = new RunSettings(null, s.layers(), s.hidden(), s.dropout(), s.seqLength(), s.batchSize(),
                s.learningRate(), LearningRateSchedule.Kind.COSINE, s.clip(), s.seed(), s.sampleEvery(), s.evaluateEvery(),
                s.sampleLength(), s.temperature(), 0, s.cell(), s.snapshotEvery());
        assertEquals("a cosine schedule needs planned iterations", cosine.check());
    }

    @Test
    void theTrainingConfigIsTheDefaultsWithTheseValues() {
        RunSettings s = RunSettings.of(Preset.MEDIUM).withCell(Cell.GRU);
        TrainingConfig config = s.training();
        assertEquals(TrainingConfig.of(Preset.MEDIUM).withIntervals(1, s.evaluateEvery()).withLimits(s.plannedIterations(), 0)
                .withOptimizer(config.optimizer()), config);
        assertEquals(Cell.GRU, s.model(65).cell());
        assertEquals(Preset.MEDIUM, s.preset());
        assertNull(s.withPreset(null).preset());
    }
}
