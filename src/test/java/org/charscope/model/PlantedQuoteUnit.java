package org.charscope.model;

/**
 * A one-layer LSTM whose cell unit {@link #UNIT} is set by hand to be an inside-quotes flip-flop,
 * everything else left as initialised: a unit whose meaning is known, for the tests of the
 * feature hypothesis to find. With gates i, f, o, candidate g and h = o ⊙ tanh(c):
 * <pre>
 *   on '"':   i = σ(+20), f = σ(−20), g = tanh(3 − 8·h_{t−1,u})    c ← g: +1 after −1 or 0, −1 after +1
 *   on '\n':  i = σ(+20), f = σ(−20), g = tanh(3 − 8·h_{t−1,u} − 40) = −1   c ← −1
 *   else:     i = σ(−20), f = σ(+20)                                   c kept
 *   always:   o = σ(+20) = 1, so h = tanh(c) = ±0.76
 * </pre>
 * A quote toggles the unit; a newline turns it off, because a string never spans a line in the
 * generated text (and a toggle that once started on the wrong foot, as one read from a zero state
 * inside a string does, would otherwise stay inverted). It is on from an opening quote to the
 * character before the closing one: every closing quote, which the regex {@code "[^"\n]*"}
 * counts as inside, is a false negative.
 */
public final class PlantedQuoteUnit {

    /** The planted unit, layer 0. */
    public static final int UNIT = 5;
    private static final float OPEN = 20;
    private static final float SWITCH = 40;

    private PlantedQuoteUnit() {
    }

    /**
     * @param parameters [parameterCount] a one-layer one-hot LSTM's weights, in layout order; not changed
     * @return the same weights with unit {@link #UNIT}'s columns and biases replaced
     */
    public static float[] plant(LstmConfig config, float[] parameters, int quoteId, int newlineId) {
        if (config.layers() != 1 || !config.oneHot() || config.cell() != Cell.LSTM) {
            throw new IllegalArgumentException("the flip-flop is planted in a one-layer one-hot LSTM");
        }
        ParameterLayout layout = ParameterLayout.of(config);
        float[] planted = parameters.clone();
        int hidden = config.hidden();
        int width = 4 * hidden;                                      // columns i | f | g | o
        int inputGate = UNIT;
        int forgetGate = hidden + UNIT;
        int candidate = 2 * hidden + UNIT;
        int outputGate = 3 * hidden + UNIT;
        ParameterLayout.Block wx = layout.inputWeights[0];          // [vocab, 4H]
        for (int symbol = 0; symbol < wx.rows(); symbol++) {
            boolean switches = symbol == quoteId || symbol == newlineId;
            set(planted, wx, symbol, inputGate, switches ? SWITCH : 0);
            set(planted, wx, symbol, forgetGate, switches ? -SWITCH : 0);
            set(planted, wx, symbol, candidate, symbol == newlineId ? -SWITCH : 0);
            set(planted, wx, symbol, outputGate, 0);
        }
        ParameterLayout.Block wh = layout.recurrentWeights[0];      // [H, 4H]
        for (int from = 0; from < hidden; from++) {
            set(planted, wh, from, inputGate, 0);
            set(planted, wh, from, forgetGate, 0);
            set(planted, wh, from, candidate, from == UNIT ? -8 : 0);
            set(planted, wh, from, outputGate, 0);
        }
        ParameterLayout.Block bias = layout.gateBiases[0];          // [1, 4H]
        set(planted, bias, 0, inputGate, -OPEN);
        set(planted, bias, 0, forgetGate, OPEN);
        set(planted, bias, 0, candidate, 3);
        set(planted, bias, 0, outputGate, OPEN);
        return planted;
    }

    /** A model of {@code config} initialised from {@code seed}, with the flip-flop planted. */
    public static CharLstm model(LstmConfig config, long seed, int quoteId, int newlineId) {
        CharLstm model = new CharLstm(config, seed);
        model.setParameters(plant(config, model.parametersToFloats(), quoteId, newlineId));
        return model;
    }

    private static void set(float[] parameters, ParameterLayout.Block block, int row, int column, float value) {
        parameters[Math.toIntExact(block.offset() + (long) row * block.cols() + column)] = value;
    }
}
