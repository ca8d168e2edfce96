package org.charscope.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.model.Cell;
import org.charscope.model.LstmConfig;
import org.charscope.model.Preset;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.train.Comparison;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code charscope compare FILE... --cells lstm,gru,rnn --minutes M}: trains each cell on the
 * same text for the same training time, one after another, and prints the table of issue 8.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train several cells on the same text for the same time (or iterations) each, one after another, "
                + "and print parameters, speed, best validation bits per character and when it came.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--cells", split = ",", defaultValue = "lstm,gru,rnn", paramLabel = "lstm|gru|rnn",
            description = "The cells to compare, in order (default ${DEFAULT-VALUE}).")
    List<Cell> cells;

    @Option(names = "--modes", split = ",", defaultValue = "stateful", paramLabel = "stateful|window|bidirectional",
            description = "Training modes to compare for each cell: stateful, window, bidirectional (windows read by a "
                    + "bidirectional first layer; default ${DEFAULT-VALUE}).")
    List<ComparedMode> modes;

    @Option(names = "--tokens", split = ",", defaultValue = "chars", paramLabel = "chars|words",
            description = "Token levels to compare for each cell and mode: chars, words (default ${DEFAULT-VALUE}).")
    List<TokenLevel> tokens;

    @Option(names = "--words", defaultValue = "10000", paramLabel = "N",
            description = "For words: the most tokens the vocabulary keeps (default ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--window", description = "Symbols per window for the window mode (default 100).")
    Integer window;

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|medium|large",
            description = "The LSTM the others are measured against: small, medium or large (default ${DEFAULT-VALUE}).")
    Preset preset;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Budget budget;

    /** The same for every model: training time (the fair budget between cells) or iterations (repeatable). */
    static final class Budget {
        @Option(names = "--minutes", description = "Training minutes for each model.")
        Double minutes;
        @Option(names = "--iterations", description = "Iterations for each model instead (the same run every time).")
        Long iterations;
    }

    @Option(names = "--equal-parameters", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Widen the GRU and RNN to about the LSTM's parameter count (default ${DEFAULT-VALUE}); "
                    + "--no-equal-parameters keeps the preset's hidden size for every cell.")
    boolean equalParameters;

    @Option(names = "--evaluate-every", defaultValue = "100", description = "Iterations between validation scores (default ${DEFAULT-VALUE}).")
    int evaluateEvery;

    @Option(names = "--seed", defaultValue = "1") long seed;

    @Mixin
    TextOptionsMixin textOptions;

    /** {@code --json}: the table, every validation curve and the final samples. */
    @Mixin
    JsonOutputMixin output;

    @Override
    public Integer call() throws Exception {
        try {
            TokenLevel.checkMaxWords(maxWords);
            if (window != null && modes.stream().noneMatch(m -> m.training() == Mode.WINDOW)) {
                throw new IllegalArgumentException("--window needs window or bidirectional among --modes");
            }
            if (modes.contains(ComparedMode.BIDIRECTIONAL) && tokens.contains(TokenLevel.WORDS)) {
                throw new IllegalArgumentException("bidirectional models read characters: not with --tokens words");
            }
        } catch (IllegalArgumentException e) {
            throw output.usageError(e.getMessage());
        }
        double minutes = budget.minutes != null ? budget.minutes : 0;
        long iterations = budget.iterations != null ? budget.iterations : 0;
        if (budget.minutes != null && !(minutes > 0 && minutes <= 24 * 60) || budget.iterations != null && iterations < 1
                || evaluateEvery < 1) {
            throw output.usageError(
                    "--minutes must be above 0 and at most 1440, --iterations and --evaluate-every at least 1");
        }
        RunSettings settings = RunSettings.of(preset);
        TrainingConfig config = settings.training().withIntervals(10, evaluateEvery)
                .withLimits(iterations, (long) (minutes * 60_000));
        String budgetText = iterations > 0 ? String.format(Locale.ROOT, "%,d iterations", iterations)
                : minutes + " minutes";
        Book book;
        List<TokenLevel.Prepared> texts = new ArrayList<>();
        try {
            book = ModelFile.book(files);
            for (TokenLevel level : tokens) {
                texts.add(level.prepare(book, textOptions.toOptions(output.command), config.seqLength() * config.batchSize() + 1,
                        maxWords));
            }
        } catch (ModelFile.BadInput | BadTextException e) {
            output.err().println("charscope compare: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        var out = output.out();
        List<Comparison.Result> results = new ArrayList<>();
        List<TokenLevel> resultLevels = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            TokenLevel level = tokens.get(i);
            boolean words = level == TokenLevel.WORDS;
            TrainingData data = texts.get(i).data();
            LstmConfig reference = level.model(settings.model(data.vocabulary().size()));
            for (Cell cell : cells) {
                LstmConfig model = Comparison.contender(reference, cell, equalParameters);
                for (ComparedMode mode : modes) {
                    boolean windows = mode.training() == Mode.WINDOW;
                    LstmConfig runModel;
                    try {
                        runModel = mode == ComparedMode.BIDIRECTIONAL ? model.withBidirectional(true) : model;
                    } catch (IllegalArgumentException e) {
                        throw output.usageError("bidirectional: " + e.getMessage());
                    }
                    TrainingConfig runConfig;
                    try {
                        runConfig = mode.training().apply(config, windows ? window : null);
                    } catch (IllegalArgumentException e) {
                        throw output.usageError("--window: " + e.getMessage());
                    }
                    String name = Comparison.name(runModel, windows ? runConfig.seqLength() : 0, words);
                    if (!output.json) {
                        out.printf(Locale.ROOT, "training %s (%,d parameters) for %s%n", name, runModel.parameterCount(),
                                budgetText);
                        out.flush();
                    }
                    results.add(Comparison.run(name, runModel, runConfig.withSeed(seed), data,
                            settings.sampling(0).withLength(words ? 60 : 200).withSeed(seed)));
                    resultLevels.add(level);
                }
            }
        }
        if (output.json) {
            out.println(Json.pretty(toJson(results, resultLevels, book, settings)));
        } else {
            out.println();
            out.println("| model | parameters | iterations | chars/s | best val bits/char | at minute |");
            out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (Comparison.Result r : results) {
                out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %.3f | %.1f |%n", r.name(), r.parameters(),
                        r.iterations(), r.charsPerSecond(), r.bestBitsPerChar(), r.minutesToBest());
            }
            for (Comparison.Result r : results) {
                out.printf(Locale.ROOT, "%n%s, after %,d iterations:%n%s%n", r.name(), r.iterations(), r.sample());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> toJson(List<Comparison.Result> results, List<TokenLevel> levels,
                                              Book book, RunSettings settings) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("text", book.displayName());
        top.put("seqLength", settings.seqLength());
        top.put("batchSize", settings.batchSize());
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Comparison.Result r = results.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("cell", r.model().cell().id());
            row.put("tokens", levels.get(i).id());
            row.put("mode", r.model().bidirectional() ? "bidirectional" : r.windowed() ? "window" : "stateful");
            row.put("layers", r.model().layers());
            row.put("hidden", r.model().hidden());
            row.put("parameters", r.parameters());
            row.put("iterations", r.iterations());
            row.put("charsPerSecond", r.charsPerSecond());
            row.put("bestBitsPerChar", r.bestBitsPerChar());
            row.put("minutesToBest", r.minutesToBest());
            // Point and Sample are records: Gson writes their components by name, in order
            row.put("curve", r.curve());
            row.put("sample", r.sample());
            row.put("samples", r.samples());
            rows.add(row);
        }
        top.put("models", rows);
        return top;
    }
}
