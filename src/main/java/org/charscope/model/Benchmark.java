package org.charscope.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.charscope.os.Os;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput on the reference workloads, the same as
 * {@code ../shared/peers/pytorch_charlstm.py}: random symbols, one-hot input, a softmax at every
 * step, full backpropagation through the sequence, clipping and an Adam step, float32.
 */
public final class Benchmark {

    /** The workloads of issue 3. */
    public enum Workload {
        /** char-rnn's defaults. */
        W1(65, 2, 128, 50, 50),
        /** The 2 × 512 model. */
        W2(65, 2, 512, 100, 64);

        public final int vocab;
        public final int layers;
        public final int hidden;
        public final int seq;
        public final int batch;

        Workload(int vocab, int layers, int hidden, int seq, int batch) {
            this.vocab = vocab;
            this.layers = layers;
            this.hidden = hidden;
            this.seq = seq;
            this.batch = batch;
        }

        public LstmConfig config() {
            return new LstmConfig(vocab, layers, hidden, 0, 0.0, Precision.FLOAT);
        }

        /**
         * Floating-point operations per symbol of one training iteration, counting the matrix
         * products only, as a dense implementation does them (the one-hot input as a product too,
         * as PyTorch runs it): forward {@code 2 · (4H(in + H)) per layer + 2 · H · vocab}, and
         * twice that backward.
         */
        public double flopsPerSymbol() {
            double forward = 2.0 * hidden * vocab;
            for (int l = 0; l < layers; l++) {
                int in = l == 0 ? vocab : hidden;
                forward += 2.0 * 4 * hidden * (in + hidden);
            }
            return 3 * forward;
        }
    }

    /**
     * @param symbolsPerSecondMedian  training throughput, median over the timed iterations
     * @param symbolsPerSecondMin     slowest timed iteration
     * @param symbolsPerSecondMax     fastest timed iteration
     * @param iterations              timed iterations
     * @param finalLoss               loss of the last iteration (nats), to show it trained
     * @param peakRssMegabytes        VmHWM of this process, or -1 off Linux
     * @param sgemmGflops             sustained single-precision matrix product rate (2048², all BLAS
     *                                threads): the best of several runs, this machine's capability
     *                                even when other processes share it; 0 if not measured
     * @param sgemmGflopsMedian       the median of those runs (lower when the machine is busy)
     * @param flopLimitSymbolsPerSecond throughput if all products ran at the best rate and nothing else cost time
     * @param percentOfFlopLimit      the median as a percentage of that limit
     * @param blasThreads             threads OpenBLAS was given
     * @param coreType                OPENBLAS_CORETYPE as set, or "(auto)"
     */
    public record Result(Workload workload, double symbolsPerSecondMedian, double symbolsPerSecondMin,
                         double symbolsPerSecondMax, int iterations, double finalLoss, double peakRssMegabytes,
                         double sgemmGflops, double sgemmGflopsMedian, double flopLimitSymbolsPerSecond, double percentOfFlopLimit,
                         int blasThreads, String coreType) {

        public String toJson() {
            return String.format(Locale.ROOT, "{\"workload\":\"%s\",\"chars_per_s_median\":%.0f,\"chars_per_s_min\":%.0f,"
                            + "\"chars_per_s_max\":%.0f,\"iterations\":%d,\"final_loss\":%.4f,\"peak_rss_mb\":%.0f,"
                            + "\"sgemm_gflops\":%.1f,\"sgemm_gflops_median\":%.1f,\"flop_limit_chars_per_s\":%.0f,"
                            + "\"percent_of_flop_limit\":%.1f,"
                            + "\"blas_threads\":%d,\"openblas_coretype\":\"%s\"}",
                    workload, symbolsPerSecondMedian, symbolsPerSecondMin, symbolsPerSecondMax, iterations, finalLoss,
                    peakRssMegabytes, sgemmGflops, sgemmGflopsMedian, flopLimitSymbolsPerSecond, percentOfFlopLimit,
                    blasThreads, coreType);
        }
    }

