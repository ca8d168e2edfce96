package org.charscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFolder;
import org.charscope.io.Failures;
import org.charscope.text.Book;
import org.charscope.train.TrainingRun;

/**
 * {@code neurons MODEL.zip FILE --over-training}: the detectors of each snapshot beside the model,
 * then of the model, over the same passage, in iteration order. A snapshot at or past the model's
 * own iteration is left out (at it, it is the model; past it, another future of the run), so the
 * iterations printed rise and the last is the model's.
 *
 * @param input   the model and the text
 * @param output  --json and the streams
 * @param top     neurons per feature in the JSON (the text shows each feature's best)
 */
record OverTraining(ModelAndTextMixin input, JsonOutputMixin output, int top) {

    /** One model's reading, named by its file. */
    private record Point(long iteration, String file, NeuronsCommand.Reading reading) {
    }

    /** Reads and prints; the exit status. */
    int print(TrainingRun model, Book book, String passage) throws ModelFile.BadInput {
        SnapshotFolder folder = SnapshotFolder.beside(input.model);
        List<SnapshotEntry> snapshots;
        try {
            snapshots = folder.list().stream().filter(s -> s.iteration() < model.iteration()).toList();
        } catch (IOException e) {
            throw new ModelFile.BadInput("cannot list the snapshots in " + folder.path() + ": " + Failures.oneLine(e));
        }
        if (snapshots.isEmpty()) {
            throw new ModelFile.BadInput(input.modelName() + " has no snapshots before its iteration " + model.iteration()
                    + " in " + folder.path() + " (train with --snapshot-every N)");
        }
        List<Point> points = new ArrayList<>();
        for (SnapshotEntry snapshot : snapshots) {
            points.add(read(ModelFile.read(snapshot.file()), snapshot.file(), passage));
        }
        points.add(read(model, input.model, passage));
        if (output.json) {
            printJson(points, book);
        } else {
            printText(points, book);
        }
        output.out().flush();
        return ExitCode.OK;
    }

    private Point read(TrainingRun run, Path file, String passage) throws ModelFile.BadInput {
        String name = file.getFileName().toString();
        return new Point(run.iteration(), name,
                NeuronsCommand.read(run, NeuronsCommand.explorable(run, name), passage));
    }

    private void printJson(List<Point> points, Book book) {
        List<Map<String, Object>> snapshots = new ArrayList<>();
        for (Point point : points) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("iteration", point.iteration());
            one.put("file", point.file());
            one.put("findings", NeuronsCommand.rows(point.reading().correlations(), top));
            snapshots.add(one);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("model", input.modelName());
        all.put("text", book.displayName());
        all.put("characters", points.get(0).reading().result().ids().length);
        all.put("snapshots", snapshots);
        output.out().println(Json.pretty(all));
    }

    /** Per model, a line with its iteration, then each feature's best neuron. */
    private void printText(List<Point> points, Book book) {
        PrintWriter out = output.out();
        out.printf(Locale.ROOT, "%s over the first %,d characters of %s: %d snapshot%s, then the model%n",
                input.modelName(), points.get(0).reading().result().ids().length, book.displayName(), points.size() - 1,
                points.size() == 2 ? "" : "s");
        for (Point point : points) {
            out.printf(Locale.ROOT, "iteration %,d (%s, %.3f bits/char)%n", point.iteration(), point.file(),
                    point.reading().result().predictions().meanSurprisalBits());
            for (TextFeature feature : TextFeature.values()) {
                for (NeuronFinding best : point.reading().correlations().top(feature, 1)) {
                    out.println("  " + best.describe());
                }
            }
        }
    }
}
