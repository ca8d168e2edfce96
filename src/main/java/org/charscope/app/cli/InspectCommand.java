package org.charscope.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Mixin
    TextOptionsMixin textOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextOptions options = textOptions.toOptions(spec);
        TextFacts facts;
        try {
            Book book = new BookReader().read(files, LoadProgress.NONE);
            facts = TextFacts.of(Corpus.of(book, options, Corpus.DEFAULT_MIN_TRAIN_SYMBOLS));
        } catch (BadTextException e) {
            spec.commandLine().getErr().println("charscope inspect: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        var out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(facts.toJsonMap()) + "\n" : FactsText.format(facts));
        out.flush();
        return ExitCode.OK;
    }
}
