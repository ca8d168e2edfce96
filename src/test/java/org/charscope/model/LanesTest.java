package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-lane pipeline computes exactly what one lane does. */
class LanesTest {

    @ParameterizedTest(name = "layers {0}, seq {1}, embedding {2}, dropout {3}")
    @CsvSource({"2, 23, 0, 0.0", "3, 12, 0, 0.3", "2, 15, 5, 0.2", "1, 9, 0, 0.0"})
    void twoLanesGiveTheSameLossesAndGradientsAsOne(int layers, int seq, int embedding, double dropout) {
        LstmConfig config = new LstmConfig(17, layers, 32, embedding, dropout, Precision.DOUBLE);
        CharLstm one = new CharLstm(config, 3, 1);
        CharLstm two = new CharLstm(config, 3, 2);
        LstmState s1 = one.newState(4);
        LstmState s2 = two.newState(4);
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 3; round++) {
            Batch batch = GradientCheckTest.randomBatch(random, 17, seq, 4);
            assertEquals(one.forwardBackward(batch, s1, 8, round), two.forwardBackward(batch, s2, 8, round), 1e-13);
            assertArrayEquals(one.gradients().toDoubleVector(), two.gradients().toDoubleVector(), 1e-13);
            assertArrayEquals(s1.toFloats(), s2.toFloats());
            assertEquals(one.loss(batch, s1), two.loss(batch, s2), 1e-13);
        }
    }
}
