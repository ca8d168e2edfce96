package org.charscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * A non-finite value put into a run on purpose, to prove the run survives it (issue 7,
 * docs/reliability.md): into one weight before the iteration's forward pass, into the gradients
 * after its backward pass, or in place of its loss.
 *
 * <p>Faults reach a trainer as an {@link IterationHook} ({@link FaultHook}, installed with
 * {@link Trainer#installHook}); production installs none and reads no fault setting. Tests build
 * them, and the faults trial ({@code org.charscope.trials.FaultyTrain}) parses them from its first
 * argument: a comma-separated list of {@code VALUE:TARGET:WHEN} where VALUE is {@code nan}, {@code inf} or {@code -inf}, TARGET is
 * {@code weights}, {@code gradients} or {@code loss}, and WHEN is {@code at=I} (0-based iteration
 * I), {@code every=K} (iterations K-1, 2K-1, …) or {@code random=P/SEED} (each iteration with
 * probability P, drawn from SEED, so a trial can be repeated exactly). Example:
 * {@code nan:weights:random=0.01/7,inf:loss:every=50}.
 *
 * <p>Moved here from src/main (org.charscope.train.Fault) with issue 17: only tests and trials
 * inject faults.
 *
 * @param value   NaN or ±∞
 * @param target  where it goes
 * @param index   for {@link Target#WEIGHTS}: which weight (a flat index, taken modulo the count)
 * @param when    the 0-based iterations that get it
 */
public record Fault(double value, Target target, long index, LongPredicate when) {

    public enum Target { WEIGHTS, GRADIENTS, LOSS }

    public Fault {
        if (Double.isFinite(value)) {
            throw new IllegalArgumentException("a fault is NaN or infinite, not " + value);
        }
    }

    /** A NaN into {@code target} at the given 0-based iterations. */
    public static Fault nan(Target target, LongPredicate when) {
        return new Fault(Double.NaN, target, 0, when);
    }

    /**
     * Parses a list of faults, {@code VALUE:TARGET:WHEN,...}.
     *
     * @throws IllegalArgumentException naming the part that could not be read
     */
    public static List<Fault> parse(String spec) {
        List<Fault> faults = new ArrayList<>();
        int n = 0;
        for (String part : spec.split(",")) {
            String[] fields = part.trim().toLowerCase(Locale.ROOT).split(":");
            if (fields.length != 3) {
                throw new IllegalArgumentException("fault '" + part + "' is not VALUE:TARGET:WHEN");
            }
            double value = switch (fields[0]) {
                case "nan" -> Double.NaN;
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("fault value '" + fields[0] + "' is not nan, inf or -inf");
            };
            Target target = switch (fields[1]) {
                case "weights" -> Target.WEIGHTS;
                case "gradients" -> Target.GRADIENTS;
                case "loss" -> Target.LOSS;
                default -> throw new IllegalArgumentException("fault target '" + fields[1] + "' is not weights, gradients or loss");
            };
            // each fault its own weight, spread over the array by a fixed odd multiplier
            long index = (n++ + 1) * 0x9E3779B97F4A7C15L >>> 1;
            faults.add(new Fault(value, target, index, when(fields[2])));
        }
        return List.copyOf(faults);
    }

    private static LongPredicate when(String spec) {
        try {
            if (spec.startsWith("at=")) {
                long at = Long.parseLong(spec.substring(3));
                return i -> i == at;
            }
            if (spec.startsWith("every=")) {
                long every = Long.parseLong(spec.substring(6));
                if (every < 1) {
                    throw new IllegalArgumentException("fault 'every=" + every + "': at least 1");
                }
                return i -> (i + 1) % every == 0;
            }
            if (spec.startsWith("random=")) {
                String[] ps = spec.substring(7).split("/");
                double p = Double.parseDouble(ps[0]);
                long seed = ps.length > 1 ? Long.parseLong(ps[1]) : 0;
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("fault 'random=" + ps[0] + "': a probability from 0 to 1");
                }
                // a draw per iteration from (seed, iteration) alone: the same iterations on every run
                return i -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i).nextDouble() < p;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault time '" + spec + "' has a bad number");
        }
        throw new IllegalArgumentException("fault time '" + spec + "' is not at=I, every=K or random=P/SEED");
    }
}
