package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordVocabularyTest {

    private static final String TRAINING = "the cat sat on the mat. the cat ran. a dog sat.\n".repeat(3) + "zebra quux\n";

    @Test
    void keepsTokensSeenTwiceMostFrequentFirstAfterTheTwoUnknowns() {
        WordVocabulary words = WordVocabulary.build(TRAINING, TRAINING, 100);
        List<String> tokens = words.tokens();
        assertEquals(WordVocabulary.UNKNOWN, tokens.get(0));
        assertEquals(WordVocabulary.UNKNOWN_AFTER_SPACE, tokens.get(1));
        // "." 9 times; " cat", " sat", " the" 6 (in string order); "\n" 4; then the six seen 3 times
        assertEquals(List.of(".", " cat", " sat", " the", "\n", " a", " dog", " mat", " on", " ran", "the"),
                tokens.subList(2, tokens.size()));
        assertTrue(!tokens.contains("zebra") && !tokens.contains(" quux"), "seen once: unknown");
        WordVocabulary capped = WordVocabulary.build(TRAINING, TRAINING, 4);
        assertEquals(List.of(WordVocabulary.UNKNOWN, WordVocabulary.UNKNOWN_AFTER_SPACE, ".", " cat"), capped.tokens());
    }

    @Test
    void knownTextComesBackExactlyAndUnknownWordsKeepTheirSpace() {
        WordVocabulary words = WordVocabulary.build(TRAINING, TRAINING, 100);
        String known = "the cat sat on the mat.\n";
        assertEquals(known, words.decode(words.encode(known)));
        int[] ids = words.encode("the zebra sat");
        assertEquals(1, ids[1], "\" zebra\" is unknown after a space");
        assertEquals("the <unk> sat", words.decode(ids));
        assertEquals(0, words.encode("zebra")[0], "unknown, no space before it");
    }

    @Test
    void onlyUnknownWordsPayToBeSpelledAndEachTokenCountsItsCharacters() {
        WordVocabulary words = WordVocabulary.build(TRAINING, TRAINING, 100);
        SymbolCosts costs = words.costs("the zebra sat");
        assertArrayEquals(new int[] {3, 6, 4}, costs.characters());
        assertEquals(0, costs.extraNats()[0]);
        assertEquals(words.spelling().nats("zebra"), costs.extraNats()[1], 1e-12);
        assertTrue(costs.extraNats()[1] > 5 * Math.log(2), "five letters and an end cost real bits");
        assertEquals(0, costs.extraNats()[2]);
    }

    @Test
    void theSpellingModelIsAProperDistributionOverLettersAndTheEnd() {
        WordVocabulary words = WordVocabulary.build(TRAINING, TRAINING, 100);
        UnknownSpelling spelling = words.spelling();
        double end = Math.exp(-spelling.nats(""));
        double sum = end;
        for (int cp : spelling.codePoints()) {
            sum += Math.exp(-(spelling.nats(Character.toString(cp)) - spelling.nats("")));
        }
        assertEquals(1.0, sum, 1e-9, "p(end) + Σ p(c) over the alphabet");
        // the letters of the unknown training words are likelier than the others
        assertTrue(spelling.nats("z") < spelling.nats("m"), "z was in an unknown word, m only in known ones");
        assertTrue(spelling.nats("\u4e00") > spelling.nats("m"), "outside the alphabet costs most");
    }

    @Test
    void refusesATextWithNoRepeatedTokenAndABadCap() {
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.build("every word here differs", "x", 100));
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.build(TRAINING, TRAINING, 2));
        assertThrows(IllegalArgumentException.class, () -> new WordVocabulary(List.of(" the", "<unk>", " <unk>"),
                WordVocabulary.build(TRAINING, TRAINING, 10).spelling()));
    }
}
