package org.charscope.ui.explorer;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.charscope.explore.Neuron;
import org.charscope.explore.NeuronRanking;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotFile;
import org.charscope.model.Signal;
import org.charscope.text.Corpus;
import org.charscope.train.TrainingRun;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.history.SnapshotSummary;
import org.charscope.ui.training.TrainingController;

/**
 * The neuron explorer's state: which passage, the model's reading of it, and which neuron is
 * shown. The passage is read on the training thread between two steps ({@link Probe}) and
 * worked over on a background thread; the views only ever read the finished {@link Probed}.
 *
 * <p>When the {@link SnapshotShelf} looks at a snapshot rather than "now", the reading shown is
 * that snapshot's, read by {@link SnapshotReadings} with a model of its own; the live model's
 * last reading ({@link LiveReading}) is kept and shown again at "now", and no live reading is
 * asked of the training thread while a person looks back. Work on a model of its own (holding,
 * hypotheses, matches) gets the weights on show ({@link ShownWeights}).
 */
public final class ExplorerModel {

    /** How the neuron list is ordered. */
    public enum Order {
        VARIANCE("variance"), SATURATION("saturation"), DETECTOR("detector |r|");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Characters of the validation text probed by default: enough to scroll, quick to read. */
    public static final int DEFAULT_PASSAGE = 2_000;

    private final SnapshotShelf shelf;
    private final SnapshotLooking looking;
    private final Discovering discovering;
    private final LiveReading live;
    private final ShownWeights weights;
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Probed> probed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Train the model, then look inside it here.");
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final ObjectProperty<Signal> quantity = new SimpleObjectProperty<>(Signal.TANH_CELL);
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(Order.VARIANCE);
    private final ObjectProperty<TextFeature> feature = new SimpleObjectProperty<>(TextFeature.INSIDE_QUOTES);
    private final StringProperty typedPassage = new SimpleStringProperty("");
    private AttributionReader.Weights shownWeights;   // the weights of the reading shown, for the cursor
    private final CharacterCursor cursor = new CharacterCursor(this);
    private final HeatmapLook look = new HeatmapLook();
    private boolean unitChosen;     // a unit was picked for this text: the most active one, at its first reading
    private boolean showing;        // show() is adjusting the layer or quantity to a reading

    /** @param shelf the window's snapshots, and which one is looked at */
    public ExplorerModel(TrainingController training, SnapshotShelf shelf) {
        this(training, shelf, SnapshotReadings.BUDGET_MB << 20);
    }

    /** Tests choose the budget of the snapshot readings kept. */
    ExplorerModel(TrainingController training, SnapshotShelf shelf, long readingsBudgetBytes) {
        this.shelf = shelf;
        this.live = new LiveReading(this, training);
        this.weights = new ShownWeights(training, shelf);
        corpus.bind(training.corpusProperty());
        corpus.addListener((obs, old, now) -> {
            probed.set(null);
            live.forget();
            unitChosen = false;
        });
        looking = new SnapshotLooking(this, shelf, readingsBudgetBytes);   // its listeners before any view's
        discovering = new Discovering(this);
    }

    /** The character cursor on the passage and the explanation of its guess. */
    public CharacterCursor cursor() {
        return cursor;
    }

    /** How the neuron's values are coloured and the guesses shown (the View menu sets it). */
    public HeatmapLook look() {
        return look;
    }

    /** The weights of the reading shown (the live model's when it was read, or the snapshot's); null before one. */
    AttributionReader.Weights shownWeights() {
        return shownWeights;
    }

    /** Called as iterations go by: re-reads the passage every {@link LiveReading#refreshEveryProperty()} iterations. */
    public void iterationReached(long iteration) {
        live.iterationReached(iteration, looking.atSnapshot());
    }

    /** The passage: what the user typed, or else the start of the validation text. */
    public String passage() {
        String typed = typedPassage.get();
        if (typed != null && !typed.isBlank()) {
            return typed;
        }
        Corpus text = corpus.get();
        if (text == null) {
            return "";
        }
        int[] validation = text.validation();
        return text.vocabulary().decode(Arrays.copyOf(validation, Math.min(validation.length, DEFAULT_PASSAGE)));
    }

    /** Reads the passage with the current weights, or the snapshot looked at, in the background. */
    public void refresh() {
        if (looking.atSnapshot()) {
            looking.read();
            return;
        }
        live.read(passage());
    }

    /** Shows a live reading with the weights that made it (tests give both directly). FX thread. */
    void showLive(Probed done, AttributionReader.Weights weights) {
        live.keep(done, weights);
        if (!looking.atSnapshot()) {
            show(done);
        }
    }

