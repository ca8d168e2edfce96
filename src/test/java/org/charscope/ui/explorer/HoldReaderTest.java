package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.charscope.explore.Predictions;
import org.charscope.explore.Probe;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.model.Signal;
import org.charscope.model.UnitSite;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/** The Hold tab's reading, without the toolkit: the same numbers as a model held by hand. */
class HoldReaderTest {

    private static final String PASSAGE = "\"Where is the boat?\" said Nell. (The keeper laughed.)\n".repeat(8);
    private static final Vocabulary VOCABULARY = Vocabulary.of(PASSAGE);
    private static final LstmConfig CONFIG = new LstmConfig(VOCABULARY.size(), 2, 32, 0, 0, Precision.FLOAT);
    private static final SampleSettings SAMPLING = SampleSettings.defaults().withLength(200).withTemperature(0.8).withSeed(5);

    private static CharLstm model() {
        return new CharLstm(CONFIG, 11);
    }

    @Test
    void aClampedUnitReadsAndSamplesAsTheModelHeldByHand() {
        UnitSite cell = new UnitSite(0, Signal.CELL, 3);
        UnitSite hidden = new UnitSite(1, Signal.HIDDEN, 7);
        CharLstm own = model();
        HeldReading reading = HoldReader.read(own, VOCABULARY, PASSAGE,
                List.of(HoldChoice.clamp(cell, 6.0), HoldChoice.clamp(hidden, -1.0)), SAMPLING);

        Predictions free = Probe.run(model(), VOCABULARY, PASSAGE).predictions();
        CharLstm byHand = model();
        HeldUnits held = new HeldUnits(List.of(new HeldUnits.Held(cell, 6.0), new HeldUnits.Held(hidden, -1.0)));
        byHand.hold(held);
        Predictions heldByHand = Probe.run(byHand, VOCABULARY, PASSAGE).predictions();
        String heldSampleByHand = VOCABULARY.decode(Sampler.sample(byHand, new int[0], SAMPLING, null));

        assertEquals(held.units(), reading.held());
        float[] change = reading.lossChangeBits();
        double largest = 0;
        for (int t = 0; t < PASSAGE.length(); t++) {
            assertEquals(free.step(t).surprisalBits(), reading.free().step(t).surprisalBits(), 0, "free, step " + t);
            assertEquals(heldByHand.step(t).surprisalBits(), reading.heldGuesses().step(t).surprisalBits(), 0, "held, step " + t);
            assertEquals(heldByHand.step(t).surprisalBits() - free.step(t).surprisalBits(), change[t], 1e-5);
            largest = Math.max(largest, Math.abs(change[t]));
        }
        assertTrue(largest > 0.01, "holding two units changes the loss somewhere: largest change " + largest + " bits");
        assertEquals(heldSampleByHand, reading.heldSample());
        assertEquals(VOCABULARY.decode(Sampler.sample(model(), new int[0], SAMPLING, null)), reading.freeSample());
        assertNotEquals(reading.freeSample(), reading.heldSample(), "same seed, but the held model draws otherwise");
        assertEquals(free.meanSurprisalBits(), Probe.run(own, VOCABULARY, PASSAGE).predictions().meanSurprisalBits(), 0,
                "the model is left reading freely");
    }

    @Test
    void anAblatedUnitIsHeldAtItsMeanOverTheFreeReading() {
        UnitSite site = new UnitSite(1, Signal.CELL, 12);
        HeldReading reading = HoldReader.read(model(), VOCABULARY, PASSAGE, List.of(HoldChoice.ablate(site)), SAMPLING);
        float[] series = Probe.run(model(), VOCABULARY, PASSAGE).activations().matrix(1, Signal.CELL).series(12);
        double mean = 0;
        for (float v : series) {
            mean += v;
        }
        mean /= series.length;
        assertEquals(site, reading.held().get(0).site());
        assertEquals(mean, reading.held().get(0).value(), 1e-6);
    }

    @Test
    void aUnitTheModelLacksIsRefusedInWords() {
        var e = assertThrows(IllegalArgumentException.class, () -> HoldReader.read(model(), VOCABULARY, PASSAGE,
                List.of(HoldChoice.clamp(new UnitSite(0, Signal.HIDDEN, 40), 0.5)), SAMPLING));
        assertEquals("unit 40 is not one of the 32 of layer 1 (units count from 0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HoldChoice.clamp(new UnitSite(0, Signal.HIDDEN, 1), 1.5));
    }
}
