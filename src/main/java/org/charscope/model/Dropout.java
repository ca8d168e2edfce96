package org.charscope.model;

/**
 * Dropout masks from a counter-based hash rather than a stateful generator: the decision for
 * element {@code e} of a mask depends only on {@code (stream, e)}, and a stream only on
 * {@code (seed, iteration, layer)}. So the masks of any iteration can be made again, in any order,
 * in float or double, and the "state" to save for an exact resume is the seed and the iteration.
 */
final class Dropout {

    private Dropout() {
    }

    /** The stream of masks for one layer boundary of one training iteration. */
    static long stream(long seed, long iteration, int layer) {
        return mix(mix(seed ^ 0x5DEECE66DL) + iteration * 0x9E3779B97F4A7C15L + (layer + 1) * 0xC2B2AE3D27D4EB4FL);
    }

    /** Whether element {@code index} survives: true with probability 1 - p (to 2^-24). */
    static boolean keep(long stream, long index, double p) {
        double u = (mix(stream + index * 0x9E3779B97F4A7C15L) >>> 40) * 0x1p-24; // uniform on [0, 1)
        return u >= p;
    }

    /** SplitMix64's finaliser: a bijection on 64 bits whose output bits all depend on every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
