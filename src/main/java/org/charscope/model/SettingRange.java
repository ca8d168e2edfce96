package org.charscope.model;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The values one setting may take, said once. The engine's records hold a range per setting
 * ({@link LstmConfig#HIDDEN}, {@code TrainingConfig.SEQ_LENGTH}, ...) and check their values
 * against it; the settings panel and the command line ask the same range, both whether a value
 * is inside ({@link #contains}) and how to say the rule ({@link #describe}: "16 to 1024"), so a
 * bound and its wording cannot drift apart between the three.
 *
 * @param min          the lower bound
 * @param minIncluded  whether {@code min} itself is allowed
 * @param max          the upper bound
 * @param maxIncluded  whether {@code max} itself is allowed
 * @param zeroMeans    what 0 means when it is the lower bound and has a meaning of its own
 *                     ("off", "never"), or null
 */
public record SettingRange(double min, boolean minIncluded, double max, boolean maxIncluded, String zeroMeans) {

    /** From {@code min} to {@code max}, both allowed. */
    public static SettingRange of(double min, double max) {
        return new SettingRange(min, true, max, true, null);
    }

    /** Above {@code min} (not itself), up to {@code max}, which is allowed when {@code maxIncluded}. */
    public static SettingRange above(double min, double max, boolean maxIncluded) {
        return new SettingRange(min, false, max, maxIncluded, null);
    }

    /** The same range, saying what its lower bound 0 means ("0 (off) to 1,000,000"). */
    public SettingRange withZeroMeaning(String meaning) {
        return new SettingRange(min, minIncluded, max, maxIncluded, meaning);
    }

    /** Whether {@code value} is allowed (never NaN). */
    public boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
    }

    /** The rule as the panel writes it after "must be": "1 to 4", "above 0, at most 10". */
    public String describe() {
        if (!minIncluded) {
            return "above " + number(min) + ", " + (maxIncluded ? "at most " : "below ") + number(max);
        }
        String lower = number(min) + (zeroMeans != null && min == 0 ? " (" + zeroMeans + ")" : "");
        return lower + (maxIncluded ? " to " : " to below ") + number(max);
    }

    /** Null when {@code value} is allowed, else "{@code name} must be RULE, not VALUE". */
    public String problem(String name, double value) {
        if (contains(value)) {
            return null;
        }
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e18;
        return name + " must be " + describe() + ", not " + (whole ? String.valueOf((long) value) : String.valueOf(value));
    }

    /** For the records' constructors: the {@link #problem} as an {@link IllegalArgumentException}. */
    public void check(String name, double value) {
        String problem = problem(name, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Whole numbers of five digits or more grouped in thousands ("10,000", but "1000"), others as short as exact. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            long whole = (long) v;
            return Math.abs(whole) >= 10_000 ? String.format(Locale.ROOT, "%,d", whole) : String.valueOf(whole);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
