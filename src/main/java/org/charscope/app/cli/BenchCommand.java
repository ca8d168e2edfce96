package org.charscope.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.charscope.model.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code charscope bench}: this machine's training speed on the standard workloads. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed: W1 = 2×128, seq 50, batch 50; W2 = 2×512, seq 100, batch 64 "
                + "(vocabulary 65, one-hot, Adam, float32), and the machine's sgemm rate.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--workload", defaultValue = "W1", paramLabel = "W1|W2", description = "W1 or W2 (default ${DEFAULT-VALUE}).")
    Benchmark.Workload workload;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations after 3 untimed (at least 5; default ${DEFAULT-VALUE}).")
    int iterations;

    @Mixin
    JsonOutputMixin output;

    @Override
    public Integer call() {
        if (iterations < 5) {
            throw output.usageError("--iterations must be at least 5");
        }
        Benchmark.Result r = Benchmark.run(workload, 3, iterations, true);
        var out = output.out();
        if (output.json) {
            out.println(r.toJson());
        } else {
            out.printf(Locale.ROOT, "workload %s: %,.0f chars/s median (min %,.0f, max %,.0f) over %d iterations%n",
                    workload, r.symbolsPerSecondMedian(), r.symbolsPerSecondMin(), r.symbolsPerSecondMax(), r.iterations());
            out.printf(Locale.ROOT, "peak RSS %.0f MB · sgemm %.1f GFLOP/s · FLOP limit %,.0f chars/s · %.1f%% of it%n",
                    r.peakRssMegabytes(), r.sgemmGflops(), r.flopLimitSymbolsPerSecond(), r.percentOfFlopLimit());
        }
        out.flush();
        return ExitCode.OK;
    }
}
