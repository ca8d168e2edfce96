package org.charscope.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.train.Evaluator;
import org.charscope.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charscope eval MODEL.zip FILE...}: how well a model predicts a text. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a saved model on text files: mean cross-entropy in nats and bits per character, and perplexity.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.zip")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The text to score, whole (Gutenberg boilerplate removed).")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            TrainingRun run = ModelFile.read(model);
            var book = ModelFile.book(files);
            int[] ids = ModelFile.encode(run.vocabulary(), book.text(), book.displayName());
            double[] loss = Evaluator.meanLoss(run.newModel(), ids, run.seqLength(), run.batchSize());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", model.getFileName().toString());
            result.put("text", book.displayName());
            result.put("characters", (long) loss[1]);
            result.put("natsPerChar", loss[0]);
            result.put("bitsPerChar", loss[0] / Math.log(2));
            result.put("perplexity", Math.exp(loss[0]));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(result));
            } else {
                out.printf(Locale.ROOT, "%s on %s (%,d characters predicted)%n", result.get("model"), result.get("text"),
                        (long) loss[1]);
                out.printf(Locale.ROOT, "  %.4f nats/char   %.4f bits/char   perplexity %.3f%n", loss[0],
                        loss[0] / Math.log(2), Math.exp(loss[0]));
            }
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            spec.commandLine().getErr().println("charscope eval: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }
}
