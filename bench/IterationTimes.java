import java.util.Arrays;
import java.util.SplittableRandom;
import org.charscope.model.Batch;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.LstmState;
import org.charscope.model.Optimizer;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;

/**
 * The milliseconds of each of the first 60 W1 iterations (2×128, seq 50, batch 50, Adam), as `bench`
 * times them, then the median of iterations 3–12 (what `bench --workload W1` reports) and of 20–59
 * (steady state). Shows whether a difference between two builds is in the JIT's warm-up or in the
 * steady state, and how a whole JVM run settles in a fast or a slow mode on this machine.
 * usage: java -cp "target/charscope.jar:target/lib/*" bench/IterationTimes.java
 */
public class IterationTimes {
    public static void main(String[] args) {
        CharLstm model = new CharLstm(new LstmConfig(65, 2, 128, 0, 0, Precision.FLOAT), 0);
        Optimizer adam = new Optimizer(OptimizerConfig.adam(2e-3), model);
        Batch batch = Batch.allocate(50, 50);
        SplittableRandom random = new SplittableRandom(0);
        for (int i = 0; i < batch.size(); i++) {
            batch.inputs()[i] = random.nextInt(65);
            batch.targets()[i] = random.nextInt(65);
        }
        LstmState state = model.newState(50);
        double[] ms = new double[60];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            state.reset();
            model.forwardBackward(batch, state, 0, i);
            adam.clipGradients(model);
            adam.update(model, 2e-3);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("iterations 3-12: %.1f ms median, 20-59: %.1f ms median%n", median(ms, 3, 13), median(ms, 20, 60));
        System.exit(0);
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return (part[(part.length - 1) / 2] + part[part.length / 2]) / 2;
    }
}
