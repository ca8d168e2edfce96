package org.charscope.ui.explorer;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.charscope.explore.Attribution;

/**
 * The attribution strip under the passage: a band at the foot of each character read for the guess
 * at the cursor, green where the character raised the probability of the true next one, red where
 * it lowered it, as deep as its share of the strongest; the strongest few numbered 1, 2, 3 …
 */
final class AttributionShading {

    static final double BAND = 5;
    private static final int LABELLED = 3;
    private static final Font RANK_FONT = Font.font("SansSerif", FontWeight.BOLD, 8);
    private static final AttributionShading NONE = new AttributionShading(null);

    private final Map<Integer, Double> scores = new HashMap<>();   // position -> score
    private final Map<Integer, Integer> ranks = new HashMap<>();   // position -> 1, 2, 3 for the strongest
    private double strongest;

    private AttributionShading(Attribution attribution) {
        if (attribution == null) {
            return;
        }
        for (Attribution.Contribution c : attribution.contributions()) {
            scores.put(c.position(), c.score());
            strongest = Math.max(strongest, Math.abs(c.score()));
        }
        int rank = 1;
        for (Attribution.Contribution c : attribution.strongest(LABELLED)) {
            ranks.put(c.position(), rank++);
        }
    }

    static AttributionShading of(Attribution attribution) {
        return attribution == null ? NONE : new AttributionShading(attribution);
    }

    /** The cursor: a blue frame around its character's cell. */
    static void outlineCursor(GraphicsContext g, double left, double top, double width, double height) {
        g.setStroke(Color.web("#2563eb"));
        g.setLineWidth(2.5);
        g.strokeRect(left + 1, top + 1, width - 2, height - 2);
    }

    /** The band (and rank) of the character at {@code step}, whose cell is {@code width} × {@code height} at (left, top). */
    void draw(GraphicsContext g, int step, double left, double top, double width, double height) {
        Double score = scores.get(step);
        if (score == null || strongest == 0) {
            return;
        }
        double depth = Math.min(1, Math.abs(score) / strongest);
        g.setFill(score >= 0 ? Color.rgb(22, 163, 74, 0.15 + 0.85 * depth) : Color.rgb(220, 38, 38, 0.15 + 0.85 * depth));
        g.fillRect(left, top + height - BAND, width, BAND);
        Integer rank = ranks.get(step);
        if (rank != null) {
            g.save();   // the heatmap draws every cell with one font and alignment
            g.setFont(RANK_FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(Color.BLACK);   // a badge that reads on any neuron colour
            g.fillRect(left, top, 7, 10);
            g.setFill(Color.WHITE);
            g.fillText(Integer.toString(rank), left + 1.5, top + 0.5);
            g.restore();
        }
    }
}
