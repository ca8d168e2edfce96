package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.charscope.app.cli.CharScopeCommand;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.Checkpoint;
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
        Path text = Files.writeString(dir.resolve("structured.txt"),
                StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 30_000));
        Path model = dir.resolve("structured.zip");
        StringWriter err = new StringWriter();
        assertEquals(0, CharScopeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                text.toString(), "--out", model.toString(), "--layers", "1", "--hidden", "64", "--seq", "50",
                "--batch", "32", "--lr", "0.02", "--dropout", "0", "--seed", "7", "--iterations", "800",
                "--evaluate-every", "0", "--report-every", "800"), err.toString());
        TrainingRun run = Checkpoint.read(model);
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
