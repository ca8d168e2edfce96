package org.charscope.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.util.Duration;
import org.charscope.model.Preset;
import org.charscope.ui.MainWindow;
import org.charscope.ui.book.BookModel;

/**
 * The explorer's frame benchmark ({@code .ci/bench-scrub}, issue 5, started by
 * {@link BenchmarkMain}): with {@code -Dcharscope.bench.scrub=SECONDS} the window trains the preset
 * {@code -Dcharscope.bench.preset} (default large) until its first step, reads a passage of
 * {@code -Dcharscope.bench.passage} characters (default 5,000) of the opened text, shows the
 * Neurons tab, and then changes what the explorer shows on every frame, for SECONDS each:
 * <ol>
 *   <li>scrolling the heatmap one line (through its scroll bar, as the wheel and the arrow keys do),</li>
 *   <li>switching to the next neuron,</li>
 * </ol>
 * first with training paused, then with training running again. One line of JSON.
 *
 * <p>Two figures per phase. <em>Work</em>: the FX thread's time in each pulse, from the pulse's
 * start (the timestamp every {@link AnimationTimer} is given) to the end of its layout pass; it
 * includes redrawing the heatmap and the neuron grid for the previous frame's change. <em>Frame</em>:
 * the interval between pulses, which also catches the render thread falling behind. A change is
 * shown within a frame when both stay under 16.7 ms.
 */
final class ScrubBenchmark {

    private static final double FRAME_MS = 1000.0 / 60;

    private ScrubBenchmark() {
    }

    static boolean requested() {
        return System.getProperty("charscope.bench.scrub") != null;
    }

    /** One phase's per-frame figures, in nanoseconds. */
    private static final class Phase {
        final String name;
        final boolean training;
        final List<Long> work = new ArrayList<>();
        final List<Long> frames = new ArrayList<>();

        Phase(String name, boolean training) {
            this.name = name;
            this.training = training;
        }

        String json() {
            long[] w = sorted(work);
            long[] f = sorted(frames);
            return String.format(Locale.ROOT, "{\"change\":\"%s\",\"training\":%b,\"frames\":%d,\"medianWorkMs\":%.2f,"
                            + "\"p99WorkMs\":%.2f,\"maxWorkMs\":%.2f,\"medianFrameMs\":%.2f,\"p99FrameMs\":%.2f,"
                            + "\"maxFrameMs\":%.2f,\"workOverFrame\":%d}",
                    name, training, f.length, quantile(w, 0.5), quantile(w, 0.99), quantile(w, 1),
                    quantile(f, 0.5), quantile(f, 0.99), quantile(f, 1),
                    Arrays.stream(w).filter(n -> n / 1e6 > FRAME_MS).count());
        }

        private static long[] sorted(List<Long> values) {
            long[] a = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a;
        }

        private static double quantile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[index] / 1e6;
        }
    }

    static void run(MainWindow window, BookModel book, Scene scene) {
        double seconds = Double.parseDouble(System.getProperty("charscope.bench.scrub"));
        Preset preset = Preset.valueOf(System.getProperty("charscope.bench.preset", "large").toUpperCase(Locale.ROOT));
        int passageLength = Integer.getInteger("charscope.bench.passage", 5_000);
        book.corpusProperty().addListener((obs, old, text) -> {
            if (text == null) {
                return;
            }
            int[] symbols = text.train();
            String passage = text.vocabulary().decode(Arrays.copyOf(symbols, Math.min(symbols.length, passageLength)));
            window.training().apply(WindowBenchmark.settingsFor(preset));
            var explorer = window.explorer();
            explorer.live().autoRefreshProperty().set(false);
            // the Neurons tab first: its content joins the scene when the tab is opened (LazyTabs)
            ((TabPane) scene.lookup("#main-tabs")).getSelectionModel().select(1);
            scene.getRoot().applyCss();   // skins now, not at the next pulse: the lookup below needs them
            ((TextArea) scene.lookup("#explorer-passage")).setText(passage); // as if pasted
            long[] readStart = new long[1];
            window.dashboard().iterationProperty().addListener((o, was, now) -> {
                if (now.longValue() >= 1 && readStart[0] == 0) {
                    window.training().pause();
                    readStart[0] = System.nanoTime();
                    explorer.refresh();
                }
            });
            explorer.probedProperty().addListener((o, was, probed) -> {
                if (probed == null || was != null) {
                    return;
                }
                double readMs = (System.nanoTime() - readStart[0]) / 1e6;
                PauseTransition settle = new PauseTransition(Duration.seconds(2));
                settle.setOnFinished(e -> measure(window, scene, seconds, preset, probed.steps(), readMs));
                settle.play();
            });
            window.training().start();
        });
    }

    private static void measure(MainWindow window, Scene scene, double seconds, Preset preset, int steps, double readMs) {
        ScrollBar scroll = (ScrollBar) scene.lookup("#heatmap-scroll");
        var explorer = window.explorer();
        int units = explorer.probedProperty().get().units();
        List<Phase> phases = List.of(new Phase("scroll", false), new Phase("neuron", false),
                new Phase("scroll", true), new Phase("neuron", true));
        long phaseNanos = (long) (seconds * 1e9);
        long[] pulseStart = {-1};
        long[] phaseStart = {-1};
        int[] at = {0};
        Runnable afterLayout = () -> {
            if (pulseStart[0] >= 0 && at[0] < phases.size()) {
                phases.get(at[0]).work.add(System.nanoTime() - pulseStart[0]);
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        AnimationTimer driver = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (phaseStart[0] < 0) {
                    phaseStart[0] = now;
                } else if (now - phaseStart[0] > phaseNanos) {
                    at[0]++;
                    phaseStart[0] = now;
                    last = -1;
                    pulseStart[0] = -1;
                    if (at[0] == phases.size()) {
                        stop();
                        scene.removePostLayoutPulseListener(afterLayout);
                        finish(window, phases, preset, steps, readMs);
                        return;
                    }
                    if (phases.get(at[0]).training) {
                        window.training().resume();
                    }
                }
                Phase phase = phases.get(at[0]);
                if (last >= 0) {
                    phase.frames.add(now - last);
                }
                last = now;
                pulseStart[0] = now;
                if (phase.name.equals("scroll")) {
                    scroll.setValue(scroll.getValue() + 1 > scroll.getMax() ? 0 : scroll.getValue() + 1);
                } else {
                    explorer.unitProperty().set((explorer.unitProperty().get() + 1) % units);
                }
            }
        };
        driver.start();
    }

    private static void finish(MainWindow window, List<Phase> phases, Preset preset, int steps, double readMs) {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"preset\":\"%s\",\"passage\":%d,\"readMs\":%.0f,\"phases\":[",
                preset.name().toLowerCase(Locale.ROOT), steps, readMs));
        for (int i = 0; i < phases.size(); i++) {
            json.append(i == 0 ? "" : ",").append(phases.get(i).json());
        }
        System.out.println(json.append("]}"));
        window.training().stop();
        Platform.exit();
    }
}
