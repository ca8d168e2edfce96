package org.charscope.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.charscope.io.Failures;
import org.charscope.model.Cell;
import org.charscope.model.LstmConfig;
import org.charscope.train.Comparison;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.ui.chart.Series;

/**
 * The comparison the Compare tab shows (issue 8): cells trained one after another on the loaded
 * text from the current settings, for one budget each, on a thread of their own. Everything here
 * is used on the FX Application Thread; the worker hands over immutable points and results
 * through {@code fx} (Platform::runLater in the app).
 */
public final class CompareModel {

    /** What the x axis of the curves counts. */
    public enum Axis { MINUTES, ITERATIONS }

    /** The same for every model: training minutes (the fair budget) or iterations (repeatable). */
    public record Budget(double minutes, long iterations) {
        public static Budget minutes(double minutes) {
            return new Budget(minutes, 0);
        }

        public static Budget iterations(long iterations) {
            return new Budget(0, iterations);
        }
    }

    /**
     * The loaded text as each token level reads it: characters, ready, and words, built on the
     * comparison's own thread when asked for (tokenising a large book takes a while).
     *
     * @param words null when no text is loaded
     */
    public record Texts(TrainingData characters, Callable<TrainingData> words) {
    }

    /**
     * How a model of the comparison trains: statefully ({@code window} 0) or on windows of
     * {@code window} symbols, read by a bidirectional first layer when {@code bidirectional}.
     */
    public record Mode(int window, boolean bidirectional) {
        public static Mode stateful() {
            return new Mode(0, false);
        }

        public static Mode windows(int window) {
            return new Mode(window, false);
        }

        public static Mode bothWays(int window) {
            return new Mode(window, true);
        }
    }

    /**
     * Which model a row of the comparison is.
     *
     * @param name       "lstm 2×128", as the table and the legend show it
     * @param parameters weights it trains
     * @param words      whether it reads words rather than characters
     */
    public record Contender(String name, Cell cell, long parameters, Mode mode, boolean words) {

        /** "lstm", "gru-window", "lstm-words-window", "lstm-biwindow": unique within a comparison, for ids. */
        public String key() {
            return cell.id() + (words ? "-words" : "") + (mode.bidirectional() ? "-biwindow" : mode.window() > 0 ? "-window" : "");
        }
    }

    /** One model of the comparison: its curve as it grows, and its result once done (else null). */
    public static final class Entry {
        private final Contender contender;
        private final List<Comparison.Point> points = new ArrayList<>();
        private final Series series = new Series();
        private Comparison.Result result;

        Entry(Contender contender) {
            this.contender = contender;
        }

        public Contender contender() {
            return contender;
        }

        /** bits/char against the chosen axis. */
        public Series series() {
            return series;
        }

        public List<Comparison.Point> points() {
            return List.copyOf(points);
        }

        /** Null while it trains. */
        public Comparison.Result result() {
            return result;
        }
    }

    private final Executor fx;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Axis> axis = new SimpleObjectProperty<>(Axis.MINUTES);
    private final List<Runnable> changeListeners = new ArrayList<>();
    private volatile Comparison current;
    private volatile boolean cancelled;

