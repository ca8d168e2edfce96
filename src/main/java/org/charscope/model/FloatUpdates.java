package org.charscope.model;

/**
 * The fast path of {@link Optimizer}'s updates for a float32 model: the parameters, gradients and
 * moments streamed through Java arrays in chunks of {@link #CHUNK}, in loops C2 vectorizes. The
 * equations are in {@link Optimizer}'s Javadoc. Not thread-safe: the arrays are reused.
 */
final class FloatUpdates {

    /** Elements per chunk: four chunks of floats stay within the L2 cache. */
    private static final int CHUNK = 1 << 16;

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
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        stream(params, grads, m, v, (ps, gs, ms, vs, count) -> {
            for (int k = 0; k < count; k++) {
                float g = gs[k];
                float mk = b1 * ms[k] + (1f - b1) * g;
                float vk = b2 * vs[k] + (1f - b2) * g * g;
                ms[k] = mk;
                vs[k] = vk;
                ps[k] -= stepSize * mk / ((float) Math.sqrt(vk) * rootCorrection + eps);
            }
        });
    }

    void rmsProp(Span params, Span grads, Span v, double learningRate, double decay, double epsilon) {
        float lr = (float) learningRate;
        float alpha = (float) decay;
        float eps = (float) epsilon;
        stream(params, grads, null, v, (ps, gs, ms, vs, count) -> {
            for (int k = 0; k < count; k++) {
                float g = gs[k];
                float vk = alpha * vs[k] + (1f - alpha) * g * g;
                vs[k] = vk;
                ps[k] -= lr * g / ((float) Math.sqrt(vk) + eps);
            }
        });
    }

    /**
     * Reads the spans chunk by chunk into the scratch arrays, lets {@code update} change them, and
     * writes back all but the gradients; the update is called once per chunk, never per element.
     *
     * @param m  the first moments, or null for none
     */
    private void stream(Span params, Span grads, Span m, Span v, ChunkUpdate update) {
        float[] ps = a = grow(a, CHUNK);
        float[] gs = b = grow(b, CHUNK);
        float[] vs = c = grow(c, CHUNK);
        float[] ms = m == null ? null : (d = grow(d, CHUNK));
        long length = params.length();
        for (long first = 0; first < length; first += CHUNK) {
            int count = (int) Math.min(CHUNK, length - first);
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
        }
    }

    private static float[] grow(float[] array, int size) {
        return array.length >= size ? array : new float[size];
    }
}
