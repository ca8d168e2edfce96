package org.charscope.train;

import java.util.HashMap;
import java.util.Map;
import org.charscope.model.Batch;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmState;
import org.charscope.text.SymbolCosts;

/**
 * Mean loss of a model over a whole text. The text is cut into {@code rows} contiguous stretches
 * read side by side (as training reads), each from a zero state, in chunks of {@code seq} steps;
 * the last chunk may be shorter. Up to {@code rows - 1} symbols at the very end are left out so
 * that all rows have one length. Uses its own state and no dropout: training is not disturbed.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** [mean nats per symbol, symbols predicted]; NaN and 0 when the text has under two symbols. */
    public static double[] meanLoss(CharLstm model, int[] ids, int seq, int rows) {
        return meanLoss(model, ids, seq, rows, null);
    }

    /**
     * [mean nats per symbol, symbols predicted, mean nats per character, characters predicted]:
     * the last two count the characters the predicted symbols stand for and add what spelling an
     * unknown one out costs ({@code costs}; null: one character each, nothing more). NaN and 0
     * when the text has under two symbols.
     */
    public static double[] meanLoss(CharLstm model, int[] ids, int seq, int rows, SymbolCosts costs) {
        if (ids.length < 2) {
            return new double[] {Double.NaN, 0, Double.NaN, 0};
        }
        int used = Math.min(rows, ids.length - 1);
        int rowLength = (ids.length - 1) / used;     // symbols predicted per row
        LstmState state = model.newState(used);
        Map<Integer, Batch> batches = new HashMap<>();
        double total = 0;
        for (int start = 0; start < rowLength; start += seq) {
            int steps = Math.min(seq, rowLength - start);
            Batch batch = batches.computeIfAbsent(steps, s -> Batch.allocate(s, used));
            for (int t = 0; t < steps; t++) {
                for (int r = 0; r < used; r++) {
                    int at = r * rowLength + start + t;
                    batch.inputs()[t * used + r] = ids[at];
                    batch.targets()[t * used + r] = ids[at + 1];
                }
            }
            total += model.loss(batch, state) * batch.size();
        }
        long symbols = (long) rowLength * used;
        double extra = 0;
        long characters = 0;
        for (int r = 0; r < used && costs != null; r++) {
            for (int at = r * rowLength + 1; at <= r * rowLength + rowLength; at++) { // the targets read
                extra += costs.extraNats()[at];
                characters += costs.characters()[at];
            }
        }
        return perCharacter(total, symbols, extra, costs == null ? symbols : characters);
    }

    private static double[] perCharacter(double nats, long symbols, double extraNats, long characters) {
        return new double[] {nats / symbols, symbols, (nats + extraNats) / characters, characters};
    }

    /** Windows scored at most: bounds an evaluation (each window reads {@code window} symbols to score one). */
    public static final int MAX_WINDOWS = 5_000;

    /**
     * How well a windowed model predicts: at up to {@link #MAX_WINDOWS} places spread evenly over
     * {@code ids}, the {@code window} symbols before it read from a zero state, and the symbol there
     * scored, as the model was trained.
     *
     * @return {mean nats per scored symbol, symbols scored, mean nats per character, characters scored}
     *         (see {@link #meanLoss(CharLstm, int[], int, int, SymbolCosts)})
     */
    public static double[] meanLossOfWindows(CharLstm model, int[] ids, int window, int rows) {
        return meanLossOfWindows(model, ids, window, rows, null);
    }

    public static double[] meanLossOfWindows(CharLstm model, int[] ids, int window, int rows, SymbolCosts costs) {
        int places = ids.length - window;
        if (places < 1) {
            return new double[] {Double.NaN, 0, Double.NaN, 0};
        }
        int count = Math.min(MAX_WINDOWS, places);
        double total = 0;
        double extra = 0;
        long characters = 0;
        for (int first = 0; first < count; first += rows) {
            int used = Math.min(rows, count - first);
            Batch batch = Batch.allocateWindows(window, used);
            for (int r = 0; r < used; r++) {
                int start = (int) ((long) (first + r) * places / count);   // evenly spread, always < places
                if (costs != null) {
                    extra += costs.extraNats()[start + window];                // the one symbol scored
                    characters += costs.characters()[start + window];
                }
                for (int t = 0; t < window; t++) {
                    batch.inputs()[t * used + r] = ids[start + t];
                    batch.targets()[t * used + r] = ids[start + t + 1];
                }
            }
            total += model.loss(batch, model.newState(used)) * used;
        }
        return perCharacter(total, count, extra, costs == null ? count : characters);
    }
}