    public CompareModel(Executor fx) {
        this.fx = fx;
        axis.addListener((obs, old, now) -> {
            for (Entry e : entries) {
                rebuild(e);
            }
            changed();
        });
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Axis> axisProperty() {
        return axis;
    }

    /** Called after every new point or result (the chart redraws, the table refreshes). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Starts training {@code cells} one after another from {@code settings}' model.
     *
     * @param equalParameters widen the GRU and RNN to about the LSTM's parameter count
     */
    public void start(TrainingData data, RunSettings settings, List<Cell> cells, Budget budget, boolean equalParameters) {
        start(data, settings, cells, List.of(0), budget, equalParameters);
    }

    /**
     * @param windows  per mode, 0 for stateful training or the window length for windowed training;
     *                 every cell runs in every mode
     */
    public void start(TrainingData data, RunSettings settings, List<Cell> cells, List<Integer> windows, Budget budget,
                      boolean equalParameters) {
        start(new Texts(data, null), settings, cells, modesOf(windows), List.of(false), budget, equalParameters);
    }

    /** One-way modes for window lengths (0: stateful). */
    private static List<Mode> modesOf(List<Integer> windows) {
        return windows.stream().map(w -> w > 0 ? Mode.windows(w) : Mode.stateful()).toList();
    }

    /**
     * @param words  per token level, whether it reads words; every cell runs in every mode at every level,
     *               the models planned (and the words read) on the comparison's thread
     */
    public void start(Texts texts, RunSettings settings, List<Cell> cells, List<Mode> windows, List<Boolean> words,
                      Budget budget, boolean equalParameters) {
        if (running.get()) {
            throw new IllegalStateException("a comparison is already running");
        }
        if (cells.isEmpty() || windows.isEmpty() || words.isEmpty()) {
            status.set("choose at least one cell, one mode and one token level");
            return;
        }
        if (words.contains(true) && texts.words() == null) {
            status.set("load a text to compare words");
            return;
        }
        TrainingConfig config = settings.training().withIntervals(10, Math.max(1, settings.evaluateEvery()))
                .withLimits(budget.iterations(), (long) (budget.minutes() * 60_000));
        entries.clear();
        cancelled = false;
        running.set(true);
        changed();
        List<Cell> chosenCells = List.copyOf(cells);
        List<Mode> chosenWindows = List.copyOf(windows);
        List<Boolean> levels = List.copyOf(words);
        Thread worker = new Thread(() -> {
            List<Planned> plan;
            try {
                plan = plan(texts, settings, chosenCells, chosenWindows, levels, config, equalParameters);
            } catch (Exception e) {
                String said = "cannot compare: " + Failures.oneLine(e);
                fx.execute(() -> {
                    status.set(said);
                    running.set(false);
                });
                return;
            }
            List<Entry> planned = plan.stream().map(Planned::entry).toList();
            fx.execute(() -> {
                entries.setAll(planned);
                changed();
            });
            work(plan, settings);
        }, "charscope-compare");
        worker.setDaemon(true);
        worker.start();
    }

    /** One model to train: what the tab shows of it, and what trains it. */
    private record Planned(Entry entry, LstmConfig model, TrainingConfig config, TrainingData data) {
    }

    private List<Planned> plan(Texts texts, RunSettings settings, List<Cell> cells, List<Mode> windows,
                               List<Boolean> levels, TrainingConfig config, boolean equalParameters) throws Exception {
        List<Planned> plan = new ArrayList<>();
        for (boolean words : levels) {
            if (words) {
                fx.execute(() -> status.set("reading the text as words…"));
            }
            TrainingData data = words ? texts.words().call() : texts.characters();
            LstmConfig reference = settings.withCell(Cell.LSTM).model(data.vocabulary().size());
            reference = words ? reference.forWords() : reference;
            for (Cell cell : cells) {
                LstmConfig model = Comparison.contender(reference, cell, equalParameters);
                for (Mode mode : windows) {
                    int window = mode.window();
                    TrainingConfig runConfig = window > 0 ? config.withBatch(window, config.batchSize()).withWindows(true) : config;
                    // refused here with the reason (one layer, or words) before anything trains
                    LstmConfig runModel = mode.bidirectional() ? model.withBidirectional(true) : model;
                    Entry entry = new Entry(new Contender(Comparison.name(runModel, window, words), cell, runModel.parameterCount(), mode, words));
                    plan.add(new Planned(entry, runModel, runConfig, data));
                }
            }
        }
        return plan;
    }

    /** Stops the model that trains and skips the rest; what is done stays shown. */
    public void cancel() {
        cancelled = true;
        Comparison c = current;
        if (c != null) {
            c.cancel();
        }
    }

    private void work(List<Planned> planned, RunSettings settings) {
        String outcome = "compared " + planned.size() + (planned.size() == 1 ? " model" : " models");
        try {
            for (int k = 0; k < planned.size() && !cancelled; k++) {
                Entry entry = planned.get(k).entry();
                int number = k + 1;
                fx.execute(() -> status.set(String.format(Locale.ROOT, "training %s (%d of %d)…", entry.contender().name(), number,
                        planned.size())));
                Comparison comparison = new Comparison();
                current = comparison;
                if (cancelled) {
                    break;
                }
                Planned p = planned.get(k);
                Comparison.Result result = comparison.run(entry.contender().name(), p.model(), p.config().withSeed(settings.seed()),
                        p.data(), settings.sampling(0).withLength(entry.contender().words() ? 60 : 200),
                        point -> fx.execute(() -> add(entry, point)));
                if (result != null) {
                    fx.execute(() -> {
                        entry.result = result;
                        changed();
                    });
                }
            }
            if (cancelled) {
                outcome = "comparison cancelled";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "comparison interrupted";
        } catch (RuntimeException e) {
            outcome = "comparison failed: " + Failures.oneLine(e);
        }
        String said = outcome;
        fx.execute(() -> {
            current = null;
            status.set(said);
            running.set(false);
        });
    }

    private void add(Entry entry, Comparison.Point point) {
        entry.points.add(point);
        entry.series.add(axis.get() == Axis.MINUTES ? point.minutes() : point.iteration(), point.bitsPerChar());
        changed();
    }

    private void rebuild(Entry entry) {
        entry.series.clear();
        for (Comparison.Point p : entry.points) {
            entry.series.add(axis.get() == Axis.MINUTES ? p.minutes() : p.iteration(), p.bitsPerChar());
        }
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            r.run();
        }
    }
}
