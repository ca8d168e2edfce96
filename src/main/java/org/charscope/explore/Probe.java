package org.charscope.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.charscope.model.CharLstm;
import org.charscope.model.Signal;
import org.charscope.text.Symbols;
import org.charscope.text.Vocabulary;

/**
 * Runs a passage through the model for the explorer: every gate, cell and hidden value of every
 * layer at every symbol, and the predicted next symbol after each, stored. A long passage is cut into
 * chunks ({@link PassageStream}), each read from a zero state after a warm-up of the text before
 * it, so the values match a straight read closely while no single run grows without bound.
 *
 * <p>{@link #run} must be called on the thread that owns the model (the training thread,
 * between two steps); what it returns is plain Java for any thread.
 */
public final class Probe {

    /** Symbols kept per chunk and read before each to warm it up: {@link PassageStream}'s. */
    public static final int CHUNK = PassageStream.CHUNK;
    public static final int WARMUP = PassageStream.WARMUP;
    /** The longest passage probed at once: bounds the memory (about 2 × 512 units × 7 × 4 bytes a symbol). */
    public static final int MAX_SYMBOLS = 20_000;

    /** What the model did over a passage. */
    public record Result(String passage, int[] ids, PassageActivations activations, float[] probabilities,
                         int vocabularySize, int[] vocabularyCodePoints) {

        /** The top-5 row and surprisal, with the passage's own next symbols as the truth. */
        public Predictions predictions() {
            return Predictions.of(probabilities, vocabularySize, ids, Predictions.TOP_K);
        }
    }

    private Probe() {
    }

    /**
     * @throws IllegalArgumentException if the passage is empty, too long, or holds a symbol the
     *                                  model has never seen (the message names it)
     */
    public static Result run(CharLstm model, Vocabulary vocabulary, String passage) {
        int[] ids = encode(vocabulary, passage);
        int steps = ids.length;
        int layers = model.config().layers();
        int hidden = model.config().hidden();
        int vocab = model.config().vocabSize();
        // the cell's own signals only: a GRU has no forget gate, an RNN only h
        List<Signal> signals = model.config().cell().signals();
        float[][][] values = new float[layers][signals.size()][steps * hidden]; // [layer][signal][step][unit]
        float[] probabilities = new float[steps * vocab];                        // [step][vocab]
        // the kept steps go straight to their place in the passage
        PassageStream.read(model, ids, 0, steps, new PassageStream.StepSink() {
            @Override
            public void signal(int position, Signal signal, int layer, float[] from, int offset) {
                System.arraycopy(from, offset, values[layer][signals.indexOf(signal)], position * hidden, hidden);
            }

            @Override
            public void probabilities(int position, float[] from, int offset) {
                System.arraycopy(from, offset, probabilities, position * vocab, vocab);
            }
        }, ReadProgress.NONE);
        List<Map<Signal, NeuronMatrix>> byLayer = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Map<Signal, NeuronMatrix> quantities = new EnumMap<>(Signal.class);
            for (Signal signal : signals) {
                quantities.put(signal, new NeuronMatrix(steps, hidden, values[l][signals.indexOf(signal)]));
            }
            byLayer.add(quantities);
        }
        return new Result(passage, ids, PassageActivations.of(byLayer).withTanhCell(), probabilities, vocab,
                vocabulary.codePoints());
    }

    /**
     * The character vocabulary the explorer needs.
     *
     * @throws IllegalArgumentException for a word model, which the explorer does not read
     */
    public static Vocabulary characters(Symbols symbols) {
        if (symbols instanceof Vocabulary vocabulary) {
            return vocabulary;
        }
        throw new IllegalArgumentException("the explorer reads character models, and this one reads words");
    }

    private static int[] encode(Vocabulary vocabulary, String passage) {
        int steps = passage.codePointCount(0, passage.length());
        if (steps == 0) {
            throw new IllegalArgumentException("the passage is empty");
        }
        if (steps > MAX_SYMBOLS) {
            throw new IllegalArgumentException("the passage has " + steps + " characters; the explorer reads up to "
                    + MAX_SYMBOLS + " at once");
        }
        StringBuilder unknown = new StringBuilder();
        passage.codePoints().distinct().filter(cp -> !vocabulary.contains(cp) && !vocabulary.hasUnknown())
                .limit(5).forEach(cp -> unknown.append(unknown.length() == 0 ? "" : ", ").append(Vocabulary.describe(cp)));
        if (unknown.length() > 0) {
            throw new IllegalArgumentException("the model has never seen " + unknown + "; use characters of its text");
        }
        return vocabulary.encode(passage);
    }
}
