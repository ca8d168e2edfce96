package org.charscope.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.Preset;
import org.charscope.text.Vocabulary;

/**
 * Not a test: the quality run of issue 3. Trains the {@code large} preset on tinyshakespeare
 * (last 10% held out) for a wall-clock budget and prints the validation curve as CSV.
 *
 * <pre>usage: QualityRun CORPUS MINUTES COSINE_ITERATIONS [CHECKPOINT] [key=value ...]</pre>
 * With CHECKPOINT ({@code -} for none), the run is saved there at the end, and continued from it
 * if it exists. The keys {@code lr}, {@code dropout}, {@code batch}, {@code seq}, {@code floor}
 * (the cosine's last factor) and {@code evaluate} (iterations between validations) override the
 * preset, so that trials of other settings print comparable curves.
 */
public final class QualityRun {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        long minutes = Long.parseLong(args[1]);
        long cosine = Long.parseLong(args[2]);
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        int split = ids.length - ids.length / 10;
        TrainingData data = new TrainingData(vocabulary, Arrays.copyOf(ids, split), Arrays.copyOfRange(ids, split, ids.length));
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        TrainingConfig preset = TrainingConfig.of(Preset.LARGE);
        double lr = Double.parseDouble(options.getOrDefault("lr", String.valueOf(preset.optimizer().learningRate())));
        double floor = Double.parseDouble(options.getOrDefault("floor", "0.1"));
        LstmConfig model = Preset.LARGE.model(vocabulary.size())
                .withDropout(Double.parseDouble(options.getOrDefault("dropout", String.valueOf(Preset.LARGE.model(2).dropout()))));
        TrainingConfig config = preset
                .withBatch(Integer.parseInt(options.getOrDefault("seq", String.valueOf(preset.seqLength()))),
                        Integer.parseInt(options.getOrDefault("batch", String.valueOf(preset.batchSize()))))
                .withOptimizer(preset.optimizer().withLearningRate(lr).withSchedule(LearningRateSchedule.cosine(cosine, floor)))
                .withIntervals(25, Integer.parseInt(options.getOrDefault("evaluate", "100")));
        long start = System.nanoTime();
        Path saved = args.length > 3 && !args[3].equals("-") ? Path.of(args[3]) : null;
        Trainer trainer = saved != null && Files.exists(saved)
                ? Trainer.resume(Checkpoint.read(saved), config, data)
                : new Trainer(model, config, data);
        System.out.println("# " + model + " " + config);
        System.out.println("kind,iteration,wall_minutes,train_minutes,loss,val_nats,symbols_per_s");
        trainer.addListener(new TrainingListener() {
            @Override
            public void onProgress(Progress p) {
                System.out.printf(Locale.ROOT, "train,%d,%.2f,%.2f,%.4f,,%.0f%n", p.iteration(),
                        (System.nanoTime() - start) / 6e10, p.trainingMillis() / 60000.0, p.meanLoss(), p.symbolsPerSecond());
            }

            @Override
            public void onEvaluation(Evaluation e) {
                System.out.printf(Locale.ROOT, "val,%d,%.2f,,,%.4f,%n", e.iteration(), (System.nanoTime() - start) / 6e10,
                        e.natsPerSymbol());
            }

            @Override
            public void onRecovery(Recovery r) {
                System.out.println("# recovery " + r);
            }
        });
        trainer.start();
        Stop stop = trainer.awaitStop(minutes, TimeUnit.MINUTES);
        if (stop == null) {
            Evaluation last = trainer.evaluate().get();
            System.out.printf(Locale.ROOT, "final,%d,%.2f,,,%.4f,%n", last.iteration(), (System.nanoTime() - start) / 6e10,
                    last.natsPerSymbol());
            trainer.stop();
            stop = trainer.awaitStop(1, TimeUnit.MINUTES);
        }
        System.out.println("# " + stop);
        if (saved != null && trainer.finalRun() != null) {
            Checkpoint.write(saved, trainer.finalRun());
            System.out.println("# saved " + saved + " at iteration " + trainer.finalRun().iteration()
                    + ", training time so far " + trainer.finalRun().trainingMillis() / 60000.0 + " min");
        }
    }
}
