package org.charscope.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam or RMSProp over a model's one flat parameter array, with clipping by global norm: each
 * is one pass over the flat arrays ({@link Kernels#adam}, {@link Kernels#rmsProp}). Holds the
 * moment estimates, which a checkpoint saves and a failed step restores. Training thread only.
 */
public final class Optimizer {

    private final OptimizerConfig config;
    private final Kernels kernels;
    private final INDArray firstMoment;  // [parameterCount] Adam's m; zeros and unused for RMSProp
    private final INDArray secondMoment; // [parameterCount] v: running mean of g²
    private final Span m;
    private final Span v;
    private long steps;                  // updates applied so far

    public Optimizer(OptimizerConfig config, CharLstm model) {
        this.config = config;
        this.kernels = Kernels.of(model.config().precision());
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
        switch (config.method()) {
            case ADAM -> kernels.adam(p, g, m, v, learningRate, config.beta1(), config.beta2(), config.epsilon(), steps);
            case RMSPROP -> kernels.rmsProp(p, g, v, learningRate, config.beta2(), config.epsilon());
        }
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
