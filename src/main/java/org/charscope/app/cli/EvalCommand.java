package org.charscope.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.train.Evaluator;
import org.charscope.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code charscope eval MODEL.zip FILE...}: how well a model predicts a text. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a saved model on text files: mean cross-entropy in nats and bits per character, and perplexity.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    ModelAndTextMixin input;

    @Mixin
    JsonOutputMixin output;

    @Override
    public Integer call() {
        try {
            TrainingRun run = input.readModel();
            var book = input.readText();
            int[] ids = ModelFile.encode(run.vocabulary(), book.text(), book.displayName());
            // a word model's loss is spread over the characters its words stand for, unknown ones spelled out
            // a model trained on windows is scored the way it trained and validated: the symbol after
            // each of 5,000 evenly spread windows (a bidirectional one could not be scored otherwise:
            // inside a window every step sees what comes after it)
            double[] loss = run.windowed()
                    ? Evaluator.meanLossOfWindows(run.newModel(), ids, run.seqLength(), run.batchSize(),
                            run.vocabulary().costs(book.text()))
                    : Evaluator.meanLoss(run.newModel(), ids, run.seqLength(), run.batchSize(),
                            run.vocabulary().costs(book.text()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", input.modelName());
            result.put("text", book.displayName());
            result.put("tokens", run.readsWords() ? "words" : "chars");
            result.put("scored", run.windowed() ? "after windows of " + run.seqLength() : "every symbol, in order");
            result.put("characters", (long) loss[3]);
            result.put("natsPerChar", loss[2]);
            result.put("bitsPerChar", loss[2] / Math.log(2));
            result.put("perplexity", Math.exp(loss[0]));
            if (run.readsWords()) {
                result.put("words", (long) loss[1]);
                result.put("natsPerWord", loss[0]);
            }
            var out = output.out();
            if (output.json) {
                out.println(Json.pretty(result));
            } else {
                out.printf(Locale.ROOT, "%s on %s (%,d characters predicted%s)%n", result.get("model"), result.get("text"),
                        (long) loss[3], run.readsWords() ? String.format(Locale.ROOT, " in %,d words and marks", (long) loss[1]) : "");
                out.printf(Locale.ROOT, "  %.4f nats/char   %.4f bits/char   perplexity %.3f%s%n", loss[2],
                        loss[2] / Math.log(2), Math.exp(loss[0]), run.readsWords() ? " per word" : "");
            }
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            output.err().println("charscope eval: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }
}
