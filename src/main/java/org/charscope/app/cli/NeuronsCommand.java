package org.charscope.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.FeatureLabels;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.text.Book;
import org.charscope.text.TextOptions;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code charscope neurons MODEL.zip FILE...}: the neurons that track features of the text. */
@Command(name = "neurons", mixinStandardHelpOptions = true,
        description = "Correlate every neuron of a saved model with features of a text (inside quotes, bracket depth, "
                + "position in the line, ...) and print the best neurons per feature.")
final class NeuronsCommand implements Callable<Integer> {

    /** Neurons per feature listed unless --top says. */
    private static final int TOP_PER_FEATURE = 3;
    /** Units listed with --match unless --top says. */
    private static final int TOP_MATCHED = 10;

    @Mixin
    ModelAndTextMixin input;

    @Option(names = "--chars", defaultValue = "5000", description = "Characters of the text to read, from its start (default ${DEFAULT-VALUE}).")
    int chars;

    @Option(names = "--top", paramLabel = "K", description = "Neurons per feature (default 3), or with --match the "
            + "units listed (default 10).")
    Integer topAsked;

    @Option(names = "--match", paramLabel = "REGEX", description = "Test the hypothesis that a unit stands for the "
            + "characters inside this Java regex's non-empty matches (inside quotes: \"[^\"\\n]*\"): thresholds "
            + "chosen on the last 100,000 characters of the training part, precision, recall and F1 on the "
            + "validation part; prints the best units.")
    String match;

    @Option(names = "--validation", paramLabel = "FRACTION", description = "With --match: the fraction at the end of "
            + "the text held out for validation, as train's --validation (default 0.1, train's).")
    Double validation;

    @Option(names = "--over-training", description = "Read the text through each snapshot beside MODEL.zip "
            + "(train --snapshot-every), then through the model, and print each one's detectors in iteration order.")
    boolean overTraining;

    @Mixin
    JsonOutputMixin output;

    /** The detectors of one model over a passage, and how well it predicted the passage. */
    record Reading(Probe.Result result, FeatureCorrelations correlations) {
    }

    @Override
    public Integer call() {
        int top = topAsked != null ? topAsked : match != null ? TOP_MATCHED : TOP_PER_FEATURE;
        if (chars < 2 || chars > Probe.MAX_SYMBOLS || top < 1) {
            throw output.usageError("--chars must be 2 to " + Probe.MAX_SYMBOLS + " and --top at least 1");
        }
        if (match == null && validation != null) {
            throw output.usageError("--validation goes with --match: the detectors read the start of the text");
        }
        FeatureMatch matching = match == null ? null : matching(top);
        try {
            TrainingRun run = input.readModel();
            Vocabulary vocabulary = explorable(run, input.modelName());
            Book book = input.readText();
            if (matching != null) {
                return matching.print(run, vocabulary, book);
            }
            String passage = passage(book, chars);
            ModelFile.encode(vocabulary, passage, book.displayName());
            if (overTraining) {
                return new OverTraining(input, output, top).print(run, book, passage);
            }
            Reading reading = read(run, vocabulary, passage);
            Probe.Result result = reading.result();
            var out = output.out();
            if (output.json) {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("model", input.modelName());
                all.put("text", book.displayName());
                all.put("characters", result.ids().length);
                all.put("meanSurprisalBits", result.predictions().meanSurprisalBits());
                all.put("findings", rows(reading.correlations(), top));
                out.println(Json.pretty(all));
            } else {
                out.printf(Locale.ROOT, "%s over the first %,d characters of %s (%.3f bits/char)%n",
                        input.modelName(), result.ids().length, book.displayName(),
                        result.predictions().meanSurprisalBits());
                for (TextFeature feature : TextFeature.values()) {
                    for (NeuronFinding f : reading.correlations().top(feature, top)) {
                        out.println("  " + f.describe());
                    }
                }
            }
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput | IllegalArgumentException e) {
            output.err().println("charscope neurons: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** --match and the options beside it, or a usage error (exit 2) saying which one cannot be. */
    private FeatureMatch matching(int top) {
        if (overTraining) {
            throw output.usageError("--match tests the model itself: leave out --over-training");
        }
        double fraction = validation != null ? validation : TextOptions.defaults().validationFraction();
        try {
            new TextOptions(false, 0, fraction);
        } catch (IllegalArgumentException e) {
            throw output.usageError("--validation: " + e.getMessage());
        }
        try {
            return new FeatureMatch(input, output, match, FeatureLabels.compile(match), fraction, top);
        } catch (IllegalArgumentException e) {
            throw output.usageError("--match: " + e.getMessage());
        }
    }

    /** The model's characters, if the explorer reads it: a one-way character model. */
    static Vocabulary explorable(TrainingRun run, String name) throws ModelFile.BadInput {
        if (!(run.vocabulary() instanceof Vocabulary vocabulary)) {
            throw new ModelFile.BadInput(name + " reads words; the neuron explorer reads character models");
        }
        if (run.model().bidirectional()) {
            throw new ModelFile.BadInput(name + " is bidirectional: each of its steps sees the symbols "
                    + "after it, so the neuron explorer reads one-way models only");
        }
        return vocabulary;
    }

    /** The first {@code chars} characters (code points) of the book's text. */
    static String passage(Book book, int chars) {
        String text = book.text();
        int end = text.offsetByCodePoints(0, Math.min(chars, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    /** The passage read through a model of the run's weights, and the detectors over it. */
    static Reading read(TrainingRun run, Vocabulary vocabulary, String passage) {
        Probe.Result result = Probe.run(run.newModel(), vocabulary, passage);
        return new Reading(result, FeatureCorrelations.compute(result.activations(), TextFeatures.of(passage)));
    }

    /** The JSON findings: per feature, its best {@code top} neurons, as {@code neurons --json} prints them. */
    static List<Map<String, Object>> rows(FeatureCorrelations correlations, int top) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TextFeature feature : TextFeature.values()) {
            for (NeuronFinding f : correlations.top(feature, top)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("feature", feature.name().toLowerCase(Locale.ROOT));
                row.put("layer", f.layer() + 1);
                row.put("quantity", f.quantity().name().toLowerCase(Locale.ROOT));
                row.put("unit", f.unit());
                row.put("r", f.r());
                rows.add(row);
            }
        }
        return rows;
    }
}
