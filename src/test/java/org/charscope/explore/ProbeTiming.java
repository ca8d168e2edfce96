package org.charscope.explore;

import java.util.Arrays;
import java.util.Locale;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;

/**
 * Not a test: prints how long the explorer takes to read a passage (all gates, cells, hidden
 * states and predictions) and to work out the detectors, for the presets, as a table.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.charscope.explore.ProbeTiming} or from the IDE.
 */
public final class ProbeTiming {

    private ProbeTiming() {
    }

    public static void main(String[] args) {
        int chars = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        StringBuilder text = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]{}-\n";
        while (text.length() < chars) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String passage = text.toString();
        Vocabulary vocabulary = Vocabulary.of(passage);
        System.out.println("| preset | passage | read (median of 3) | detectors (median of 3) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (int[] shape : new int[][] {{2, 128}, {2, 256}, {2, 512}}) {
            CharLstm model = new CharLstm(new LstmConfig(vocabulary.size(), shape[0], shape[1], 0, 0, Precision.FLOAT), 1);
            Probe.run(model, vocabulary, passage.substring(0, 1500)); // warm up
            double[] read = new double[3];
            double[] detect = new double[3];
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Probe.Result result = Probe.run(model, vocabulary, passage);
                read[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                FeatureCorrelations.compute(result.activations(), TextFeatures.of(passage));
                detect[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(read);
            Arrays.sort(detect);
            System.out.printf(Locale.ROOT, "| %d×%d | %,d chars | %.0f ms | %.0f ms |%n", shape[0], shape[1], chars,
                    read[1], detect[1]);
        }
        System.exit(0);
    }
}
