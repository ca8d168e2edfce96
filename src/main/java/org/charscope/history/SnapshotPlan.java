package org.charscope.history;

import java.nio.file.Path;
import java.util.Arrays;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingData;

/**
 * How a run keeps its snapshots: where, when, within what disk budget, and over which passage the
 * detectors of each are computed.
 *
 * @param folder       where the files go
 * @param schedule     at which iterations
 * @param budgetBytes  the most the folder may hold; when a new snapshot would pass it, older ones
 *                     are thinned first ({@link Thinning})
 * @param passage      the text the detectors read at each snapshot; null for none (a word model)
 */
public record SnapshotPlan(SnapshotFolder folder, SnapshotSchedule schedule, long budgetBytes, String passage) {

    /** The detectors' passage: this many characters from the start of the validation text. */
    public static final int PASSAGE_CHARACTERS = 2_000;
    /** The budget when none is given, in MB of 1,048,576 bytes. */
    public static final long DEFAULT_BUDGET_MB = 500;
    private static final long MB = 1024 * 1024;

    public SnapshotPlan {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("the snapshots' budget must be at least 1 byte");
        }
    }

    /**
     * The plan of a run that saves its model to {@code modelFile}: snapshots every {@code every}
     * iterations beside it, within {@code budgetMb} MB, detectors over {@link #passageOf} the data.
     *
     * @throws IllegalArgumentException if {@code every} or {@code budgetMb} is below 1
     */
    public static SnapshotPlan beside(Path modelFile, long every, long budgetMb, TrainingData data) {
        if (budgetMb < 1) {
            throw new IllegalArgumentException("the snapshots' budget must be at least 1 MB, not " + budgetMb);
        }
        return new SnapshotPlan(SnapshotFolder.beside(modelFile), new SnapshotSchedule(every),
                Math.multiplyExact(budgetMb, MB), passageOf(data));
    }

    /**
     * The first {@value #PASSAGE_CHARACTERS} characters of the validation text: text the model never
     * trains on, the same at every snapshot. Null for a word model (the explorer reads characters)
     * or when there is no validation text.
     */
    public static String passageOf(TrainingData data) {
        if (!(data.vocabulary() instanceof Vocabulary characters) || data.validation().length == 0) {
            return null;
        }
        return characters.decode(Arrays.copyOf(data.validation(), Math.min(PASSAGE_CHARACTERS, data.validation().length)));
    }
}
