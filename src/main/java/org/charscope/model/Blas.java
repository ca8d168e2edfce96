package org.charscope.model;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major matrix products on spans, straight into the OpenBLAS that ND4J itself loads
 * ({@code openblas_nolapack}, so {@code Nd4j.factory().blas().setMaxThreads} applies). Calling
 * cblas directly costs about 1 µs against about 10 µs for {@code Nd4j.gemm}, and lets a product
 * write into any block of a larger buffer.
 */
final class Blas {

    private Blas() {
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, all row-major; {@code op(A)} is [m, k],
     * {@code op(B)} is [k, n], C is [m, n]; {@code lda}, {@code ldb}, {@code ldc} are the row
     * strides of the matrices as stored.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, Span a, int lda, Span b, int ldb, double beta, Span c, int ldc) {
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (c.isDouble()) {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k,
                    alpha, a.doubles(), lda, b.doubles(), ldb, beta, c.doubles(), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k,
                    (float) alpha, a.floats(), lda, b.floats(), ldb, (float) beta, c.floats(), ldc);
        }
    }

    /**
     * Column sums of the row-major [rows, cols] matrix {@code a}: {@code y = beta * y + ones^T a},
     * with {@code ones} a span of at least {@code rows} ones.
     */
    static void columnSums(Span a, int rows, int cols, Span ones, double beta, Span y) {
        if (y.isDouble()) {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, CblasTrans, rows, cols,
                    1.0, a.doubles(), cols, ones.doubles(), 1, beta, y.doubles(), 1);
        } else {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, CblasTrans, rows, cols,
                    1f, a.floats(), cols, ones.floats(), 1, (float) beta, y.floats(), 1);
        }
    }

    /** {@code to = from}, elementwise over {@code from.length()} elements. */
    static void copy(Span from, Span to) {
        int n = Math.toIntExact(from.length());
        if (to.length() < n) {
            throw new IllegalArgumentException("copy of " + n + " elements into a span of " + to.length());
        }
        if (from.isDouble()) {
            openblas_nolapack.cblas_dcopy(n, from.doubles(), 1, to.doubles(), 1);
        } else {
            openblas_nolapack.cblas_scopy(n, from.floats(), 1, to.floats(), 1);
        }
    }

    /**
     * {@code Σ x²} over the span, accumulated in double ({@code dsdot} for float); NaN or infinite
     * when an element is.
     */
    static double sumOfSquares(Span x) {
        int n = Math.toIntExact(x.length());
        return x.isDouble()
                ? openblas_nolapack.cblas_ddot(n, x.doubles(), 1, x.doubles(), 1)
                : openblas_nolapack.cblas_dsdot(n, x.floats(), 1, x.floats(), 1);
    }

    /** {@code x = factor * x} in place (factor finite). */
    static void scale(Span x, double factor) {
        int n = Math.toIntExact(x.length());
        if (x.isDouble()) {
            openblas_nolapack.cblas_dscal(n, factor, x.doubles(), 1);
        } else {
            openblas_nolapack.cblas_sscal(n, (float) factor, x.floats(), 1);
        }
    }

    /**
     * Adds {@code row} [cols] to every row of the row-major [rows, cols] matrix {@code a}: the rank-1
     * update {@code a += ones row^T}, with {@code ones} a span of at least {@code rows} ones.
     */
    static void addToEveryRow(Span a, int rows, int cols, Span ones, Span row) {
        if (a.isDouble()) {
            openblas_nolapack.cblas_dger(CblasRowMajor, rows, cols, 1.0, ones.doubles(), 1, row.doubles(), 1,
                    a.doubles(), cols);
        } else {
            openblas_nolapack.cblas_sger(CblasRowMajor, rows, cols, 1f, ones.floats(), 1, row.floats(), 1,
                    a.floats(), cols);
        }
    }
}
