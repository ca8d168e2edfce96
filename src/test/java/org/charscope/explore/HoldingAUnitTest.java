package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
import org.charscope.model.Signal;
import org.charscope.model.UnitSite;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holding a unit tests a story about it, on a model trained on the generated structured text: the
 * best inside-quotes unit, held at its inside end, makes the model expect the closing {@code "}
 * more inside quotes; mean-ablating it costs more on the characters inside quotes than
 * mean-ablating a unit picked at random.
 *
 * <p>Figures on the machine that wrote it (1 × 64, 800 iterations, seed 7): the unit is 1:cell:22
 * (r = 0.82); held at its inside end (3.56) the mean p(") inside quotes is 0.119 against 0.105
 * free; mean-ablating it costs 0.50 nats per character inside quotes, a random unit 0.05.
 */
class HoldingAUnitTest {

    @TempDir
    static Path dir;

    private static TrainingRun run;
    private static Vocabulary vocabulary;
    private static String passage;      // held-out: another seed of the generator
    private static boolean[] inside;    // [steps] the step's next character is inside quotes (or the closing one)

    @BeforeAll
    static void train() throws Exception {
        run = StructuredModels.quoteModel(dir);
        vocabulary = (Vocabulary) run.vocabulary();
        passage = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED + 1, 4_000);
        double[] quotes = TextFeatures.of(passage).signal(TextFeature.INSIDE_QUOTES);
        inside = new boolean[quotes.length];
        for (int t = 0; t + 1 < quotes.length; t++) {
            inside[t] = quotes[t] > 0 && quotes[t + 1] > 0 || quotes[t] > 0 && passage.charAt(t + 1) == '"';
        }
    }

    /** The reading of the passage with {@code held} (none: free). */
    private static Probe.Result read(HeldUnits held) {
        CharLstm model = run.newModel();
        model.hold(held);
        return Probe.run(model, vocabulary, passage);
    }

    /** The unit of the layer's cell or hidden state that tracks inside-quotes best, and its r. */
    private static NeuronFinding bestQuoteUnit(Probe.Result free) {
        FeatureCorrelations r = FeatureCorrelations.compute(free.activations(), TextFeatures.of(passage));
        NeuronFinding cell = r.top(TextFeature.INSIDE_QUOTES, Signal.CELL, 1).get(0);
        NeuronFinding hidden = r.top(TextFeature.INSIDE_QUOTES, Signal.HIDDEN, 1).get(0);
        return Math.abs(cell.r()) >= Math.abs(hidden.r()) ? cell : hidden;
    }

    /** Over the steps inside quotes: the mean p(") or, with {@code loss}, the mean loss of the true next character. */
    private static double meanOverInside(Probe.Result reading, boolean loss) {
        int vocab = vocabulary.size();
        int quote = vocabulary.id('"');
        double sum = 0;
        int n = 0;
        for (int t = 0; t + 1 < passage.length(); t++) {
            if (!inside[t]) {
                continue;
            }
            int next = vocabulary.id(passage.charAt(t + 1));
            float[] p = reading.probabilities();
            sum += loss ? -Math.log(p[t * vocab + next]) : p[t * vocab + quote];
            n++;
        }
        return sum / n;
    }

    @Test
    void holdingTheQuoteUnitAtItsInsideEndRaisesTheExpectedClosingQuote() {
        Probe.Result free = read(HeldUnits.NONE);
        NeuronFinding best = bestQuoteUnit(free);
        float[] series = free.activations().matrix(best.layer(), best.quantity()).series(best.unit());
        float insideEnd = best.r() > 0 ? max(series) : min(series);
        UnitSite site = new UnitSite(best.layer(), best.quantity(), best.unit());
        Probe.Result held = read(new HeldUnits(List.of(new HeldUnits.Held(site, insideEnd))));
        double before = meanOverInside(free, false);
        double after = meanOverInside(held, false);
        System.out.printf(Locale.ROOT, "%s (r = %.2f) held at %.3f: mean p(\") inside quotes %.4f, free %.4f%n",
                site.id(), best.r(), insideEnd, after, before);
        assertTrue(Math.abs(best.r()) > 0.7, "a quote unit grew: r = " + best.r());
        assertTrue(after > before, String.format(Locale.ROOT, "held %.4f against free %.4f", after, before));
    }

    @Test
    void meanAblatingTheQuoteUnitCostsMoreInsideQuotesThanARandomUnit() {
        Probe.Result free = read(HeldUnits.NONE);
        NeuronFinding best = bestQuoteUnit(free);
        double freeLoss = meanOverInside(free, true);
        double bestCost = ablated(free, best.layer(), best.quantity(), best.unit()) - freeLoss;
        SplittableRandom random = new SplittableRandom(11);
        double randomCost = 0;
        int trials = 8;
        for (int i = 0; i < trials; i++) {
            int unit;
            do {
                unit = random.nextInt(run.model().hidden());
            } while (unit == best.unit());
            randomCost += (ablated(free, best.layer(), best.quantity(), unit) - freeLoss) / trials;
        }
        System.out.printf(Locale.ROOT, "mean-ablating %d:%s:%d costs %.4f nats inside quotes; a random unit %.4f "
                + "(mean of %d)%n", best.layer() + 1, best.quantity(), best.unit(), bestCost, randomCost, trials);
        assertTrue(bestCost > randomCost, String.format(Locale.ROOT, "%.4f against %.4f", bestCost, randomCost));
    }

    private static double ablated(Probe.Result free, int layer, Signal quantity, int unit) {
        double mean = free.activations().matrix(layer, quantity).unitMeans()[unit];
        return meanOverInside(read(new HeldUnits(List.of(new HeldUnits.Held(new UnitSite(layer, quantity, unit), mean)))),
                true);
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
