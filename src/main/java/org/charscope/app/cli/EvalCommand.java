package org.charscope.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
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

    @Mixin
    HeldUnitOptions holding;

    @Override
    public Integer call() {
        try {
            TrainingRun run = input.readModel();
            var book = input.readText();
            int[] ids = ModelFile.encode(run.vocabulary(), book.text(), book.displayName());
            CharLstm model = run.newModel();
            HeldUnits held = HeldUnits.NONE;
            if (holding.any()) {
                if (run.model().bidirectional()) {
                    throw new ModelFile.BadInput(input.modelName() + " is bidirectional: a unit is held in one-way models only");
                }
                try {
                    held = holding.holdOn(model, () -> score(run, model, ids, book.text()));
                } catch (IllegalArgumentException e) {
                    throw output.usageError(e.getMessage());
                }
            }
            double[] loss = score(run, model, ids, book.text());
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
            if (holding.any()) {
                result.put("clamps", holding.echo(held));
            }
            var out = output.out();
            if (output.json) {
                out.println(Json.pretty(result));
            } else {
                out.printf(Locale.ROOT, "%s on %s (%,d characters predicted%s)%n", result.get("model"), result.get("text"),
                        (long) loss[3], run.readsWords() ? String.format(Locale.ROOT, " in %,d words and marks", (long) loss[1]) : "");
                out.printf(Locale.ROOT, "  %.4f nats/char   %.4f bits/char   perplexity %.3f%s%n", loss[2],
                        loss[2] / Math.log(2), Math.exp(loss[0]), run.readsWords() ? " per word" : "");
                for (HeldUnits.Held h : held.units()) {
                    out.printf(Locale.ROOT, "  held %s at %.4f%n", h.site().id(), h.value());
                }
            }
            out.flush();
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            output.err().println("charscope eval: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /**
     * Mean losses ({@link Evaluator}): a word model's loss is spread over the characters its words
     * stand for, unknown ones spelled out; a model trained on windows is scored the way it trained
     * and validated, the symbol after each of 5,000 evenly spread windows (a bidirectional one could
     * not be scored otherwise: inside a window every step sees what comes after it).
     */
    private static double[] score(TrainingRun run, CharLstm model, int[] ids, String text) {
        return run.windowed()
                ? Evaluator.meanLossOfWindows(model, ids, run.seqLength(), run.batchSize(), run.vocabulary().costs(text))
                : Evaluator.meanLoss(model, ids, run.seqLength(), run.batchSize(), run.vocabulary().costs(text));
    }
}
