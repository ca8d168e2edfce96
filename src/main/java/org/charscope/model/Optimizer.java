package org.charscope.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam or RMSProp over a model's one flat parameter array, with clipping by global norm. Holds the
 * moment estimates, which a checkpoint saves and a failed step restores. Training thread only.
 *
 * <pre>
 *   Adam (Kingma &amp; Ba, as PyTorch applies it), t the 1-based number of this update:
 *     m = β1 m + (1-β1) g        v = β2 v + (1-β2) g²
 *     p = p - lr · (m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε)
 *   RMSProp (Tieleman &amp; Hinton, as char-rnn applies it), α = β2:
 *     v = α v + (1-α) g²         p = p - lr · g / (sqrt(v) + ε)
 * </pre>
 * A float32 model takes {@link FloatUpdates}, streamed through Java arrays in chunks; a
 * double-precision one the plain loops below, the equations as written.
 */
public final class Optimizer {

    private final OptimizerConfig config;
    private final FloatUpdates floatUpdates;   // null for a double-precision model
    private final INDArray firstMoment;  // [parameterCount] Adam's m; zeros and unused for RMSProp
    private final INDArray secondMoment; // [parameterCount] v: running mean of g²
    private final Span m;
    private final Span v;
    private long steps;                  // updates applied so far

    public Optimizer(OptimizerConfig config, CharLstm model) {
        this.config = config;
        this.floatUpdates = model.config().precision() == Precision.FLOAT ? new FloatUpdates() : null;
        long count = model.parameterCount();
        this.firstMoment = Nd4j.zeros(model.config().precision().dataType(), count);
        this.secondMoment = Nd4j.zeros(model.config().precision().dataType(), count);
        this.m = Span.of(firstMoment);
        this.v = Span.of(secondMoment);
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Updates applied so far (Adam's t after the last one). */
    public long steps() {
        return steps;
    }

    /**
     * The global L2 norm of the model's gradients before clipping; when it is finite and above
     * {@link OptimizerConfig#clipNorm()} (and that is not 0) the gradients are scaled down to it.
     * A NaN or infinite norm means the gradients are not finite; nothing is scaled then.
     */
    public double clipGradients(CharLstm model) {
        Span g = Span.of(model.gradients());
        double norm = Math.sqrt(Blas.sumOfSquares(g));
        if (config.clipNorm() > 0 && Double.isFinite(norm) && norm > config.clipNorm()) {
            Blas.scale(g, config.clipNorm() / norm);
        }
        return norm;
    }

    /** One step along the model's gradients at {@code learningRate}. */
    public void update(CharLstm model, double learningRate) {
        Span p = Span.of(model.parameters());
        Span g = Span.of(model.gradients());
        steps++;
        if (floatUpdates != null) {
            switch (config.method()) {
                case ADAM -> floatUpdates.adam(p, g, m, v, learningRate, config.beta1(), config.beta2(), config.epsilon(), steps);
                case RMSPROP -> floatUpdates.rmsProp(p, g, v, learningRate, config.beta2(), config.epsilon());
            }
            return;
        }
        double[] parameters = p.toDoubles();
        double[] gradients = g.toDoubles();
        double[] meanOfSquares = v.toDoubles();
        double beta2 = config.beta2();
        double epsilon = config.epsilon();
        if (config.method() == OptimizerConfig.Method.RMSPROP) {
            for (int k = 0; k < parameters.length; k++) {
                meanOfSquares[k] = beta2 * meanOfSquares[k] + (1 - beta2) * gradients[k] * gradients[k];
                parameters[k] -= learningRate * gradients[k] / (Math.sqrt(meanOfSquares[k]) + epsilon);
            }
        } else {
            double[] mean = m.toDoubles();
            double beta1 = config.beta1();
            for (int k = 0; k < parameters.length; k++) {
                mean[k] = beta1 * mean[k] + (1 - beta1) * gradients[k];
                meanOfSquares[k] = beta2 * meanOfSquares[k] + (1 - beta2) * gradients[k] * gradients[k];
                double meanCorrected = mean[k] / (1 - Math.pow(beta1, steps));
                double meanOfSquaresCorrected = meanOfSquares[k] / (1 - Math.pow(beta2, steps));
                parameters[k] -= learningRate * meanCorrected / (Math.sqrt(meanOfSquaresCorrected) + epsilon);
            }
            m.set(mean);
        }
        v.set(meanOfSquares);
        p.set(parameters);
    }

    /** Makes this optimizer's moments and step count equal to {@code other}'s (same size). */
    public void copyFrom(Optimizer other) {
        firstMoment.assign(other.firstMoment);
        secondMoment.assign(other.secondMoment);
        steps = other.steps;
    }

    /** Adam's m as float32, a copy [parameterCount]. */
    public float[] firstMomentToFloats() {
        return m.toFloats();
    }

    /** v as float32, a copy [parameterCount]. */
    public float[] secondMomentToFloats() {
        return v.toFloats();
    }

    /** Restores the moments and step count a checkpoint saved. */
    public void restore(float[] firstMoment, float[] secondMoment, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be >= 0");
        }
        m.set(firstMoment);
        v.set(secondMoment);
        this.steps = steps;
    }
}
