package org.charscope.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.text.Book;
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

    @Mixin
    ModelAndTextMixin input;

    @Option(names = "--chars", defaultValue = "5000", description = "Characters of the text to read, from its start (default ${DEFAULT-VALUE}).")
    int chars;

    @Option(names = "--top", defaultValue = "3", description = "Neurons per feature (default ${DEFAULT-VALUE}).")
    int top;

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
        if (chars < 2 || chars > Probe.MAX_SYMBOLS || top < 1) {
            throw output.usageError("--chars must be 2 to " + Probe.MAX_SYMBOLS + " and --top at least 1");
        }
        try {
            TrainingRun run = input.readModel();
            Vocabulary vocabulary = explorable(run, input.modelName());
            Book book = input.readText();
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
