package org.charscope.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Units held at fixed values while a model reads (issue 22): clamping, or ablation when the value
 * is the unit's mean. At every step, the prime included, the held value replaces the computed one
 * before it feeds that step's output, the next step and the layer above:
 * <pre>
 *   cell   c_t[u] ← v,  then  tanh(c_t)[u] = tanh(v),  h_t[u] = o_t[u] · tanh(v)   (an LSTM's c)
 *   hidden h_t[u] ← v                                                              (every cell)
 * </pre>
 * A unit held in both is set by its cell first, then its hidden value wins. Immutable; set on a
 * model with {@link CharLstm#hold}.
 *
 * @param units the held units, no site twice
 */
public record HeldUnits(List<Held> units) implements StepHook {

    /**
     * One held unit.
     *
     * @param value finite; within [−1, 1] for a hidden state, which never leaves it
     */
    public record Held(UnitSite site, double value) {
        public Held {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(site.id() + ": the value must be a finite number, not " + value);
            }
            if (site.quantity() == Signal.HIDDEN && Math.abs(value) > 1) {
                throw new IllegalArgumentException(site.id() + ": a hidden state lies within [-1, 1], not " + value);
            }
        }
    }

    /** None: the model reads freely. */
    public static final HeldUnits NONE = new HeldUnits(List.of());

    public HeldUnits {
        units = List.copyOf(units);
        Set<UnitSite> seen = new HashSet<>();
        for (Held h : units) {
            if (!seen.add(h.site())) {
                throw new IllegalArgumentException(h.site().id() + " is held twice");
            }
        }
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    @Override
    public void afterStep(Workspace w, int layer, int t) {
        int hidden = Math.toIntExact(w.hStep[layer][t + 1].length() / w.batch);
        for (Signal pass : new Signal[] {Signal.CELL, Signal.HIDDEN}) {
            for (Held h : units) {
                UnitSite site = h.site();
                if (site.layer() != layer || site.quantity() != pass) {
                    continue;
                }
                for (int b = 0; b < w.batch; b++) {
                    long at = (long) b * hidden + site.unit();
                    if (pass == Signal.CELL) {
                        double squashed = Math.tanh(h.value());
                        double outputGate = read(w.gatesStep[layer][t], 3L * w.batch * hidden + at);   // gates i, f, g, o
                        write(w.cStep[layer][t + 1], at, h.value());
                        write(w.tanhCStep[layer][t], at, squashed);
                        write(w.hStep[layer][t + 1], at, outputGate * squashed);
                    } else {
                        write(w.hStep[layer][t + 1], at, h.value());
                    }
                }
            }
        }
    }

    static double read(Span span, long at) {
        return span.slice(at, 1).toDoubles()[0];
    }

    private static void write(Span span, long at, double value) {
        span.slice(at, 1).set(new double[] {value});
    }
}
