package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.charscope.explore.Neuron;
import org.charscope.explore.OnOffPattern;
import org.charscope.explore.PatternMatch;
import org.charscope.explore.PatternMatches;
import org.charscope.explore.PatternSearch;
import org.charscope.explore.PatternUnit;
import org.charscope.explore.ReadProgress;
import org.charscope.text.Corpus;
import org.charscope.text.Vocabulary;

/**
 * The Match tab, LSTMVis' match view: a span brushed on the passage makes an on/off pattern over
 * the units of the quantity shown ({@link OnOffPattern}: the units on over every character of the
 * span and off just outside it, each with its threshold), and Run finds where else in the
 * validation text those units show it ({@link PatternSearch}), reading on a thread of its own with
 * a model of its own (the weights on show, {@link ShownWeights}), with a progress bar and Cancel.
 * The matches are listed best first; a click reads one in the explorer, the match brushed in it and
 * coloured by the pattern's first unit.
 */
final class MatchPanel extends HBox {

    /** Matches listed. */
    static final int LISTED = 50;

    private final ExplorerModel model;
    private final HeatmapView heatmap;
    private final Consumer<String> explore;
    private final OwnModelJobs jobs;
    private final Label patternShown = new Label("No pattern yet.");
    private final BookReadingControls reading = new BookReadingControls("match",
            "Brush a span in the passage (drag over it), Use it, then Run: its pattern is looked for in the whole "
                    + "validation text.", this::run);
    private final ListView<MatchRow> results = new ListView<>();
    private OnOffPattern pattern;
    private OnOffPattern searched;   // the pattern the listed matches were found for
    private ChangeListener<Probed> brushing;   // waits for a clicked match's reading

    /** @param explore reads a passage in the explorer (the pane's {@code explore}) */
    MatchPanel(ExplorerModel model, HeatmapView heatmap, Consumer<String> explore) {
        super(8);
        this.model = model;
        this.heatmap = heatmap;
        this.explore = explore;
        this.jobs = new OwnModelJobs(model::weights, "charscope-match");
        setId("match-panel");
        Button use = new Button("Use the brushed span");
        use.setId("match-use");
        use.setOnAction(e -> usePattern());
        patternShown.setId("match-pattern");
        patternShown.setWrapText(true);
        VBox left = new VBox(4, new Label("The pattern of a brushed span"), use, patternShown, reading.box());
        left.setPrefWidth(260);
        left.setMinWidth(260);
        results.setId("match-results");
        results.setOnMouseClicked(e -> {
            MatchRow row = results.getSelectionModel().getSelectedItem();
            if (row != null) {
                lookAt(row);
            }
        });
        VBox list = HypothesisPanel.titled("Matches: the pattern's units all on, best first; then the match in its "
                + "text between « » (click one to read it above)", results);
        HBox.setHgrow(list, Priority.ALWAYS);
        getChildren().addAll(left, list);
    }

    /** The brushed span's on/off pattern over the quantity shown, in every layer of the reading. */
    void usePattern() {
        Probed probed = model.probedProperty().get();
        int[] span = heatmap.span();
        if (probed == null || span == null) {
            reading.say("Drag over characters in the passage first: that span's on/off pattern is looked for.");
            return;
        }
        try {
            pattern = OnOffPattern.brushed(probed.result().activations(), model.quantityProperty().get(), span[0], span[1]);
        } catch (IllegalArgumentException e) {
            pattern = null;
            patternShown.setText("No pattern yet.");
            reading.say(e.getMessage());
            return;
        }
        String text = new String(probed.codePoints(), span[0], span[1] - span[0]).replace('\n', '↵');
        patternShown.setText(String.format(Locale.ROOT, "«%s» (%d char%s, iteration %,d): %s; each off %d before and %d after.",
                text, pattern.spanLength(), pattern.spanLength() == 1 ? "" : "s", probed.iteration(),
                pattern.units().stream().map(PatternUnit::describe).collect(Collectors.joining("; ")),
                pattern.offBefore(), pattern.offAfter()));
        reading.say("Run looks for this pattern in the whole validation text.");
    }

