package org.charscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.baseline.CopiedRuns;
import org.charscope.baseline.CopyIndex;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
import org.charscope.model.SampleSettings;
import org.charscope.model.Sampler;
import org.charscope.text.BadTextException;
import org.charscope.text.Corpus;
import org.charscope.text.Symbols;
import org.charscope.text.TextOptions;
import org.charscope.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--json", description = "Print one JSON object (text, prime, characters, copiedFraction, copiedRuns) at the end instead of streaming.")
    boolean json;

    @Option(names = "--training-text", arity = "1..*", paramLabel = "FILE",
            description = "The text the model was trained on: report the generated stretches of 20+ characters found in its training part.")
    List<Path> trainingText;

    @Mixin
    TextOptionsMixin textOptions;

    /** --clamp and --ablate; an ablated unit is held at its mean over the prime. */
    @Mixin
    HeldUnitOptions holding;

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
        TextOptions options = textOptions.toOptions(spec);
        PrintWriter out = spec.commandLine().getOut();
        try {
            TrainingRun run = ModelFile.read(model);
            Symbols vocabulary = run.vocabulary();
            int[] primeIds = ModelFile.encode(vocabulary, prime, "--prime");
            CopyIndex copies = trainingText == null ? null : CopyIndex.of(trainingCorpus(options));
            CharLstm lstm = run.newModel();
            HeldUnits held = hold(run, lstm, primeIds);
            StringBuilder text = new StringBuilder(prime);
            if (!json) {
                out.print(prime);
            }
            Sampler.sample(lstm, primeIds, settings, id -> {
                String symbol = vocabulary.symbol(id);
                text.append(symbol);
                if (!json) {
                    out.print(symbol);
                    out.flush();
                }
            }, run.seqLength());
            int primeLength = prime.codePointCount(0, prime.length());
            CopiedRuns copied = copies == null ? null : copies.find(text.toString(), primeLength);
            if (json) {
                Map<String, Object> fields = json(text.toString(), primeLength, copied);
                if (holding.any()) {
                    fields.put("clamps", holding.echo(held));
                }
                out.println(Json.pretty(fields));
            } else {
                out.println();
                if (copied != null) {
                    spec.commandLine().getErr().println(String.format(Locale.ROOT,
                            "copied from the training text: %.1f%% of %,d characters, in %d runs of %d or more",
                            100 * copied.fraction(), copied.characters(), copied.runs().size(), CopyIndex.MIN_RUN));
                }
            }
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            spec.commandLine().getErr().println("charscope sample: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Holds the units asked for; the ablated ones at their means over the prime, which they need. */
    private HeldUnits hold(TrainingRun run, CharLstm lstm, int[] primeIds) throws ModelFile.BadInput {
        if (!holding.any()) {
            return HeldUnits.NONE;
        }
        if (run.model().bidirectional()) {
            throw new ModelFile.BadInput(model.getFileName() + " is bidirectional: a unit is held in one-way models only");
        }
        if (!holding.ablations.isEmpty() && primeIds.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--ablate holds a unit at its mean over the prime: give a --prime");
        }
        try {
            return holding.holdOn(lstm, () -> lstm.nextLogits(primeIds, lstm.newState(1)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The training part of {@code --training-text}, split as train splits it with the same text options. */
    private Corpus trainingCorpus(TextOptions options) throws ModelFile.BadInput {
        try {
            return Corpus.of(ModelFile.book(trainingText), options, 1);
        } catch (BadTextException e) {
            throw new ModelFile.BadInput(e.getMessage());
        }
    }

    /** {"text", "prime", "characters", "copiedFraction", "copiedRuns"}: the last two null without a training text. */
    private Map<String, Object> json(String text, int primeLength, CopiedRuns copied) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", text);
        fields.put("prime", prime);
        fields.put("characters", text.codePointCount(0, text.length()) - primeLength);
        fields.put("copiedFraction", copied == null ? null : copied.fraction());
        fields.put("copiedRuns", copied == null ? null
                : copied.runs().stream().map(run -> new int[] {run.start(), run.end()}).toList());
        return fields;
    }
}
