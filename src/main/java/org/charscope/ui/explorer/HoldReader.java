package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.charscope.explore.Probe;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.model.UnitSite;
import org.charscope.text.Vocabulary;

/**
 * Reads a passage with a model of its own freely and then with units held, and samples each way
 * from one seed ({@link HeldReading}). An ablated unit is held at its mean over the free reading of
 * the passage. Call on the thread that owns the model (never the training thread's live one); the
 * model is left reading freely.
 */
final class HoldReader {

    private HoldReader() {
    }

    /**
     * @param sampling the samples' length, temperature and seed; both start from no prime (a first
     *                 character drawn from the seed), so they differ only by what is held
     * @throws IllegalArgumentException if the model has no such unit, a unit is chosen twice, or
     *                                  the passage has a character the model has never seen
     */
    static HeldReading read(CharLstm model, Vocabulary vocabulary, String passage, List<HoldChoice> choices,
                            SampleSettings sampling) {
        model.hold(HeldUnits.NONE);
        Probe.Result free = Probe.run(model, vocabulary, passage);
        List<HeldUnits.Held> held = new ArrayList<>();
        for (HoldChoice choice : choices) {
            UnitSite site = choice.site();
            site.checkAgainst(model.config());
            double mean = choice.ablated()
                    ? free.activations().matrix(site.layer(), site.quantity()).unitMeans()[site.unit()] : Double.NaN;
            held.add(choice.held(mean));
        }
        HeldUnits units = new HeldUnits(held);
        int[] noPrime = new int[0];
        String freeSample = vocabulary.decode(Sampler.sample(model, noPrime, sampling, null));
        model.hold(units);
        try {
            Probe.Result heldRead = Probe.run(model, vocabulary, passage);
            String heldSample = vocabulary.decode(Sampler.sample(model, noPrime, sampling, null));
            return new HeldReading(units.units(), passage.codePoints().toArray(), vocabulary.codePoints(),
                    free.predictions(), heldRead.predictions(), freeSample, heldSample, sampling.seed());
        } finally {
            model.hold(HeldUnits.NONE);
        }
    }
}
