package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-written backward pass against central finite differences of the loss, in double
 * precision, over every parameter of tiny models.
 */
class GradientCheckTest {

    private static final double EPS = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-4;
    /**
     * Gradients smaller than this are compared absolutely (to {@code MAX_RELATIVE_ERROR * SMALL}):
     * a central difference at eps 1e-6 on a loss near 1.6 carries about 4e-10 of round-off.
     */
    private static final double SMALL = 1e-5;

    @ParameterizedTest(name = "{6}: layers {0}, seq {1}, batch {2}, embedding {3}, dropout {4}, carried state {5}")
    @CsvSource({
            "1, 1, 1, 0, 0.0, false, LSTM",
            "1, 5, 3, 0, 0.0, false, LSTM",
            "2, 1, 1, 0, 0.0, false, LSTM",
            "2, 5, 3, 0, 0.0, false, LSTM",
            "2, 5, 3, 0, 0.0, true, LSTM",
            "1, 5, 1, 0, 0.0, true, LSTM",
            "2, 4, 2, 6, 0.0, true, LSTM",
            "2, 4, 3, 0, 0.3, true, LSTM",
            "1, 1, 1, 0, 0.0, false, GRU",
            "1, 5, 3, 0, 0.0, false, GRU",
            "2, 1, 1, 0, 0.0, false, GRU",
            "2, 5, 3, 0, 0.0, true, GRU",
            "2, 4, 2, 6, 0.0, true, GRU",
            "2, 4, 3, 0, 0.3, true, GRU",
            "1, 1, 1, 0, 0.0, false, RNN",
            "1, 5, 3, 0, 0.0, false, RNN",
            "2, 1, 1, 0, 0.0, false, RNN",
            "2, 5, 3, 0, 0.0, true, RNN",
            "2, 4, 2, 6, 0.0, true, RNN",
            "2, 4, 3, 0, 0.3, true, RNN",
    })
    void backwardMatchesFiniteDifferences(int layers, int seq, int batch, int embedding, double dropout,
                                          boolean carriedState, Cell cell) {
        check(layers, seq, batch, embedding, dropout, carriedState, cell, 0, false);
    }

    /** Windows that predict only their next symbol: only the last step is scored, every step still learns. */
    @ParameterizedTest(name = "{2}: layers {0}, window {1}, scored from step 4")
    @CsvSource({"1, 5, LSTM", "2, 5, LSTM", "2, 5, GRU", "2, 5, RNN"})
    void backwardOfTheLastStepAloneMatchesFiniteDifferences(int layers, int seq, Cell cell) {
        check(layers, seq, 3, 0, 0.0, false, cell, seq - 1, false);
    }

    /**
     * A bidirectional first layer: its backward cell, the flips between the two times, and the
     * second layer's two halves of Wx. Scored at every step too, which a trained model never is
     * (inner steps see their targets), so that every path of the gradient is checked.
     */
    @ParameterizedTest(name = "bidirectional {3}: layers {0}, window {1}, scored from step {2}, dropout {4}")
    @CsvSource({
            "2, 5, 4, LSTM, 0.0",
            "2, 5, 0, LSTM, 0.0",
            "2, 1, 0, LSTM, 0.0",
            "3, 4, 0, LSTM, 0.3",
            "2, 5, 0, GRU, 0.0",
            "2, 4, 3, GRU, 0.3",
            "2, 5, 0, RNN, 0.0",
    })
    void aBidirectionalFirstLayerMatchesFiniteDifferences(int layers, int seq, int scoredFrom, Cell cell, double dropout) {
        check(layers, seq, 3, 0, dropout, false, cell, scoredFrom, true);
    }

    private static void check(int layers, int seq, int batch, int embedding, double dropout, boolean carriedState,
                              Cell cell, int scoredFrom, boolean bidirectional) {
        int vocab = 5;
        LstmConfig config = new LstmConfig(vocab, layers, 16, embedding, dropout, Precision.DOUBLE, cell, bidirectional);
        CharLstm model = new CharLstm(config, 42);
        SplittableRandom random = new SplittableRandom(7);
        Batch random0 = randomBatch(random, vocab, seq, batch);
        Batch data = new Batch(random0.inputs(), random0.targets(), seq, batch, scoredFrom);
        LstmState start = model.newState(batch);
        if (carriedState) {
            model.loss(randomBatch(random, vocab, seq, batch), start); // leaves a non-zero state behind
        }
        LstmState state = model.newState(batch);
        long dropoutSeed = 99;
        long iteration = 3;

        state.copyFrom(start);
        model.forwardBackward(data, state, dropoutSeed, iteration);
        double[] analytic = model.gradients().toDoubleVector();

        INDArray params = model.parameters();
        double worst = 0;
        long worstIndex = -1;
        for (long i = 0; i < params.length(); i++) {
            double original = params.getDouble(i);
            params.putScalar(i, original + EPS);
            state.copyFrom(start);
            double plus = model.forwardBackward(data, state, dropoutSeed, iteration);
            params.putScalar(i, original - EPS);
            state.copyFrom(start);
            double minus = model.forwardBackward(data, state, dropoutSeed, iteration);
            params.putScalar(i, original);
            double numeric = (plus - minus) / (2 * EPS);
            double error = relativeError(analytic[(int) i], numeric);
            if (error > worst) {
                worst = error;
                worstIndex = i;
            }
        }
        double finalWorst = worst;
        long finalIndex = worstIndex;
        System.out.printf("gradient check %s: max relative error %.2e over %d parameters%n", config, worst,
                params.length());
        assertTrue(worst < MAX_RELATIVE_ERROR, () -> "max relative error " + finalWorst + " at parameter "
                + finalIndex + " of layout\n" + model.describeLayout());
    }

    static double relativeError(double analytic, double numeric) {
        double difference = Math.abs(analytic - numeric);
        return difference / Math.max(SMALL, Math.max(Math.abs(analytic), Math.abs(numeric)));
    }

    static Batch randomBatch(SplittableRandom random, int vocab, int seq, int batch) {
        Batch b = Batch.allocate(seq, batch);
        for (int k = 0; k < b.size(); k++) {
            b.inputs()[k] = random.nextInt(vocab);
            b.targets()[k] = random.nextInt(vocab);
        }
        return b;
    }
}
