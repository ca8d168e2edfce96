package org.charscope.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.charscope.explore.FeatureHypothesis;
import org.charscope.explore.FeatureLabels;
import org.charscope.explore.HypothesisResult;
import org.charscope.explore.ReadProgress;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.explore.UnitScore;
import org.charscope.text.Corpus;

/**
 * The Hypothesis tab: "some unit stands for this feature", tested on the whole loaded book
 * ({@link FeatureHypothesis}: thresholds on the last 100,000 training characters, precision,
 * recall and F1 on the validation part). The feature is a Java regex (a character is positive
 * inside a non-empty match) or one of the detectors; a span brushed on the passage is the Match
 * tab's ({@link MatchPanel}: its on/off pattern over the units). The reading streams on a thread
 * of its own with a model of its own (the weights on show), with a progress bar and Cancel; the
 * best units are listed, and for the one chosen its worst false positives and false negatives,
 * each a passage to read in the explorer on a click.
 */
final class HypothesisPanel extends HBox {

    /** Units listed. */
    static final int LISTED = 20;
    /** Error passages of each kind listed for the unit chosen. */
    static final int ERRORS = 5;
    static final String INSIDE_QUOTES = "\"[^\"\\n]*\"";

    private enum Source {
        REGEX("regular expression"), DETECTOR("detector");

        private final String label;

        Source(String label) {
            this.label = label;
        }
    }

    private final ExplorerModel model;
    private final Consumer<String> explore;
    private final OwnModelJobs jobs;
    private final ChoiceBox<Source> source = new ChoiceBox<>(FXCollections.observableArrayList(Source.values()));
    private final TextField regex = new TextField(INSIDE_QUOTES);
    private final ChoiceBox<TextFeature> detector = new ChoiceBox<>(FXCollections.observableArrayList(TextFeature.values()));
    private final BookReadingControls reading = new BookReadingControls("hypothesis",
            "State a feature and Run: every unit is tested on the whole book.", this::run);
    private final ListView<UnitScore> results = new ListView<>();
    private final ListView<BookFeature.ErrorRow> errors = new ListView<>();
    private BookFeature tested;     // what the results were counted on, for the errors of a unit

