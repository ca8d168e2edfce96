package org.charscope.train;

import java.util.Arrays;
import java.util.List;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.text.Symbols;
import org.charscope.text.Vocabulary;
import org.charscope.text.WordVocabulary;

/**
 * Everything needed to continue a run exactly, as plain Java: what a checkpoint holds. Taken on
 * the training thread between iterations ({@link Trainer#snapshot()}), so it is consistent.
 *
 * @param model              the model's shape
 * @param optimizerConfig    method, rate, schedule, clipping
 * @param seqLength          steps per batch
 * @param batchSize          rows per batch
 * @param seed               weights' and dropout masks' seed (the masks of iteration k depend only on
 *                           (seed, k), so this and the iteration are the whole dropout RNG state)
 * @param vocabulary         the symbols the model reads: characters or words
 * @param iteration          iterations completed
 * @param batchPosition      batches read ({@code Batches.position()})
 * @param epoch              passes over the training text
 * @param learningRateScale  factor on the scheduled rate (halved at each recovery)
 * @param optimizerSteps     updates applied (Adam's t)
 * @param trainingMillis     training time over all runs so far
 * @param losses             [iteration] training loss of each iteration, NaN for a failed one
 * @param evaluations        validation results so far
 * @param parameters         [parameterCount] the weights
 * @param firstMoment        [parameterCount] Adam's m; null in a snapshot ({@link #isSnapshot()})
 * @param secondMoment       [parameterCount] Adam's or RMSProp's v; null in a snapshot
 * @param hiddenState        [2 * layers * batchSize * hidden] h then c carried into the next batch
 * @param windowed           trained on windows that predict their next symbol ({@link TrainingConfig#windowed()})
 */
public record TrainingRun(LstmConfig model, OptimizerConfig optimizerConfig, int seqLength, int batchSize, long seed,
                          Symbols vocabulary, long iteration, long batchPosition, double epoch,
                          double learningRateScale, long optimizerSteps, long trainingMillis, float[] losses,
                          List<Evaluation> evaluations, float[] parameters, float[] firstMoment,
                          float[] secondMoment, float[] hiddenState, boolean windowed) {

    public TrainingRun {
        evaluations = List.copyOf(evaluations);
    }

    /** A model with these weights, owned by the calling thread. */
    public CharLstm newModel() {
        CharLstm lstm = new CharLstm(model, seed);
        lstm.setParameters(parameters);
        return lstm;
    }

    /**
     * Whether this is a snapshot: the weights and hidden state at some iteration without the
     * optimizer's moments, a third of a checkpoint's size, kept to look back at (samples, evaluations,
     * the detectors over training) but not to continue from, since Adam cannot go on without its m and v.
     */
    public boolean isSnapshot() {
        return firstMoment == null;
    }

    /** This run as a snapshot: the same, without the optimizer's moments. */
    public TrainingRun withoutMoments() {
        return new TrainingRun(model, optimizerConfig, seqLength, batchSize, seed, vocabulary, iteration, batchPosition,
                epoch, learningRateScale, optimizerSteps, trainingMillis, losses, evaluations, parameters, null, null,
                hiddenState, windowed);
    }

    /** The code point of each id of a character model; empty for a word model. */
    public int[] codePoints() {
        return vocabulary instanceof Vocabulary characters ? characters.codePoints() : new int[0];
    }

    /** Whether the model reads words ({@link WordVocabulary}) rather than characters. */
    public boolean readsWords() {
        return vocabulary instanceof WordVocabulary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingRun r && model.equals(r.model) && optimizerConfig.equals(r.optimizerConfig)
                && seqLength == r.seqLength && batchSize == r.batchSize && seed == r.seed
                && vocabulary.equals(r.vocabulary) && iteration == r.iteration
                && batchPosition == r.batchPosition && Double.compare(epoch, r.epoch) == 0
                && Double.compare(learningRateScale, r.learningRateScale) == 0 && optimizerSteps == r.optimizerSteps
                && trainingMillis == r.trainingMillis && Arrays.equals(losses, r.losses)
                && evaluations.equals(r.evaluations) && Arrays.equals(parameters, r.parameters)
                && Arrays.equals(firstMoment, r.firstMoment) && Arrays.equals(secondMoment, r.secondMoment)
                && Arrays.equals(hiddenState, r.hiddenState) && windowed == r.windowed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(iteration) * 31 + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "TrainingRun[" + model + ", iteration " + iteration + "]";
    }
}
