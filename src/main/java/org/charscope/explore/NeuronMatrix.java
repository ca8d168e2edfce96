package org.charscope.explore;

import org.charscope.model.Signal;

/**
 * One quantity of one layer over a passage: the value of every unit at every step, laid out
 * {@code values[step * units + unit]}. Step {@code t} is the state after reading symbol {@code t}
 * of the passage.
 *
 * <p>The array is taken over, not copied: at 5,000 steps × 1,024 units it is 20 MB per quantity,
 * and the engine hands over a fresh array it never touches again. Nobody may write to it
 * afterwards; every method here that returns an array returns a new one.
 *
 * @param steps  symbols in the passage
 * @param units  units in the layer
 * @param values [steps][units], row-major
 */
public record NeuronMatrix(int steps, int units, float[] values) {

    public NeuronMatrix {
        if (steps < 0 || units < 0) {
            throw new IllegalArgumentException("steps and units must be >= 0, got " + steps + " × " + units);
        }
        if ((long) steps * units != values.length) {
            throw new IllegalArgumentException("a matrix of " + steps + " steps × " + units + " units needs "
                    + (long) steps * units + " values, got " + values.length);
        }
    }

    public float value(int step, int unit) {
        checkStep(step);
        checkUnit(unit);
        return values[step * units + unit];
    }

    /** One unit over the passage: what a heatmap colours the text with. */
    public float[] series(int unit) {
        checkUnit(unit);
        float[] series = new float[steps]; // [steps]
        for (int step = 0, at = unit; step < steps; step++, at += units) {
            series[step] = values[at];
        }
        return series;
    }

    /** Every unit at one step: one column of the neuron grid. */
    public float[] row(int step) {
        checkStep(step);
        float[] row = new float[units]; // [units]
        System.arraycopy(values, step * units, row, 0, units);
        return row;
    }

    /** Mean over the steps, per unit; 0 for an empty passage. */
    public double[] unitMeans() {
        double[] sums = new double[units]; // [units]
        for (int step = 0; step < steps; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                sums[unit] += values[base + unit];
            }
        }
        for (int unit = 0; unit < units && steps > 0; unit++) {
            sums[unit] /= steps;
        }
        return sums;
    }

    /**
     * Population variance over the steps, per unit: {@code Σ (x − x̄)² / n}, computed as
     * {@code (Σ d² − (Σ d)² / n) / n} with {@code d = x − x₀} shifted by the unit's first value, so
     * a cell that sits near 20 and moves by 0.01 keeps its digits. 0 for fewer than two steps.
     */
    public double[] unitVariances() {
        double[] variances = new double[units]; // [units]
        if (steps < 2) {
            return variances;
        }
        double[] sums = new double[units];        // [units] Σ d
        double[] sumsOfSquares = new double[units]; // [units] Σ d²
        for (int step = 0; step < steps; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                double d = values[base + unit] - values[unit];
                sums[unit] += d;
                sumsOfSquares[unit] += d * d;
            }
        }
        for (int unit = 0; unit < units; unit++) {
            variances[unit] = Math.max(0, (sumsOfSquares[unit] - sums[unit] * sums[unit] / steps) / steps);
        }
        return variances;
    }

    /** Per unit, the fraction of steps whose value is below {@code threshold}; 0 for an empty passage. */
    public float[] fractionBelow(double threshold) {
        int[] counts = new int[units]; // [units]
        for (int step = 0; step < steps; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                if (values[base + unit] < threshold) {
                    counts[unit]++;
                }
            }
        }
        return fractions(counts);
    }

    /** Per unit, the fraction of steps whose value is above {@code threshold}; 0 for an empty passage. */
    public float[] fractionAbove(double threshold) {
        int[] counts = new int[units]; // [units]
        for (int step = 0; step < steps; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                if (values[base + unit] > threshold) {
                    counts[unit]++;
                }
            }
        }
        return fractions(counts);
    }

    /** The largest |value| anywhere: what an unbounded quantity's colour scale must reach. */
    public float maxAbs() {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    /** tanh of every value: {@link Signal#TANH_CELL} from {@link Signal#CELL}. */
    public NeuronMatrix tanh() {
        float[] squashed = new float[values.length]; // [steps][units]
        for (int i = 0; i < values.length; i++) {
            squashed[i] = (float) Math.tanh(values[i]);
        }
        return new NeuronMatrix(steps, units, squashed);
    }

    /** Steps {@code [from, to)} as a matrix of their own (a copy). */
    public NeuronMatrix steps(int from, int to) {
        if (from < 0 || to > steps || from > to) {
            throw new IndexOutOfBoundsException("steps [" + from + ", " + to + ") outside [0, " + steps + ")");
        }
        float[] window = new float[(to - from) * units]; // [to - from][units]
        System.arraycopy(values, from * units, window, 0, window.length);
        return new NeuronMatrix(to - from, units, window);
    }

    private float[] fractions(int[] counts) {
        float[] fractions = new float[units]; // [units]
        for (int unit = 0; unit < units && steps > 0; unit++) {
            fractions[unit] = (float) counts[unit] / steps;
        }
        return fractions;
    }

    private void checkStep(int step) {
        if (step < 0 || step >= steps) {
            throw new IndexOutOfBoundsException("step " + step + " outside [0, " + steps + ")");
        }
    }

    private void checkUnit(int unit) {
        if (unit < 0 || unit >= units) {
            throw new IndexOutOfBoundsException("unit " + unit + " outside [0, " + units + ")");
        }
    }
}
