package org.charscope.explore;

import java.util.Locale;

/**
 * The explorer's heatmap as one self-contained HTML page to share: every character of the
 * passage on the background colour of the chosen neuron, with the model's five guesses for the
 * next character under it (shaded by probability, the true one outlined) and the value and
 * guesses in a tooltip. The page is light or dark as the scale's {@link Shade}, with the scale
 * drawn as a bar in the legend. Inline CSS only, no scripts, nothing fetched from the net.
 */
public final class HeatmapHtml {

    private HeatmapHtml() {
    }

    /**
     * @param title        shown as the page's heading, e.g. "layer 2 · cell 137 over War and Peace"
     * @param codePoints   [steps] the passage
     * @param values       the neuron's value after each step: [steps]
     * @param scale        how values become colours (the app's own)
     * @param predictions  the top-5 row
     * @param vocabulary   [vocabulary] code point of each id
     */
    public static String render(String title, int[] codePoints, float[] values, ColorScale scale,
                                Predictions predictions, int[] vocabulary) {
        StringBuilder html = new StringBuilder(codePoints.length * 400);
        boolean dark = scale.shade() == Shade.DARK;
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append(dark ? "body{font-family:sans-serif;margin:24px;background:#0d1117;color:#c9d1d9}\n"
                        : "body{font-family:sans-serif;margin:24px;background:#ffffff;color:#24292f}\n")
                .append("h1{font-size:18px}\n.legend{font:12px monospace;margin-bottom:12px}\n")
                .append(".passage{display:flex;flex-wrap:wrap;row-gap:8px}\n")
                .append(".c{display:inline-flex;flex-direction:column;width:12px;font:bold 13px monospace;text-align:center}\n")
                .append(".c>b{display:block;height:19px;line-height:19px}\n")
                .append(".c>i{display:block;height:12px;line-height:12px;font:9px monospace}\n")
                .append(".c>i.t{outline:1.5px solid #16a34a;outline-offset:-1.5px}\n")
                .append(".bar{display:inline-block;width:240px;height:12px;vertical-align:middle;margin:0 8px;background:")
                .append(scale.cssGradient()).append("}\n")
                .append(".br{flex-basis:100%;height:0}\n</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n<div class=\"legend\">")
                .append(String.format(Locale.ROOT, "%.2f<span class=\"bar\"></span>%.2f", scale.low(), scale.high()))
                .append(escape(String.format(Locale.ROOT, "; colour from %.2f (%s) to %.2f (%s); under each character the "
                                + "model's five guesses for the next one, darker when surer, the true one outlined",
                        scale.low(), ColorScale.hex(scale.rgb(scale.low())), scale.high(),
                        ColorScale.hex(scale.rgb(scale.high())))))
                .append("</div>\n<div class=\"passage\">\n");
        for (int step = 0; step < codePoints.length; step++) {
            int rgb = scale.rgb(values[step]);
            StepPrediction guess = predictions.step(step);
            StringBuilder tip = new StringBuilder(String.format(Locale.ROOT, "%s = %.3f; next:", ShownSymbol.of(codePoints[step]),
                    values[step]));
            int[] ids = guess.topIds();
            float[] ps = guess.topProbabilities();
            for (int k = 0; k < ids.length; k++) {
                tip.append(String.format(Locale.ROOT, " %s %.2f", ShownSymbol.of(vocabulary[ids[k]]), ps[k]));
            }
            html.append("<span class=\"c\" title=\"").append(escape(tip.toString())).append("\"><b style=\"background:")
                    .append(ColorScale.hex(rgb)).append(";color:").append(ColorScale.hex(scale.textOn(rgb)))
                    .append("\">").append(codePoints[step] == ' ' ? "&nbsp;" : escape(ShownSymbol.of(codePoints[step]))).append("</b>");
            for (int k = 0; k < ids.length; k++) {
                // from the page's colour (p = 0) to 85% of the way to its text (p = 1), as in the app
                int tint = ColorScale.blend(dark ? 0x0D1117 : 0xFFFFFF, dark ? 0xC9D1D9 : 0x24292F, Math.min(1, ps[k]) * 0.85);
                html.append("<i").append(guess.hasTrueNext() && ids[k] == guess.trueNextId() ? " class=\"t\"" : "")
                        .append(" style=\"background:").append(ColorScale.hex(tint)).append(";color:")
                        .append(ColorScale.hex(ColorScale.textColorOn(tint))).append("\">")
                        .append(escape(ShownSymbol.of(vocabulary[ids[k]]))).append("</i>");
            }
            html.append("</span>");
            if (codePoints[step] == '\n') {
                html.append("<span class=\"br\"></span>");
            }
            html.append('\n');
        }
        html.append("</div>\n<p style=\"font-size:11px;opacity:0.7\">Made with CharScope.</p>\n</body></html>\n");
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
