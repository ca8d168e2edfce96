package org.charscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.charscope.model.CharLstm;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.text.Symbols;
import org.charscope.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charscope sample MODEL.zip}: text from a trained model, printed as it is drawn. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate text from a saved model, one character at a time.")
final class SampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "A model saved by train or by the app.")
    Path model;

    @Option(names = "--length", defaultValue = "500", description = "Characters to generate (default ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", defaultValue = "0.8", description = "Below 1 safer, above 1 wilder (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Draw only from the K likeliest (0: all).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Draw from the likeliest whose probabilities sum to P (1: all).")
    double topP;

    @Option(names = "--greedy", description = "Always take the likeliest character.")
    boolean greedy;

    @Option(names = "--prime", defaultValue = "", description = "Text to start from (printed first).")
    String prime;

    @Option(names = "--seed", defaultValue = "0", description = "Same seed, same model, same settings: same text.")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SampleSettings settings;
        try {
            settings = new SampleSettings(length, temperature, topK, topP, greedy, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            TrainingRun run = ModelFile.read(model);
            Symbols vocabulary = run.vocabulary();
            int[] primeIds = ModelFile.encode(vocabulary, prime, "--prime");
            CharLstm lstm = run.newModel();
            out.print(prime);
            Sampler.sample(lstm, primeIds, settings, id -> {
                out.print(vocabulary.symbol(id));
                out.flush();
            }, run.seqLength());
            out.println();
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            spec.commandLine().getErr().println("charscope sample: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }
}
