package org.charscope.model;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run of {@code length} elements inside a native INDArray, as a JavaCPP pointer already
 * positioned at its first element: what BLAS calls and the Java kernels take. Spans are made once
 * (per workspace, per step) and reused; each has its own pointer object, so two spans of one array
 * never disturb each other's position.
 */
final class Span {

    private final INDArray owner;   // keeps the native memory alive as long as the span is
    private final long offset;      // in elements from the start of owner
    private final long length;      // in elements
    private final Pointer pointer;  // FloatPointer or DoublePointer at offset

    private Span(INDArray owner, long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > owner.length()) {
            throw new IllegalArgumentException("span [" + offset + ", " + (offset + length) + ") outside an array of "
                    + owner.length());
        }
        this.owner = owner;
        this.offset = offset;
        this.length = length;
        Pointer base = owner.data().addressPointer();
        this.pointer = owner.dataType() == DataType.DOUBLE
                ? new DoublePointer(base).position(offset)
                : new FloatPointer(base).position(offset);
    }

    /** The whole of a freshly created (not view) array. */
    static Span of(INDArray array) {
        if (array.isView() || array.offset() != 0 || array.ordering() != 'c') {
            throw new IllegalArgumentException("spans cover whole c-ordered arrays, not views");
        }
        DataType type = array.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("spans hold FLOAT or DOUBLE, not " + type);
        }
        return new Span(array, 0, array.length());
    }

    /** Elements {@code [from, from + length)} of this span. */
    Span slice(long from, long length) {
        if (from < 0 || length < 0 || from + length > this.length) {
            throw new IllegalArgumentException("slice [" + from + ", " + (from + length) + ") outside a span of "
                    + this.length);
        }
        return new Span(owner, offset + from, length);
    }

    /** {@code count} consecutive slices of {@code size} elements, e.g. one per time step. */
    Span[] split(int count, long size) {
        Span[] parts = new Span[count];
        for (int i = 0; i < count; i++) {
            parts[i] = slice(i * size, size);
        }
        return parts;
    }

    long length() {
        return length;
    }

    /** Sets every element to 0 (one memset). */
    void zero() {
        Pointer.memset(pointer, 0, length * (isDouble() ? Double.BYTES : Float.BYTES));
    }

    boolean isDouble() {
        return pointer instanceof DoublePointer;
    }

    FloatPointer floats() {
        return (FloatPointer) pointer;
    }

    DoublePointer doubles() {
        return (DoublePointer) pointer;
    }

    /** Copies {@code count} elements from element {@code at} of this span into {@code to[from...]}. */
    void get(long at, float[] to, int from, int count) {
        check(at, count);
        (at == 0 ? floats() : floats().getPointer(at)).get(to, from, count);
    }

    /** Copies {@code count} elements of {@code from[start...]} to element {@code at} of this span. */
    void put(long at, float[] from, int start, int count) {
        check(at, count);
        (at == 0 ? floats() : floats().getPointer(at)).put(from, start, count);
    }

    void put(long at, double[] from, int start, int count) {
        check(at, count);
        (at == 0 ? doubles() : doubles().getPointer(at)).put(from, start, count);
    }

    void get(float[] to, int count) {
        get(0, to, 0, count);
    }

    void put(float[] from, int count) {
        put(0, from, 0, count);
    }

    void get(double[] to, int count) {
        check(0, count);
        doubles().get(to, 0, count);
    }

    void put(double[] from, int count) {
        put(0, from, 0, count);
    }

    /** A copy of the span's values as doubles, whatever the precision. */
    double[] toDoubles() {
        int n = Math.toIntExact(length);
        double[] out = new double[n];
        if (isDouble()) {
            get(out, n);
        } else {
            float[] f = new float[n];
            get(f, n);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    /** A copy of the span's values as floats, whatever the precision. */
    float[] toFloats() {
        int n = Math.toIntExact(length);
        float[] out = new float[n];
        if (isDouble()) {
            double[] d = new double[n];
            get(d, n);
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        } else {
            get(out, n);
        }
        return out;
    }

    /** Overwrites the span with {@code values} (converted to the span's precision). */
    void set(float[] values) {
        int n = Math.toIntExact(length);
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + values.length);
        }
        if (isDouble()) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = values[i];
            }
            put(d, n);
        } else {
            put(values, n);
        }
    }

    /** Overwrites the span with {@code values} (converted to the span's precision). */
    void set(double[] values) {
        int n = Math.toIntExact(length);
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + values.length);
        }
        if (isDouble()) {
            put(values, n);
        } else {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) values[i];
            }
            put(f, n);
        }
    }

    private void check(long at, int count) {
        if (at < 0 || count < 0 || at + count > length) {
            throw new IllegalArgumentException("elements [" + at + ", " + (at + count) + ") outside a span of " + length);
        }
    }
}
