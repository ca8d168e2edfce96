package org.charscope.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charscope.model.Signal;

/**
 * Everything the engine recorded for one passage: per layer (0 = the one reading the symbols),
 * the quantities it chose to record. Every matrix has the same number of steps; units may differ
 * between layers.
 *
 * @param steps  symbols in the passage
 * @param layers per layer, its matrices by quantity; unmodifiable, iterated in {@link Signal} order
 */
public record PassageActivations(int steps, List<Map<Signal, NeuronMatrix>> layers) {

    public PassageActivations {
        List<Map<Signal, NeuronMatrix>> copies = new ArrayList<>(layers.size());
        for (int layer = 0; layer < layers.size(); layer++) {
            Map<Signal, NeuronMatrix> byQuantity = new EnumMap<>(Signal.class);
            byQuantity.putAll(layers.get(layer));
            int units = -1;
            for (Map.Entry<Signal, NeuronMatrix> entry : byQuantity.entrySet()) {
                NeuronMatrix matrix = entry.getValue();
                if (matrix.steps() != steps) {
                    throw new IllegalArgumentException("layer " + (layer + 1) + " " + entry.getKey().displayName()
                            + " has " + matrix.steps() + " steps, the passage " + steps);
                }
                if (units >= 0 && matrix.units() != units) {
                    throw new IllegalArgumentException("layer " + (layer + 1) + " mixes " + units + " and "
                            + matrix.units() + " units");
                }
                units = matrix.units();
            }
            copies.add(Collections.unmodifiableMap(byQuantity));
        }
        layers = List.copyOf(copies);
    }

    /** Takes the number of steps from the matrices; a passage with no matrices at all has 0 steps. */
    public static PassageActivations of(List<Map<Signal, NeuronMatrix>> layers) {
        int steps = layers.stream().flatMap(m -> m.values().stream()).mapToInt(NeuronMatrix::steps)
                .findFirst().orElse(0);
        return new PassageActivations(steps, layers);
    }

    public int layerCount() {
        return layers.size();
    }

    /** The quantities recorded for a layer, in {@link Signal} order. */
    public Set<Signal> quantities(int layer) {
        return layers.get(layer).keySet();
    }

    public boolean has(int layer, Signal quantity) {
        return layer >= 0 && layer < layers.size() && layers.get(layer).containsKey(quantity);
    }

    /** @throws IllegalArgumentException naming what was recorded, if this was not */
    public NeuronMatrix matrix(int layer, Signal quantity) {
        if (!has(layer, quantity)) {
            String recorded = layer >= 0 && layer < layers.size() ? quantities(layer).toString() : "nothing";
            throw new IllegalArgumentException("no " + quantity.displayName() + " for layer " + (layer + 1) + " of "
                    + layers.size() + " (recorded: " + recorded + ")");
        }
        return layers.get(layer).get(quantity);
    }

    /** Units in a layer; 0 if nothing was recorded for it. */
    public int units(int layer) {
        return layers.get(layer).values().stream().mapToInt(NeuronMatrix::units).findFirst().orElse(0);
    }

    /**
     * The same, with {@link Signal#TANH_CELL} added to every layer that has a cell state and
     * lacks it. Computed once here rather than on every look, since scrubbing must stay within a
     * frame.
     */
    public PassageActivations withTanhCell() {
        List<Map<Signal, NeuronMatrix>> extended = new ArrayList<>(layers.size());
        for (Map<Signal, NeuronMatrix> byQuantity : layers) {
            Map<Signal, NeuronMatrix> copy = new EnumMap<>(Signal.class);
            copy.putAll(byQuantity);
            if (copy.containsKey(Signal.CELL) && !copy.containsKey(Signal.TANH_CELL)) {
                copy.put(Signal.TANH_CELL, copy.get(Signal.CELL).tanh());
            }
            extended.add(copy);
        }
        return new PassageActivations(steps, extended);
    }
}
