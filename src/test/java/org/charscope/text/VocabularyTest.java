package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final String GRINNING_FACE = "\uD83D\uDE00"; // U+1F600, outside the BMP

    @Test
    void aCodePointOutsideTheBasicPlaneIsOneSymbol() {
        Vocabulary vocabulary = Vocabulary.of("a" + GRINNING_FACE + "b" + GRINNING_FACE);

        assertEquals(3, vocabulary.size());
        int[] ids = vocabulary.encode("a" + GRINNING_FACE + "b" + GRINNING_FACE);
        assertEquals(4, ids.length);
        assertEquals(GRINNING_FACE, vocabulary.symbol(ids[1]));
        assertEquals(0x1F600, vocabulary.codePoint(ids[3]));
    }

    @Test
    void idsFollowAscendingCodePointsWhateverTheOrderInTheText() {
        Vocabulary first = Vocabulary.of("cab" + GRINNING_FACE + "é");
        Vocabulary second = Vocabulary.of("é" + GRINNING_FACE + "bca");

        assertArrayEquals(new int[] {'a', 'b', 'c', 'é', 0x1F600}, first.codePoints());
        assertArrayEquals(first.codePoints(), second.codePoints());
        assertFalse(first.hasUnknown());
    }

    @Test
    void encodeThenDecodeGivesTheTextBack() {
        String text = "Ça va? 你好 " + GRINNING_FACE + " e\u0301\n\ttab";
        Vocabulary vocabulary = Vocabulary.of(text);

        assertEquals(text, vocabulary.decode(vocabulary.encode(text)));
    }

    @Test
    void rareSymbolsShareTheUnknownSymbolAtIdZero() {
        Vocabulary vocabulary = Vocabulary.build("aaabbc" + GRINNING_FACE, 2);

        assertTrue(vocabulary.hasUnknown());
        assertArrayEquals(new int[] {Vocabulary.UNKNOWN, 'a', 'b'}, vocabulary.codePoints());
        assertEquals(0, vocabulary.id('c'));
        assertEquals(0, vocabulary.id(0x1F600));
        assertEquals("ab\uFFFD\uFFFD", vocabulary.decode(vocabulary.encode("abc" + GRINNING_FACE)));
    }

    @Test
    void aCutOffOfZeroOrOneKeepsEverySymbol() {
        assertArrayEquals(new int[] {'a', 'b'}, Vocabulary.build("aab", 0).codePoints());
        assertArrayEquals(new int[] {'a', 'b'}, Vocabulary.build("aab", 1).codePoints());
        assertFalse(Vocabulary.build("aab", 1).hasUnknown());
    }

    @Test
    void aReplacementCharacterInTheTextTakesIdZero() {
        Vocabulary vocabulary = Vocabulary.of("b\uFFFDa");

        assertArrayEquals(new int[] {Vocabulary.UNKNOWN, 'a', 'b'}, vocabulary.codePoints());
        assertEquals(0, vocabulary.id('z'), "an unseen symbol maps to the unknown symbol once there is one");
    }

    @Test
    void anUnseenSymbolIsRefusedWhenThereIsNoUnknownSymbol() {
        Vocabulary vocabulary = Vocabulary.of("ab");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.id('z'));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
    }

    @Test
    void codePointsRestoreTheSameNumbering() {
        Vocabulary built = Vocabulary.build("hello, world" + GRINNING_FACE, 2);
        Vocabulary restored = Vocabulary.fromCodePoints(built.codePoints());

        assertArrayEquals(built.codePoints(), restored.codePoints());
        assertEquals(built.hasUnknown(), restored.hasUnknown());
        assertArrayEquals(built.encode("hello, world!"), restored.encode("hello, world!"));
    }

    @Test
    void aSavedVocabularyListingASymbolTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromCodePoints(new int[] {'a', 'b', 'a'}));
    }

    @Test
    void describeNamesInvisibleSymbolsAndShowsVisibleOnes() {
        assertEquals("\\n", Vocabulary.describe('\n'));
        assertEquals("\\t", Vocabulary.describe('\t'));
        assertEquals("space", Vocabulary.describe(' '));
        assertEquals("a", Vocabulary.describe('a'));
        assertEquals("é", Vocabulary.describe('é'));
        assertEquals(GRINNING_FACE, Vocabulary.describe(0x1F600));
        assertEquals("U+000D", Vocabulary.describe('\r'));
        assertEquals("U+0000", Vocabulary.describe(0));
        assertEquals("U+00A0", Vocabulary.describe(0x00A0), "no-break space");
        assertEquals("U+200B", Vocabulary.describe(0x200B), "zero-width space");
        assertEquals("U+FEFF", Vocabulary.describe(0xFEFF), "byte-order mark");
        assertEquals("U+D800", Vocabulary.describe(0xD800), "lone surrogate");
        assertEquals("U+0378", Vocabulary.describe(0x0378), "unassigned");
        assertEquals("U+E000", Vocabulary.describe(0xE000), "private use");
        assertEquals("U+2028", Vocabulary.describe(0x2028), "line separator");
    }
}
