package org.charscope.ui.explorer;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.charscope.explore.ColorScale;
import org.charscope.explore.HeatmapHtml;
import org.charscope.explore.NeuronRanking;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;
import org.charscope.text.Corpus;
import org.charscope.train.Trainer;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.training.TrainingController;

/**
 * The neuron explorer's state: which passage, the model's reading of it, and which neuron is
 * shown. The passage is read on the training thread between two steps ({@link Probe}) and
 * worked over on a background thread; the views only ever read the finished {@link Probed}.
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

    private final TrainingController training;
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Probed> probed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Train the model, then look inside it here.");
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final ObjectProperty<Signal> quantity = new SimpleObjectProperty<>(Signal.TANH_CELL);
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(Order.VARIANCE);
    private final ObjectProperty<TextFeature> feature = new SimpleObjectProperty<>(TextFeature.INSIDE_QUOTES);
    private final StringProperty typedPassage = new SimpleStringProperty("");
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(true);
    private final IntegerProperty refreshEvery = new SimpleIntegerProperty(500);
    private final Executor background = DaemonThreads.single("charscope-explorer");
    private long lastAutoBucket = -1;

    public ExplorerModel(TrainingController training) {
        this.training = training;
        corpus.bind(training.corpusProperty());
        corpus.addListener((obs, old, now) -> {
            probed.set(null);
            lastAutoBucket = -1;
        });
    }

    /** Called as iterations go by: re-reads the passage every {@link #refreshEveryProperty()} iterations. */
    public void iterationReached(long iteration) {
        if (!autoRefresh.get() || computing.get() || iteration <= 0) {
            return;
        }
        long bucket = iteration / Math.max(1, refreshEvery.get());
        if (bucket != lastAutoBucket) {
            lastAutoBucket = bucket;
            refresh();
        }
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

    /** Reads the passage with the current weights, in the background. */
    public void refresh() {
        Trainer trainer = training.trainer();
        if (trainer == null) {
            status.set("Train the model first (or Step once): there is nothing to look inside yet.");
            return;
        }
        if (computing.get()) {
            return;
        }
        String passage = passage();
        computing.set(true);
        status.set("reading the passage…");
        long iteration = trainer.iteration();
        CompletableFuture<Probe.Result> read = trainer.submit((model, vocabulary) -> Probe.run(model, Probe.characters(vocabulary), passage));
        read.thenApplyAsync(result -> Probed.of(result, iteration), background)
                .whenComplete((done, failure) -> Platform.runLater(() -> {
                    computing.set(false);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        status.set("could not read the passage: " + cause.getMessage());
                        return;
                    }
                    show(done);
                }));
    }

    /** Shows a reading (tests give one directly). FX thread. */
    void show(Probed done) {
        if (layer.get() >= done.layers()) {
            layer.set(0);
        }
        if (unit.get() >= done.units()) {
            unit.set(0);
        }
        if (!done.quantities().contains(quantity.get())) {   // another cell: the hidden state, which every cell has
            quantity.set(Signal.HIDDEN);
        }
        boolean first = probed.get() == null;
        probed.set(done);
        if (first) { // start on the most active neuron rather than on unit 0
            int[] ordered = orderedUnits();
            if (ordered.length > 0) {
                unit.set(ordered[0]);
            }
        }
        status.set(String.format(Locale.ROOT, "%,d characters read at iteration %,d · %.3f bits/char",
                done.steps(), done.iteration(), done.predictions().meanSurprisalBits()));
    }

    /**
     * The shown neuron over the passage as a self-contained HTML page, or null before a reading.
     * Takes the selection now (FX thread); the returned supplier renders on any thread.
     */
    public Supplier<String> heatmapPage() {
        Probed now = probed.get();
        if (now == null) {
            return null;
        }
        int l = layer.get();
        Signal q = quantity.get();
        int u = unit.get();
        return () -> {
            var values = now.matrix(l, q);
            String title = String.format(Locale.ROOT, "layer %d · %s %d · iteration %,d", l + 1,
                    q.displayName(), u, now.iteration());
            return HeatmapHtml.render(title, now.codePoints(), values.series(u),
                    ColorScale.forUnit(q, values, u), now.predictions(), now.vocabularyCodePoints());
        };
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
        return switch (order.get()) {
            case VARIANCE -> NeuronRanking.byVariance(values);
            case SATURATION -> NeuronRanking.bySaturation(values, quantity.get());
            case DETECTOR -> NeuronRanking.byCorrelation(now.correlations(), layer.get(), quantity.get(), feature.get());
        };
    }

    public ReadOnlyObjectProperty<Probed> probedProperty() {
        return probed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
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

    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    public IntegerProperty refreshEveryProperty() {
        return refreshEvery;
    }
}
