package org.charscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.charscope.ui.samples.SampleEntry;
import org.junit.jupiter.api.Test;

/** Exported samples hold every sample whole, whatever characters the model wrote. */
class SampleExportTest {

    private final List<SampleEntry> samples = List.of(
            new SampleEntry(100, 0.05, Double.NaN, 0.8, "", "tha hoe"),
            new SampleEntry(2000, 1.0, 1.62, 0.5, "Nell", "Nell said ```hello``` and # not a heading\n| a | b |"),
            new SampleEntry(4000, 2.0, 1.5, 1.0, "", "emoji 😀 and *stars*"));

    @Test
    void markdownHoldsEverySampleInsideAFenceItCannotClose() {
        String md = SampleExport.markdown("the_book.txt", samples);

        for (SampleEntry sample : samples) {
            assertTrue(md.contains(sample.text()), "holds: " + sample.text());
        }
        assertTrue(md.contains("## Iteration 2,000"), md);
        assertTrue(md.contains("validation 1.620 nats/char (2.337 bits/char)"), md);
        assertTrue(md.contains("````text\nNell said ```hello```"), "a longer fence around triple backticks: " + md);
        assertTrue(md.contains("| 4,000 | 2.00 | 1.500 | 1.00 |"), md);
        assertTrue(md.contains("the\\_book.txt"), "the name's underscore does not start emphasis");
        assertEquals(3, md.lines().filter(l -> l.startsWith("## Iteration")).count());
    }

    @Test
    void plainTextHasACaptionPerSample() {
        String text = SampleExport.plainText("book.txt", samples);

        assertTrue(text.contains("=== iteration 2,000 · epoch 1.00 · val 1.620 nats · T 0.50 · primed with \"Nell\" ===\n"
                + "Nell said ```hello``` and # not a heading\n| a | b |\n"), text);
        assertTrue(text.contains("emoji 😀 and *stars*"), text);
        assertEquals(3, text.lines().filter(l -> l.startsWith("=== iteration")).count());
    }

    @Test
    void fenceOutgrowsTheLongestBacktickRun() {
        assertEquals("```", SampleExport.fenceFor("no ticks"));
        assertEquals("`````", SampleExport.fenceFor("a ```` b"));
    }
}