    /** Looks for the pattern in the validation text in the background. */
    void run() {
        Corpus corpus = model.corpusProperty().get();
        if (pattern == null) {
            usePattern();
            if (pattern == null) {
                return;
            }
        }
        if (corpus == null) {
            reading.say("Open a text first: the pattern is looked for in its validation part.");
            return;
        }
        OnOffPattern asked = pattern;
        ReadProgress shown = reading.start("reading the validation text…");
        results.getItems().clear();
        record Found(PatternMatches matches, List<MatchRow> rows) {
        }
        jobs.run((lstm, vocabulary) -> {
            BookText book = BookText.of(corpus);
            PatternMatches matches = PatternSearch.find(lstm, book.ids(), book.validationFrom(), asked, LISTED, shown);
            return new Found(matches, rows(book, matches, vocabulary));
        }, (done, failure) -> {
            if (failure != null) {
                reading.end(shown, failure, null);
                return;
            }
            PatternMatches found = done.matches();
            searched = asked;
            reading.end(shown, null, String.format(Locale.ROOT, "%,d stretches of the %,d validation characters have "
                            + "every unit on; at %,d of them every unit is also off just outside, as around the span.",
                    found.runs(), found.characters(), found.whole()));
            results.getItems().setAll(done.rows());
        });
    }

    private static List<MatchRow> rows(BookText book, PatternMatches matches, Vocabulary vocabulary) {
        List<MatchRow> rows = new ArrayList<>();
        for (PatternMatch match : matches.best()) {
            BookText.Excerpt excerpt = book.excerpt(vocabulary, match.start(), match.end());
            String fitting = match.isWhole() ? "whole" : match.unitsFitting() + " of " + match.units() + " off around";
            // the match first, so that a narrow list shows it; then its context
            rows.add(new MatchRow(String.format(Locale.ROOT, "%s · %s · %d char%s · %s", excerpt.run().replace('\n', '↵'),
                    fitting, match.length(), match.length() == 1 ? "" : "s", excerpt.marked()), excerpt.passage(),
                    excerpt.runFrom(), excerpt.runTo()));
        }
        return rows;
    }

    /** Reads a match's passage in the explorer, the match brushed, coloured by its pattern's first unit. */
    private void lookAt(MatchRow row) {
        if (searched != null) {
            Neuron first = searched.units().get(0).neuron();
            model.layerProperty().set(first.layer());
            model.quantityProperty().set(first.quantity());
            model.unitProperty().set(first.unit());
        }
        brushWhenRead(row);
        explore.accept(row.passage());
    }

    /** Brushes the match once its passage is shown (a new reading clears the brush, so not before). */
    private void brushWhenRead(MatchRow row) {
        if (brushing != null) {
            model.probedProperty().removeListener(brushing);
        }
        brushing = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Probed> shown, Probed old, Probed now) {
                if (now != null && now.result().passage().equals(row.passage())) {
                    shown.removeListener(this);
                    brushing = null;
                    heatmap.selectSpan(row.runFrom(), row.runTo());
                    heatmap.scrollTo(row.runFrom());
                }
            }
        };
        model.probedProperty().addListener(brushing);
    }

    OnOffPattern pattern() {
        return pattern;
    }

    /** The panel as a tab below the passage, beside Hypothesis. */
    Tab tab() {
        Tab tab = new Tab("Match", this);
        tab.setId("tab-match");
        return tab;
    }

    List<MatchRow> results() {
        return results.getItems();
    }

    /**
     * One match in the list.
     *
     * @param shown   the line shown
     * @param passage the text around the match, to read in the explorer
     * @param runFrom where the match starts in the passage, in characters
     * @param runTo   one past its end
     */
    record MatchRow(String shown, String passage, int runFrom, int runTo) {
        @Override
        public String toString() {
            return shown;
        }
    }
}
