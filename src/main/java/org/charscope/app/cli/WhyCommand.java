package org.charscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.charscope.explore.Attribution;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code charscope why MODEL.zip --text T --at N}: which characters before position N made the
 * model expect the character after it ({@link Attribution}).
 */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Explain one guess of a saved character model: how much each of the up to 200 characters "
                + "read before position N, and the one at N, raised or lowered the probability of the true next "
                + "character (gradient x input, read from a zero state).")
final class WhyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "A character model saved by train or by the app.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--text", paramLabel = "T", description = "The text, as given.")
        String text;

        @Option(names = "--text-file", paramLabel = "F", description = "The text: a UTF-8 file, as it is.")
        Path file;
    }

    @Option(names = "--at", required = true, paramLabel = "N",
            description = "0-based index, in characters (code points), of the last character read: 0 to length - 2.")
    int at;

    @Option(names = "--occlusion", description = "Also replace each character by a space and report the change of "
            + "log-probability (one more read per character).")
    boolean occlusion;

    @Mixin
    JsonOutputMixin output;

    @Override
    public Integer call() {
        try {
            String text = input.text != null ? input.text : read(input.file);
            int[] codePoints = text.codePoints().toArray();
            if (at < 0 || at > codePoints.length - 2) {
                throw output.usageError("--at must be 0 to " + (codePoints.length - 2)
                        + " for a text of " + codePoints.length + " characters (the last one has no next to explain)");
            }
            String name = model.getFileName().toString();
            TrainingRun run = ModelFile.read(model);
            Vocabulary vocabulary = NeuronsCommand.explorable(run, name);
            Attribution why;
            try {
                why = Attribution.explain(run.newModel(), vocabulary, codePoints, at, occlusion);
            } catch (IllegalArgumentException e) {
                throw new ModelFile.BadInput(e.getMessage());
            }
            print(name, why);
            return ExitCode.OK;
        } catch (ModelFile.BadInput e) {
            output.err().println("charscope why: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** A text file larger than this is refused before it is read (the books' own input limit). */
    static final long MAX_TEXT_BYTES = 256L << 20;

    private static String read(Path file) throws ModelFile.BadInput {
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new ModelFile.BadInput(file + " is larger than 256 MB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFile.BadInput(file + " cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    private void print(String name, Attribution why) {
        PrintWriter out = output.out();
        if (output.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Attribution.Contribution c : why.contributions()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("position", c.position());
                row.put("char", Character.toString(c.codePoint()));
                row.put("score", c.score());
                if (occlusion) {
                    row.put("occlusion", c.occlusion());
                }
                rows.add(row);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("model", name);
            all.put("at", why.at());
            all.put("target", Character.toString(why.target()));
            all.put("probability", why.probability());
            all.put("from", why.from());
            all.put("contributions", rows);
            out.println(Json.pretty(all));
        } else {
            out.printf(Locale.ROOT, "%s: p(%s next) = %.4f after reading characters %,d to %,d from a zero state%n",
                    name, Vocabulary.describe(why.target()), why.probability(), why.from(), why.at());
            out.println("strongest contributions (gradient x input; + raised the probability):");
            for (Attribution.Contribution c : why.strongest(10)) {
                out.printf(Locale.ROOT, "  %6d  %-6s %+.4f%s%n", c.position(), Vocabulary.describe(c.codePoint()),
                        c.score(), occlusion ? String.format(Locale.ROOT, "   occlusion %+.4f", c.occlusion()) : "");
            }
        }
        out.flush();
    }
}
