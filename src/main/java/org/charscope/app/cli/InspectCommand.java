package org.charscope.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.baseline.NgramBaseline;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.LoadProgress;
import org.charscope.text.TextFacts;
import org.charscope.text.TextOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code charscope inspect FILE...}: what the app would load from these files. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show what CharScope reads from the files: encoding, Gutenberg header/footer, "
                + "title, author, characters, vocabulary, train/validation sizes.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "One or more text files, joined in order.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--baseline", description = "Also fit character n-gram models (n = 1 to 7, "
            + "interpolated Kneser-Ney) on the training part and score them on the validation part.")
    boolean baseline;

    @Mixin
    TextOptionsMixin textOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextOptions options = textOptions.toOptions(spec);
        TextFacts facts;
        NgramBaseline scores = null;
        try {
            Book book = new BookReader().read(files, LoadProgress.NONE);
            Corpus corpus = Corpus.of(book, options, Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
            facts = TextFacts.of(corpus);
            if (baseline) {
                scores = NgramBaseline.of(corpus);
            }
        } catch (BadTextException e) {
            spec.commandLine().getErr().println("charscope inspect: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> fields = facts.toJsonMap();
            if (scores != null) {
                fields.put("baseline", BaselineReport.json(scores));
            }
            out.print(Json.pretty(fields) + "\n");
        } else {
            out.print(FactsText.format(facts) + (scores == null ? "" : BaselineReport.text(scores)));
        }
        out.flush();
        return ExitCode.OK;
    }
}
