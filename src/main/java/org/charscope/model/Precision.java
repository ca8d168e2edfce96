package org.charscope.model;

import org.nd4j.linalg.api.buffer.DataType;

/** Floating-point precision of a model's parameters and activations. */
public enum Precision {
    /** float32: for training and sampling. */
    FLOAT(DataType.FLOAT, Float.BYTES),
    /** float64: for gradient checks and comparisons with reference code. */
    DOUBLE(DataType.DOUBLE, Double.BYTES);

    private final DataType dataType;
    private final int bytes;

    Precision(DataType dataType, int bytes) {
        this.dataType = dataType;
        this.bytes = bytes;
    }

    DataType dataType() {
        return dataType;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
