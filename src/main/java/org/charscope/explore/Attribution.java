package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;
import org.charscope.model.CharLstm;
import org.charscope.model.InputGradients;
import org.charscope.text.Vocabulary;

/**
 * Why the model guessed what it did: how much each of the characters before a point of a text, and
 * the character at it, contributed to the log-probability of the true next character
 * ({@link InputGradients}: gradient × input through the unrolled network), optionally with
 * occlusion as a cross-check.
 *
 * <p>The read it explains is a straight read from a zero state over at most {@value #MAX_CONTEXT}
 * characters, {@code text[from .. at]}, not the chunked reading that gives a passage its top-5
 * row, so its probability may differ a little from the one shown there.
 *
 * @param at            0-based code-point index in the text of the last character read
 * @param target        the code point that follows it, whose probability is explained
 * @param probability   p(target) after the read
 * @param from          the first character read: {@code max(0, at − MAX_CONTEXT + 1)}
 * @param contributions one per character read, in text order
 */
public record Attribution(int at, int target, double probability, int from, List<Contribution> contributions) {

    /** Characters read at the most, the one at the cursor included. */
    public static final int MAX_CONTEXT = 200;

    /**
     * One character's part in the guess.
     *
     * @param position  0-based code-point index in the text
     * @param codePoint the character
     * @param score     gradient × input; positive when it raised the probability
     * @param occlusion log p(target) minus the same with this character replaced by a space; NaN
     *                  when occlusion was not asked for
     */
    public record Contribution(int position, int codePoint, double score, double occlusion) {
    }

    public Attribution {
        contributions = List.copyOf(contributions);
    }

    /**
     * Explains the guess after {@code codePoints[at]}, on a model of the caller's own (its gradients
     * and workspaces are overwritten).
     *
     * @throws IllegalArgumentException if {@code at} is not in {@code [0, length − 2]}, or a
     *                                  character read or the target is not in the vocabulary
     */
    public static Attribution explain(CharLstm model, Vocabulary vocabulary, int[] codePoints, int at, boolean occlusion) {
        if (at < 0 || at > codePoints.length - 2) {
            throw new IllegalArgumentException("the position must be 0 to " + (codePoints.length - 2)
                    + " (the last character has no next one to explain), not " + at);
        }
        int from = Math.max(0, at - MAX_CONTEXT + 1);
        int[] ids = new int[at - from + 1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf(vocabulary, codePoints[from + i]);
        }
        int target = idOf(vocabulary, codePoints[at + 1]);
        InputGradients.Explanation why = InputGradients.explain(model, ids, target);
        double[] occluded = occlusion ? InputGradients.occlusion(model, ids, target, occluder(vocabulary)) : null;
        List<Contribution> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            rows.add(new Contribution(from + i, codePoints[from + i], why.scores()[i],
                    occluded == null ? Double.NaN : occluded[i]));
        }
        return new Attribution(at, codePoints[at + 1], why.probability(), from, rows);
    }

    /** The {@code k} contributions of largest |score|, largest first. */
    public List<Contribution> strongest(int k) {
        return contributions.stream()
                .sorted((a, b) -> Double.compare(Math.abs(b.score()), Math.abs(a.score())))
                .limit(k).toList();
    }

    /** What stands in for an occluded character: a space, or the first symbol when the model never saw one. */
    static int occluder(Vocabulary vocabulary) {
        return vocabulary.contains(' ') ? vocabulary.id(' ') : 0;
    }

    private static int idOf(Vocabulary vocabulary, int codePoint) {
        if (!vocabulary.contains(codePoint)) {
            throw new IllegalArgumentException("the model never saw " + Vocabulary.describe(codePoint));
        }
        return vocabulary.id(codePoint);
    }
}
