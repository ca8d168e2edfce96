package org.charscope.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.charscope.text.Corpus;

/**
 * The counting yardstick for a book: character n-gram models of orders 1 to {@link #MAX_ORDER},
 * fitted on the training part (at most its first {@link #MAX_TRAINING_SYMBOLS} symbols) and
 * scored on the validation part, in the units the LSTM's validation loss is reported in.
 *
 * <p>Every validation symbol is scored, the first ones with their context reaching back into the
 * end of the training part, as the text runs on.
 *
 * @param orders            one score per n, in ascending n
 * @param trainingSymbols   symbols the counts were taken from
 * @param validationSymbols symbols scored
 */
public record NgramBaseline(List<Order> orders, int trainingSymbols, int validationSymbols) {

    /** How the counts are smoothed, as the CLI and the docs name it. */
    public static final String SMOOTHING = "interpolated Kneser-Ney, D = 0.75";
    /** The longest n fitted: past 7, a book of a few megabytes has too few repeats to gain more. */
    public static final int MAX_ORDER = 7;
    /** The most training symbols counted (20 × 2^20, "20 MB" of text), which bounds time and memory. */
    public static final int MAX_TRAINING_SYMBOLS = 20 << 20;

    private static final int CHECK_EVERY = 1 << 18;
    private static final double LN2 = Math.log(2);

    /** One model's score: mean nats per character over the validation part. */
    public record Order(int n, double natsPerChar) {
        public double bitsPerChar() {
            return natsPerChar / LN2;
        }
    }

    public NgramBaseline {
        orders = List.copyOf(orders);
    }

    /** Fits on the corpus's training part and scores its validation part. */
    public static NgramBaseline of(Corpus corpus) {
        return of(corpus.train(), corpus.validation(), corpus.vocabulary().size());
    }

    /**
     * @param train      symbol ids before the validation part (only the first {@link #MAX_TRAINING_SYMBOLS} counted)
     * @param validation the held-out symbol ids that follow
     * @throws CancellationException if the thread is interrupted meanwhile
     */
    public static NgramBaseline of(int[] train, int[] validation, int vocabularySize) {
        int counted = Math.min(train.length, MAX_TRAINING_SYMBOLS);
        int maxOrder = Math.min(MAX_ORDER, counted);
        KneserNey model = KneserNey.fit(train, counted, vocabularySize, maxOrder);
        int lead = Math.min(train.length, maxOrder - 1);
        int[] text = new int[lead + validation.length]; // the training tail as context, then what is scored
        System.arraycopy(train, train.length - lead, text, 0, lead);
        System.arraycopy(validation, 0, text, lead, validation.length);
        double[] nats = new double[maxOrder];
        double[] probabilities = new double[maxOrder];
        for (int at = lead; at < text.length; at++) {
            if (((at - lead) & (CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("n-gram scoring cancelled");
            }
            model.probabilities(text, at, probabilities);
            for (int n = 0; n < maxOrder; n++) {
                nats[n] -= Math.log(probabilities[n]);
            }
        }
        List<Order> orders = new ArrayList<>();
        for (int n = 1; n <= maxOrder; n++) {
            orders.add(new Order(n, nats[n - 1] / validation.length));
        }
        return new NgramBaseline(orders, counted, validation.length);
    }

    /** The order with the lowest validation loss. */
    public Order best() {
        return orders.stream().min(Comparator.comparingDouble(Order::natsPerChar)).orElseThrow();
    }
}
