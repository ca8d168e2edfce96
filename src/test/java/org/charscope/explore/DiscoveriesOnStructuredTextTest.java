package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strip's promise on a model trained on the generated structured text (1 × 64, 800
 * iterations, seed 7, as {@code HoldingAUnitTest}), read over a held-out passage (another seed of
 * the generator): the first card is the inside-quotes or the bracket-depth unit, and no two
 * cards share a unit.
 *
 * <p>Figures on the machine that wrote it: the first card is tanh(cell) 22 for inside quotes at
 * r = 0.99; the next five track whitespace, vowels, the position in the line, digits and the
 * start of a word, |r| 0.38 to 0.57.
 */
class DiscoveriesOnStructuredTextTest {

    @TempDir
    Path dir;

    @Test
    void theFirstCardIsTheQuoteOrDepthUnitAndNoUnitHasTwo() throws Exception {
        TrainingRun run = StructuredModels.quoteModel(dir);
        String passage = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED + 1, 4_000);
        Probe.Result reading = Probe.run(run.newModel(), (Vocabulary) run.vocabulary(), passage);
        FeatureCorrelations correlations = FeatureCorrelations.compute(reading.activations(), TextFeatures.of(passage));

        List<Discovery> cards = Discoveries.rank(correlations, reading.activations(), null, n -> false, Discoveries.CARDS);

        cards.forEach(card -> System.out.println(card.describe() + " · steps " + card.from() + "–" + card.to()));
        assertEquals(Discoveries.CARDS, cards.size());
        String first = cards.get(0).finding();
        assertTrue(first.startsWith(TextFeature.INSIDE_QUOTES.displayName()) || first.startsWith(TextFeature.BRACKET_DEPTH.displayName()),
                cards.get(0).describe());
        assertTrue(cards.get(0).strength() > 0.7, cards.get(0).describe());
        Set<List<Integer>> units = new HashSet<>();
        for (Discovery card : cards) {
            assertTrue(units.add(List.of(card.neuron().layer(), card.neuron().unit())), "a second card for " + card.describe());
            assertEquals(Discoveries.STRETCH_STEPS, card.to() - card.from());
        }
    }
}