    private Benchmark() {
    }

    /**
     * Trains {@code workload} for {@code warmup} untimed and {@code timed} timed iterations, then
     * (if {@code measureGemm}) measures the sgemm rate.
     */
    public static Result run(Workload workload, int warmup, int timed, boolean measureGemm) {
        if (timed < 1 || warmup < 0) {
            throw new IllegalArgumentException("need at least one timed iteration");
        }
        CharLstm model = new CharLstm(workload.config(), 0);
        Optimizer adam = new Optimizer(OptimizerConfig.adam(2e-3), model);
        Batch batch = Batch.allocate(workload.seq, workload.batch);
        SplittableRandom random = new SplittableRandom(0);
        for (int i = 0; i < batch.size(); i++) {
            batch.inputs()[i] = random.nextInt(workload.vocab);
            batch.targets()[i] = random.nextInt(workload.vocab);
        }
        LstmState state = model.newState(workload.batch);
        double[] rates = new double[timed];
        double loss = 0;
        for (int i = 0; i < warmup + timed; i++) {
            long start = System.nanoTime();
            state.reset(); // every iteration reads the same batch from the start, as the peer does
            loss = model.forwardBackward(batch, state, 0, i);
            adam.clipGradients(model);
            adam.update(model, 2e-3);
            long end = System.nanoTime();
            if (i >= warmup) {
                rates[i - warmup] = batch.size() / ((end - start) / 1e9);
            }
        }
        Arrays.sort(rates);
        double median = timed % 2 == 1 ? rates[timed / 2] : (rates[timed / 2 - 1] + rates[timed / 2]) / 2;
        double[] gemm = measureGemm ? sgemmGflops() : new double[2];
        double limit = gemm[0] * 1e9 / workload.flopsPerSymbol();
        String core = System.getenv("OPENBLAS_CORETYPE");
        return new Result(workload, median, rates[0], rates[timed - 1], timed, loss, peakRssMegabytes(), gemm[0], gemm[1],
                limit, limit > 0 ? 100 * median / limit : 0, NativeSetup.blasThreads(), core == null ? "(auto)" : core);
    }

    /**
     * Rate of 2048² single-precision products over all cores (up to 4 BLAS threads, whatever the
     * lanes use), GFLOP/s: [best, median] of 15 runs. The best is the machine's sustained matrix
     * speed; the median shows how busy it is. All cores, because the lanes together use all of them
     * (docs/engine-performance.md).
     */
    public static double[] sgemmGflops() {
        NativeSetup.ensureConfigured();
        int allCores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Nd4j.factory().blas().setMaxThreads(allCores);
        try {
            return sgemmRates();
        } finally {
            Nd4j.factory().blas().setMaxThreads(NativeSetup.blasThreads());
        }
    }

    private static double[] sgemmRates() {
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        Span sa = Span.of(a);
        Span sb = Span.of(b);
        Span sc = Span.of(c);
        Blas.gemm(false, false, n, n, n, 1, sa, n, sb, n, 0, sc, n);
        double[] rates = new double[15];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            Blas.gemm(false, false, n, n, n, 1, sa, n, sb, n, 0, sc, n);
            rates[i] = 2.0 * n * n * n / (System.nanoTime() - start);
        }
        Arrays.sort(rates);
        return new double[] {rates[rates.length - 1], rates[rates.length / 2]};
    }

    /** Peak resident memory of this process (VmHWM) in MB, or -1 where /proc is not there. */
    public static double peakRssMegabytes() {
        return memoryMegabytes("VmHWM:");
    }

    /** One memory line of this process's /proc status, e.g. {@code "VmRSS:"}, in MB; -1 where there is none (off Linux). */
    public static double memoryMegabytes(String field) {
        if (Os.current() != Os.LINUX) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code java ... Benchmark W1|W2 [timed]}: prints one JSON line. */
    public static void main(String[] args) {
        Workload w = Workload.valueOf(args.length > 0 ? args[0] : "W1");
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println(run(w, 3, timed, true).toJson());
    }
}