    /** @param explore reads a passage in the explorer (the pane's {@code explore}) */
    HypothesisPanel(ExplorerModel model, Consumer<String> explore) {
        super(8);
        this.model = model;
        this.explore = explore;
        this.jobs = new OwnModelJobs(model::weights, "charscope-hypothesis");
        setId("hypothesis-panel");
        source.setId("hypothesis-source");
        source.setConverter(new ChoiceNames<>(s -> s.label));
        source.setValue(Source.REGEX);
        regex.setId("hypothesis-regex");
        regex.setPromptText("a Java regular expression, e.g. " + INSIDE_QUOTES);
        regex.visibleProperty().bind(source.valueProperty().isEqualTo(Source.REGEX));
        detector.setId("hypothesis-detector");
        detector.setConverter(new ChoiceNames<>(TextFeature::displayName));
        detector.setValue(TextFeature.INSIDE_QUOTES);
        detector.visibleProperty().bind(source.valueProperty().isEqualTo(Source.DETECTOR));
        StackPane feature = new StackPane(regex, detector);   // one of the two, as the source says
        StackPane.setAlignment(detector, Pos.CENTER_LEFT);
        VBox left = new VBox(4, new Label("The feature, as"), source, feature, reading.box());
        left.setPrefWidth(220);
        left.setMinWidth(220);
        results.setId("hypothesis-results");
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UnitScore score, boolean empty) {
                super.updateItem(score, empty);
                setText(empty || score == null ? null : String.format(Locale.ROOT,
                        "F1 %.2f · %s · precision %.2f, recall %.2f · on %s %.3f", score.f1(),
                        score.neuron().describe(), score.precision(), score.recall(), score.direction().id(),
                        score.threshold()));
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showErrors(now));
        errors.setId("hypothesis-errors");
        errors.setOnMouseClicked(e -> {
            BookFeature.ErrorRow row = errors.getSelectionModel().getSelectedItem();
            if (row != null) {
                lookAt(row);
            }
        });
        VBox lists = new VBox(4, titled("Best units: F1 on the validation part", results),
                titled("Worst errors of the unit chosen, the error between « » (click one to read it above)", errors));
        HBox.setHgrow(lists, Priority.ALWAYS);
        getChildren().addAll(left, lists);
    }

    Tab tab() {
        Tab tab = new Tab("Hypothesis", this);
        tab.setId("tab-hypothesis");
        return tab;
    }

    /** A list under its title, both growing with the tab. */
    static VBox titled(String title, ListView<?> list) {
        Label label = new Label(title);
        label.getStyleClass().add("subheading");
        VBox box = new VBox(2, label, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** The feature asked for, as labels over a text; or null after saying why it cannot be. */
    private Function<String, FeatureLabels> feature() {
        if (source.getValue() == Source.DETECTOR) {
            TextFeature chosen = detector.getValue();
            return text -> {
                double[] signal = TextFeatures.of(text).signal(chosen);
                boolean[] positive = new boolean[signal.length];
                for (int t = 0; t < signal.length; t++) {
                    positive[t] = signal[t] > 0;
                }
                return FeatureLabels.of(positive);
            };
        }
        try {
            var pattern = FeatureLabels.compile(regex.getText());
            return text -> FeatureLabels.ofMatches(text, pattern);
        } catch (IllegalArgumentException e) {
            reading.say(e.getMessage());
            return null;
        }
    }

    /** Tests the feature on the whole book in the background. */
    void run() {
        Corpus corpus = model.corpusProperty().get();
        Function<String, FeatureLabels> feature = feature();
        if (feature == null) {
            return;
        }
        if (corpus == null) {
            reading.say("Open a text first: the hypothesis is tested on the whole book.");
            return;
        }
        ReadProgress shown = reading.start("reading the book…");
        results.getItems().clear();
        errors.getItems().clear();
        record Tested(BookFeature book, HypothesisResult result) {
        }
        jobs.run((lstm, vocabulary) -> {
            BookFeature book = BookFeature.of(corpus, feature);
            return new Tested(book, FeatureHypothesis.test(lstm, book.ids(), book.labels(), book.validationFrom(), shown));
        }, (done, failure) -> {
            if (failure != null) {
                reading.end(shown, failure, null);
                return;
            }
            tested = done.book();
            HypothesisResult result = done.result();
            reading.end(shown, null, String.format(Locale.ROOT, "The feature holds at %,d of the %,d validation "
                            + "characters (%.1f%%); thresholds chosen on the %,d characters before them.", result.positives(),
                    result.validationCharacters(), 100.0 * result.positives() / result.validationCharacters(),
                    result.thresholdCharacters()));
            results.getItems().setAll(result.best(LISTED));
            results.getSelectionModel().select(0);
        });
    }

    /** The chosen unit's worst errors, read again over the validation part with the same weights. */
    private void showErrors(UnitScore unit) {
        errors.getItems().clear();
        BookFeature book = tested;
        if (unit == null || book == null) {
            return;
        }
        jobs.runOnSameWeights((lstm, vocabulary) -> book.rows(FeatureHypothesis.worstErrors(lstm, book.ids(),
                book.labels(), book.validationFrom(), unit, ERRORS, ReadProgress.NONE), vocabulary), (rows, failure) -> {
                    if (failure != null) {
                        reading.say("could not find the errors: " + failure);
                    } else {
                        errors.getItems().setAll(rows);
                    }
                });
    }

    /** Shows an error passage in the explorer, coloured by the unit it is an error of. */
    private void lookAt(BookFeature.ErrorRow row) {
        UnitScore unit = results.getSelectionModel().getSelectedItem();
        if (unit != null) {
            model.layerProperty().set(unit.neuron().layer());
            model.quantityProperty().set(unit.neuron().quantity());
            model.unitProperty().set(unit.neuron().unit());
        }
        explore.accept(row.passage());
    }

    List<UnitScore> results() {
        return results.getItems();
    }

    List<BookFeature.ErrorRow> errors() {
        return errors.getItems();
    }
}
