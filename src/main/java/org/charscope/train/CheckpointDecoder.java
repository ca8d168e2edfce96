package org.charscope.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.LstmState;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.text.Symbols;
import org.charscope.text.UnknownSpelling;
import org.charscope.text.Vocabulary;
import org.charscope.text.WordVocabulary;

/**
 * Turns a checkpoint's {@link CheckpointMeta} into the run it describes, with every check a file
 * from elsewhere needs (every field there that is not optional, settings in range, counters that agree, a vocabulary of
 * the declared size) before any weight array is allocated; each refusal is one line that starts
 * with the file's name.
 */
final class CheckpointDecoder {

    /** Reads one float entry of the checkpoint, exactly {@code count} floats or a refusal. */
    @FunctionalInterface
    interface Floats {
        float[] read(String entry, long count) throws IOException, BadCheckpointException;
    }

    /** Longest word token a file may hold: far above what {@link org.charscope.text.WordTokens} makes. */
    private static final int MAX_TOKEN_LENGTH = 256;

    private final String name;

    private CheckpointDecoder(String name) {
        this.name = name;
    }

    /**
     * The run that {@code meta} describes, checked, with its arrays from {@code floats}, which is
     * asked only once the settings have passed (they say how many floats each entry must hold).
     */
    static TrainingRun decode(CheckpointMeta meta, String name, Floats floats) throws IOException, BadCheckpointException {
        return new CheckpointDecoder(name).run(meta, floats);
    }

    private TrainingRun run(CheckpointMeta meta, Floats floats) throws IOException, BadCheckpointException {
        String missing = meta.missing();
        if (missing != null) {
            throw new BadCheckpointException(name + ": meta.json lacks \"" + missing + "\"");
        }
        // from here on every field that is not optional is there
        LstmConfig model = modelConfig(meta.model());
        OptimizerConfig optimizer = optimizerConfig(meta.optimizer());
        CheckpointMeta.Training training = meta.training();
        int seqLength = training.seqLength();
        int batchSize = training.batchSize();
        try {
            TrainingConfig.defaults().withBatch(seqLength, batchSize).withOptimizer(optimizer); // range checks
        } catch (IllegalArgumentException e) {
            throw impossible(e);
        }
        long seed = training.seed();
        boolean windowed = Boolean.TRUE.equals(training.windowed());
        if (model.bidirectional() && !windowed) {
            throw new BadCheckpointException(name + " has impossible settings: a bidirectional model that trained statefully");
        }
        long parameterCount = model.parameterCount();
        if (parameterCount > Checkpoint.MAX_PARAMETERS) {
            throw new BadCheckpointException(name + " describes a model of " + parameterCount
                    + " parameters, more than CharScope loads (" + Checkpoint.MAX_PARAMETERS + ")");
        }
        long stateCount = LstmState.floatCount(model, batchSize);

        Symbols vocabulary = vocabulary(meta, model.vocabSize());
        long iteration = nonNegative(meta.iteration(), "iteration");
        long batchPosition = nonNegative(meta.batchPosition(), "batchPosition");
        long optimizerSteps = nonNegative(meta.optimizerSteps(), "optimizerSteps");
        long trainingMillis = nonNegative(meta.trainingMillis(), "trainingMillis");
        double epoch = meta.epoch();
        double learningRateScale = meta.learningRateScale();
        if (optimizerSteps > iteration || !(learningRateScale > 0 && learningRateScale <= 1) || !(epoch >= 0)) {
            throw new BadCheckpointException(name + ": the counters disagree (iteration " + iteration + ", optimizer steps "
                    + optimizerSteps + ", learning-rate scale " + learningRateScale + ")");
        }
        List<Float> lossList = meta.losses();
        if (lossList.size() != iteration) {
            throw new BadCheckpointException(name + ": " + lossList.size() + " losses recorded for " + iteration + " iterations");
        }
        float[] losses = new float[lossList.size()];
        for (int i = 0; i < losses.length; i++) {
            Float loss = lossList.get(i);
            losses[i] = loss == null ? Float.NaN : loss;
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (CheckpointMeta.EvaluationEntry e : meta.evaluations()) {
            // a character model's files hold only the loss per symbol, which is also its loss per character
            double perCharacter = e.natsPerCharacter() == null ? e.natsPerSymbol() : e.natsPerCharacter();
            evaluations.add(new Evaluation(e.iteration(), e.natsPerSymbol(), e.symbols(), e.millis(), perCharacter));
        }

        float[] parameters = floats.read(Checkpoint.PARAMS, parameterCount);
        // a snapshot keeps no moments (TrainingRun.isSnapshot())
        float[] firstMoment = meta.isSnapshot() ? null : floats.read(Checkpoint.FIRST_MOMENT, parameterCount);
        float[] secondMoment = meta.isSnapshot() ? null : floats.read(Checkpoint.SECOND_MOMENT, parameterCount);
        float[] hiddenState = floats.read(Checkpoint.STATE, stateCount);
        return new TrainingRun(model, optimizer, seqLength, batchSize, seed, vocabulary, iteration, batchPosition, epoch,
                learningRateScale, optimizerSteps, trainingMillis, losses, evaluations, parameters, firstMoment,
                secondMoment, hiddenState, windowed);
    }

    private LstmConfig modelConfig(CheckpointMeta.Model m) throws BadCheckpointException {
        try {
            return new LstmConfig(m.vocabSize(), m.layers(), m.hidden(), m.embedding(), m.dropout(),
                    Precision.valueOf(m.precision()), m.cell() == null ? Cell.LSTM : Cell.parse(m.cell()),
                    Boolean.TRUE.equals(m.bidirectional()));
        } catch (IllegalArgumentException e) {
            throw impossible(e);
        }
    }

    private OptimizerConfig optimizerConfig(CheckpointMeta.Optimizer o) throws BadCheckpointException {
        CheckpointMeta.Schedule s = o.schedule();
        try {
            LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Kind.valueOf(s.kind()),
                    s.stepEvery(), s.stepFactor(), s.cosinePeriod(), s.minFactor());
            return new OptimizerConfig(OptimizerConfig.Method.valueOf(o.method()), o.learningRate(), o.beta1(), o.beta2(),
                    o.epsilon(), o.clipNorm(), schedule);
        } catch (IllegalArgumentException e) {
            throw impossible(e);
        }
    }

