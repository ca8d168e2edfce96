package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

/** The shared page holds every character of the passage, on its colour, with its guesses, and nothing from the net. */
class HeatmapHtmlTest {

    @Test
    void everyCharacterAppearsWithItsColourInOrder() {
        String passage = "<\"Tom & Jerry\"> 😀 said\nhello";
        Vocabulary vocabulary = Vocabulary.of(passage);
        Probe.Result result = read(passage, 2);
        NeuronMatrix cell = result.activations().matrix(0, Signal.TANH_CELL);
        ColorScale scale = ColorScale.forQuantity(Signal.TANH_CELL, cell);
        int[] codePoints = passage.codePoints().toArray();

        String html = HeatmapHtml.render("layer 1 · tanh(cell) 3", codePoints, cell.series(3), scale,
                result.predictions(), vocabulary.codePoints());

        Matcher cells = Pattern.compile("<b style=\"background:(#[0-9A-F]{6});color:#[0-9A-F]{6}\">(.*?)</b>").matcher(html);
        int step = 0;
        while (cells.find()) {
            assertEquals(ColorScale.hex(scale.rgb(cell.value(step, 3))), cells.group(1), "colour of step " + step);
            String expected = codePoints[step] == ' ' ? "&nbsp;" : HeatmapHtml.escape(ShownSymbol.of(codePoints[step]));
            assertEquals(expected, cells.group(2), "character of step " + step);
            step++;
        }
        assertEquals(codePoints.length, step, "every character, the emoji as one");
        assertEquals(codePoints.length * Predictions.TOP_K, count(html, "<i"), "five guesses under each character");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http"), "nothing fetched");
        assertTrue(html.contains("&lt;&quot;Tom") || html.contains("&lt;"), "markup in the text is escaped");
    }

    @Test
    void theDarkPaletteMakesADarkPageWithLightCharacters() {
        String passage = "dark page";
        Vocabulary vocabulary = Vocabulary.of(passage);
        Probe.Result result = read(passage, 3);
        NeuronMatrix gate = result.activations().matrix(0, Signal.FORGET_GATE);
        Palette palette = new Palette(ColorScheme.PURPLE_GREEN, Shade.DARK);
        ColorScale scale = ColorScale.forQuantity(Signal.FORGET_GATE, gate, palette);

        String html = HeatmapHtml.render("gate", passage.codePoints().toArray(), gate.series(0), scale,
                result.predictions(), vocabulary.codePoints());

        assertTrue(html.contains("background:#0d1117"), "a dark page");
        assertTrue(html.contains(scale.cssGradient()), "the legend draws the scale");
        assertEquals(passage.length(), count(html, ";color:#C9D1D9\">"), "every character in the theme's light text");
        assertTrue(html.contains(ColorScale.hex(scale.rgb(gate.value(0, 0)))), "the first character on its colour");
    }

    /** The passage read by a one-layer model of 16 units with weights from {@code seed}. */
    private static Probe.Result read(String passage, long seed) {
        Vocabulary vocabulary = Vocabulary.of(passage);
        return Probe.run(new CharLstm(new LstmConfig(vocabulary.size(), 1, 16, 0, 0, Precision.FLOAT), seed),
                vocabulary, passage);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
