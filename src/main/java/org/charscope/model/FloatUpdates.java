package org.charscope.model;

/**
 * The fast path of {@link Optimizer}'s updates for a float32 model: the parameters, gradients and
 * moments streamed through Java arrays {@link Chunks chunk by chunk}, in loops C2 vectorizes. The
 * equations are in {@link Optimizer}'s Javadoc. Not thread-safe: the arrays are reused.
 */
final class FloatUpdates {

    private float[] a = new float[0];   // scratch, grown on demand
    private float[] b = new float[0];
    private float[] c = new float[0];
    private float[] d = new float[0];

    /** One chunk's update, in place on the first {@code count} elements of each array. */
    @FunctionalInterface
    private interface ChunkUpdate {
        /** @param ms the first moments, null for RMSProp, which keeps none */
        void apply(float[] ps, float[] gs, float[] ms, float[] vs, int count);
    }

    void adam(Span params, Span grads, Span m, Span v, double learningRate, double beta1, double beta2,
                     double epsilon, long step) {
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, step)));
        float rootCorrection = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
        stream(params, grads, m, v, (ps, gs, ms, vs, count) -> adamSteps(ps, gs, ms, vs, count, stepSize,
                rootCorrection, (float) beta1, (float) beta2, (float) epsilon));
    }

    void rmsProp(Span params, Span grads, Span v, double learningRate, double decay, double epsilon) {
        stream(params, grads, null, v, (ps, gs, ms, vs, count) -> rmsPropSteps(ps, gs, vs, count,
                (float) learningRate, (float) decay, (float) epsilon));
    }

    /** Adam on [0, count), in place; {@code rootCorrection = 1 / √(1 - β₂^t)}. */
    private static void adamSteps(float[] p, float[] g, float[] m, float[] v, int count, float stepSize,
                                  float rootCorrection, float beta1, float beta2, float epsilon) {
        for (int k = 0; k < count; k++) {
            float mk = beta1 * m[k] + (1f - beta1) * g[k];
            float vk = beta2 * v[k] + (1f - beta2) * g[k] * g[k];
            m[k] = mk;
            v[k] = vk;
            p[k] -= stepSize * mk / ((float) Math.sqrt(vk) * rootCorrection + epsilon);
        }
    }

    /** RMSProp on [0, count), in place. */
    private static void rmsPropSteps(float[] p, float[] g, float[] v, int count, float learningRate, float decay,
                                     float epsilon) {
        for (int k = 0; k < count; k++) {
            float vk = decay * v[k] + (1f - decay) * g[k] * g[k];
            v[k] = vk;
            p[k] -= learningRate * g[k] / ((float) Math.sqrt(vk) + epsilon);
        }
    }

    /**
     * Reads the spans chunk by chunk into the scratch arrays, lets {@code update} change them, and
     * writes back all but the gradients.
     *
     * @param m  the first moments, or null for none
     */
    private void stream(Span params, Span grads, Span m, Span v, ChunkUpdate update) {
        float[] ps = a = grow(a, Chunks.SIZE);
        float[] gs = b = grow(b, Chunks.SIZE);
        float[] vs = c = grow(c, Chunks.SIZE);
        float[] ms = m == null ? null : (d = grow(d, Chunks.SIZE));
        Chunks.forEach(params.length(), (first, count) -> {
            params.get(first, ps, 0, count);
            grads.get(first, gs, 0, count);
            v.get(first, vs, 0, count);
            if (m != null) {
                m.get(first, ms, 0, count);
            }
            update.apply(ps, gs, ms, vs, count);
            params.put(first, ps, 0, count);
            v.put(first, vs, 0, count);
            if (m != null) {
                m.put(first, ms, 0, count);
            }
        });
    }

    private static float[] grow(float[] array, int size) {
        return array.length >= size ? array : new float[size];
    }
}