    /** The characters (files from before word models have only these) or the words the model reads. */
    private Symbols vocabulary(CheckpointMeta meta, int size) throws BadCheckpointException {
        if (meta.tokens() == null || meta.tokens().equals("chars")) {
            int[] codePoints = meta.vocabulary();
            if (codePoints == null || codePoints.length != size) {
                throw new BadCheckpointException(name + ": the vocabulary has " + (codePoints == null ? 0 : codePoints.length)
                        + " entries but the model reads " + size + " symbols");
            }
            Set<Integer> distinct = new HashSet<>();
            for (int cp : codePoints) {
                if (!Character.isValidCodePoint(cp) || !distinct.add(cp)) {
                    throw new BadCheckpointException(name + ": the vocabulary holds an invalid or repeated code point " + cp);
                }
            }
            return Vocabulary.fromCodePoints(codePoints);
        }
        if (!meta.tokens().equals("words")) {
            throw new BadCheckpointException(name + ": unknown token level \"" + Checkpoint.oneLine(meta.tokens()) + "\"");
        }
        List<String> words = meta.words();
        if (words == null || words.size() != size) {
            throw new BadCheckpointException(name + ": the word list has " + (words == null ? 0 : words.size())
                    + " entries but the model reads " + size + " symbols");
        }
        for (String token : words) {
            if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw new BadCheckpointException(name + ": the word list holds an empty or overlong token");
            }
        }
        try {
            return new WordVocabulary(words, spelling(meta.unknownSpelling()));
        } catch (IllegalArgumentException e) {
            throw new BadCheckpointException(name + ": " + Checkpoint.oneLine(e.getMessage()), e);
        }
    }

    private UnknownSpelling spelling(CheckpointMeta.Spelling spelling) throws BadCheckpointException {
        if (spelling == null) {
            throw new BadCheckpointException(name + ": a word model without its unknown-word spelling");
        }
        int[] codePoints = spelling.codePoints();
        long[] counts = spelling.counts();
        if (codePoints == null || counts == null || codePoints.length != counts.length) {
            throw new BadCheckpointException(name + ": the unknown-word spelling's characters and counts disagree");
        }
        for (int cp : codePoints) {
            if (!Character.isValidCodePoint(cp)) {
                throw new BadCheckpointException(name + ": the unknown-word spelling holds an invalid code point");
            }
        }
        return new UnknownSpelling(codePoints, counts, spelling.ends());
    }

    private long nonNegative(long value, String key) throws BadCheckpointException {
        if (value < 0) {
            throw new BadCheckpointException(name + ": \"" + key + "\" is negative");
        }
        return value;
    }

    private BadCheckpointException impossible(IllegalArgumentException e) {
        return new BadCheckpointException(name + " has impossible settings: " + Checkpoint.oneLine(e.getMessage()), e);
    }
}
