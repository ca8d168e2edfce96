package org.charscope.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.charscope.text.Book;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The memorization meter on the built-in book: copies found whole, at their offsets, and nothing else. */
class CopyIndexTest {

    private static Corpus corpus;
    private static String training;
    private static CopyIndex index;

    @BeforeAll
    static void readBook() throws Exception {
        try (InputStream in = CopyIndexTest.class.getResourceAsStream("/sample-texts/the-lighthouse-keepers.txt")) {
            Book book = new BookReader().read("lighthouse.txt", in.readAllBytes());
            corpus = Corpus.of(book, TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        }
        String text = corpus.text();
        training = text.substring(0, text.offsetByCodePoints(0, corpus.trainSize()));
        index = CopyIndex.of(corpus);
    }

    @Test
    void aPassageCutFromTheBookIsAllCopied() {
        String passage = training.substring(20_000, 20_300);
        CopiedRuns copied = index.find(passage, 0);
        assertEquals(1.0, copied.fraction());
        assertEquals(List.of(new CopiedRuns.Run(0, 300)), copied.runs());
        assertEquals(300, copied.characters());
    }

    @Test
    void shuffledWordsAreHardlyCopied() {
        List<String> words = new ArrayList<>(List.of(training.substring(10_000, 40_000).split(" ")));
        Collections.shuffle(words, new Random(3));
        String shuffled = String.join(" ", words.subList(0, 400));
        CopiedRuns copied = index.find(shuffled, 0);
        assertTrue(copied.fraction() < 0.05, "fraction " + copied.fraction() + " runs " + copied.runs());
    }

    @Test
    void runsLieWhereTheCopiesAre() {
        String noise = "@".repeat(13); // '@' is not in the book: nothing runs across it
        String first = training.substring(5_000, 5_025);
        String second = training.substring(31_000, 31_040);
        String tooShort = training.substring(50_000, 50_019);
        String text = noise + first + noise + tooShort + noise + second + noise;
        CopiedRuns copied = index.find(text, 0);
        int secondStart = 13 + 25 + 13 + 19 + 13;
        assertEquals(List.of(new CopiedRuns.Run(13, 38), new CopiedRuns.Run(secondStart, secondStart + 40)), copied.runs());
        assertEquals(65, copied.copied());
        assertEquals(text.length(), copied.characters());
    }

    @Test
    void thePrimeIsNeitherSearchedNorCounted() {
        String prime = training.substring(8_000, 8_030);
        String text = prime + training.substring(8_030, 8_045) + "@@" + training.substring(12_000, 12_021);
        CopiedRuns copied = index.find(text, prime.length());
        // The 15 characters that continue the prime are copied too, but no 20 of them lie after the prime.
        assertEquals(List.of(new CopiedRuns.Run(47, 68)), copied.runs());
        assertEquals(38, copied.characters());
        assertEquals(21.0 / 38, copied.fraction(), 1e-12);
    }

    @Test
    void aThinnedIndexFindsWhatTheFullOneFinds() {
        int[] ids = corpus.train();
        CopyIndex thinned = CopyIndex.build(ids, ids.length, 6, null);
        CopyIndex full = CopyIndex.of(ids, ids.length);
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int[] generated = new int[120];
            int from = random.nextInt(ids.length - generated.length);
            System.arraycopy(ids, from, generated, 0, generated.length);
            for (int cut = 0; cut < 3; cut++) { // break the copy in a few places
                generated[random.nextInt(generated.length)] = random.nextInt(corpus.vocabulary().size());
            }
            assertEquals(full.find(generated, 0), thinned.find(generated, 0), "trial " + trial);
        }
        assertEquals(1, CopyIndex.strideFor(CopyIndex.MAX_ENTRIES));
        assertEquals(2, CopyIndex.strideFor(CopyIndex.MAX_ENTRIES + 1));
        assertEquals(8, CopyIndex.strideFor(256 << 20));
        assertTrue(full.bytes() <= 8L * ids.length);
    }

    @Test
    void unicodeCountsInCodePoints() throws Exception {
        String line = "“Ahoy,” said the café owner to Nell, 😀 smiling at the harbour wall. ";
        Book book = new BookReader().read("emoji.txt", line.repeat(60).getBytes(StandardCharsets.UTF_8));
        Corpus emoji = Corpus.of(book, TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        CopiedRuns copied = CopyIndex.of(emoji).find("@" + line, 1);
        int codePoints = line.codePointCount(0, line.length());
        assertEquals(List.of(new CopiedRuns.Run(1, 1 + codePoints)), copied.runs());
    }
}
