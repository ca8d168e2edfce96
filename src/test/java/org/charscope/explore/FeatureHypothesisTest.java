package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.PlantedQuoteUnit;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.junit.jupiter.api.Test;

/** The hypothesis "inside quotes" finds a unit planted to mean exactly that, and says where it fails. */
class FeatureHypothesisTest {

    private static final Pattern INSIDE_QUOTES = FeatureLabels.compile("\"[^\"\\n]*\"");

    private final String text = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 40_000);
    private final Vocabulary vocabulary = Vocabulary.of(text);
    private final int[] ids = vocabulary.encode(text);
    private final int validationFrom = ids.length - (int) Math.round(ids.length * 0.1);
    private final FeatureLabels labels = FeatureLabels.ofMatches(text, INSIDE_QUOTES);
    private final CharLstm model = PlantedQuoteUnit.model(new LstmConfig(vocabulary.size(), 1, 16, 0, 0, Precision.FLOAT),
            11, vocabulary.id('"'), vocabulary.id('\n'));

    @Test
    void thePlantedUnitRanksFirstWithAnF1OfAtLeastNinetyPercent() {
        HypothesisResult result = FeatureHypothesis.test(model, ids, labels, validationFrom, ReadProgress.NONE);

        assertEquals(validationFrom, result.thresholdCharacters(), "the training part is under 100,000 characters");
        assertEquals(ids.length - validationFrom, result.validationCharacters());
        assertEquals(labels.count(validationFrom, ids.length), result.positives());
        assertEquals(1 * 6 * 16, result.units().size(), "one layer, six signals, 16 units");
        UnitScore best = result.units().get(0);
        System.out.println("planted: " + best.describe() + "; next: " + result.units().get(2).describe());
        assertEquals(new Neuron(0, Signal.CELL, PlantedQuoteUnit.UNIT), best.neuron(), best.describe());
        assertEquals(new Neuron(0, Signal.HIDDEN, PlantedQuoteUnit.UNIT), result.units().get(1).neuron(),
                "h = tanh(c) scores the same, and the cell comes first on a tie");
        assertEquals(Direction.ABOVE, best.direction());
        assertTrue(best.f1() >= 0.9, best.describe());
        assertTrue(best.precision() > 0.99, best.describe());
        assertTrue(Math.abs(best.threshold()) < 1, "between the cell's −1 and +1: " + best.threshold());
        // units that read h_5 through their recurrent weights follow it less well (a forget gate at F1 0.92)
        assertTrue(result.units().get(2).f1() < best.f1(), result.units().get(2).describe());
        for (int i = 1; i < result.units().size(); i++) {
            assertTrue(result.units().get(i - 1).f1() >= result.units().get(i).f1(), "sorted by F1");
        }
    }

    @Test
    void thePlantedUnitsWorstFalseNegativesAreTheClosingQuotes() {
        HypothesisResult result = FeatureHypothesis.test(model, ids, labels, validationFrom, ReadProgress.NONE);
        UnitScore best = result.units().get(0);
        UnitErrors errors = FeatureHypothesis.worstErrors(model, ids, labels, validationFrom, best, 5, ReadProgress.NONE);

        List<ErrorPassage> misses = errors.falseNegatives();
        assertEquals(5, misses.size());
        for (ErrorPassage miss : misses) {
            int at = validationFrom + miss.start();
            assertEquals(1, miss.length(), "a closing quote alone: " + miss);
            assertEquals(vocabulary.id('"'), ids[at], "at " + miss);
            assertTrue(labels.isPositive(at - 1), "it closes a string: " + miss);
            assertTrue(miss.distance() > 0.5, "h is at −0.76 there, far below the threshold: " + miss);
        }
        for (int i = 1; i < misses.size(); i++) {
            assertTrue(misses.get(i - 1).distance() >= misses.get(i).distance(), "worst first");
        }
        assertEquals(best.falsePositives(), errors.falsePositives().stream().mapToInt(ErrorPassage::length).sum(),
                "the few false positives, if any, all listed");
    }

    @Test
    void aFeatureAbsentFromTheValidationPartIsRefused() {
        FeatureLabels nowhere = FeatureLabels.ofMatches(text, FeatureLabels.compile("zebra"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureHypothesis.test(model, ids, nowhere, validationFrom, ReadProgress.NONE));
        assertTrue(e.getMessage().contains("nowhere in the validation part"), e.getMessage());
    }
}