    /** Shows a reading (tests give one directly). FX thread. */
    void show(Probed done) {
        int shownLayer = layer.get() < done.layers() ? layer.get() : 0;
        // another cell: the hidden state, which every cell has
        Signal shownQuantity = done.quantities().contains(quantity.get()) ? quantity.get() : Signal.HIDDEN;
        Probed before = probed.get();
        if (before != null && !before.holds(shownLayer, shownQuantity)) {
            probed.set(null);   // no view may look for the new choice in the reading going away
        }
        showing = true;
        try {
            layer.set(shownLayer);
            quantity.set(shownQuantity);
            if (unit.get() >= done.units()) {
                unit.set(0);
            }
        } finally {
            showing = false;
        }
        SnapshotSummary at = shelf.selectedProperty().get();
        shownWeights = at == null ? live.lastWeights()
                : new AttributionReader.Weights(at.file(), () -> SnapshotFile.read(at.file()).run().newModel());
        probed.set(done);
        if (!unitChosen) { // start on the first discovery card, else on the most active neuron rather than on unit 0
            unitChosen = true;
            int[] ordered = discovering.showFirst(done) ? new int[0] : orderedUnits();
            if (ordered.length > 0) {
                unit.set(ordered[0]);
            }
        }
        status.set(String.format(Locale.ROOT, "%,d characters read at iteration %,d%s · %.3f bits/char",
                done.steps(), done.iteration(), looking.atSnapshot() ? " (snapshot)" : "",
                done.predictions().meanSurprisalBits()));
    }

    /**
     * Looks at one neuron of one snapshot (a point of the emergence chart): the neuron is set,
     * then the snapshot is read once for it.
     */
    public void lookAt(SnapshotSummary snapshot, Neuron neuron, TextFeature tracked) {
        unitChosen = true;   // the person's choice: not replaced by the most active unit of a first reading
        looking.lookAt(snapshot, () -> {
            feature.set(tracked);
            layer.set(neuron.layer());
            quantity.set(neuron.quantity());
            unit.set(neuron.unit());
        });
    }

    /** "Now": the live model's last reading again, read anew if training has gone on since. */
    void showNow() {
        if (live.last() != null) {
            show(live.last());
        } else {
            forgetShown("Read passage to look at the model as it is now.");
        }
        if (live.staleNow()) {
            refresh();
        }
    }

    /** Shows nothing, with {@code why} in the status line (null: the status stays). */
    void forgetShown(String why) {
        probed.set(null);
        if (why != null) {
            status.set(why);
        }
    }

    void say(String text) {
        status.set(text);
    }

    /** Whether {@link #show} is fitting the layer and quantity to a reading (not a person's choice). */
    boolean fitting() {
        return showing;
    }

    /**
     * The shown neuron over the passage as a self-contained HTML page, or null before a reading.
     * Takes the selection now (FX thread); the returned supplier renders on any thread.
     */
    public Supplier<String> heatmapPage() {
        Probed now = probed.get();
        return now == null ? null : look.page(now, layer.get(), quantity.get(), unit.get());
    }

    /** "layer1-tanh-cell-37", for file names. */
    public String selectionName() {
        return "layer" + (layer.get() + 1) + "-" + quantity.get().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "-" + unit.get();
    }

    /** Units of the selected layer and quantity in the chosen order, most interesting first. */
    public int[] orderedUnits() {
        Probed now = probed.get();
        if (now == null) {
            return new int[0];
        }
        var values = now.matrix(layer.get(), quantity.get());
        return discovering.shown(switch (order.get()) {
            case VARIANCE -> NeuronRanking.byVariance(values);
            case SATURATION -> NeuronRanking.bySaturation(values, quantity.get());
            case DETECTOR -> NeuronRanking.byCorrelation(now.correlations(), layer.get(), quantity.get(), feature.get());
        });
    }

    public SnapshotShelf shelf() {
        return shelf;
    }

    /** A copy of the weights on show (the snapshot's, or the live ones), for a model of its own on another thread; null before any. */
    CompletableFuture<TrainingRun> weights() {
        return weights.get();
    }

    /** The loaded book as the model reads it, split into training and validation parts; null before one. */
    ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }


    /** The live model's reading: its iteration, whether one is being read, auto-refresh and its interval. */
    public LiveReading live() {
        return live;
    }

    Discovering discovering() {
        return discovering;
    }

    SnapshotReadings readings() {
        return looking.readings();
    }

    public ReadOnlyObjectProperty<Probed> probedProperty() {
        return probed.getReadOnlyProperty();
    }


    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public ObjectProperty<Signal> quantityProperty() {
        return quantity;
    }

    public IntegerProperty unitProperty() {
        return unit;
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    public ObjectProperty<TextFeature> featureProperty() {
        return feature;
    }

    public StringProperty typedPassageProperty() {
        return typedPassage;
    }


}
