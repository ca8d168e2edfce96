package org.charscope.history;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;
import org.charscope.train.Checkpoint;

/**
 * The detectors of one snapshot: every neuron's correlation with every text feature over a fixed
 * passage, all of them rather than the best few, so that a unit's own history (its r for a feature
 * across snapshots) can be drawn as well as each feature's best. Kept in the snapshot's zip as
 * <pre>
 *   attached/detectors.json    {"passage", "characters", "layers", "units", "quantities": ["input_gate", …],
 *                               "features": ["inside_quotes", …]}
 *   attached/correlations.f32  [layer][quantity][feature][unit] r, float32 little-endian, in the
 *                              orders the json lists
 * </pre>
 * Names are read back by name: a quantity or feature this version does not know is skipped, one it
 * knows that the file lacks reads as r = 0 (never listed as a finding).
 *
 * @param passage       the text read (the first characters of the validation text)
 * @param correlations  r of every layer, quantity, unit and feature over it
 */
public record SnapshotDetectors(String passage, FeatureCorrelations correlations) {

    static final String SHAPE_ENTRY = Checkpoint.ATTACHED + "detectors.json";
    static final String VALUES_ENTRY = Checkpoint.ATTACHED + "correlations.f32";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** detectors.json as Gson maps it. */
    private record Shape(String passage, Integer characters, Integer layers, Integer units, List<String> quantities,
                         List<String> features) {
    }

    /** The two entries of the zip. */
    Map<String, byte[]> toEntries() {
        List<Signal> quantities = new ArrayList<>();
        for (Signal quantity : Signal.values()) {
            if (correlations.has(0, quantity)) {
                quantities.add(quantity);
            }
        }
        int layers = correlations.layerCount();
        int units = quantities.isEmpty() ? 0 : correlations.correlations(0, quantities.get(0), TextFeature.values()[0]).length;
        TextFeature[] features = TextFeature.values();
        ByteBuffer values = ByteBuffer.allocate(layers * quantities.size() * features.length * units * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = values.asFloatBuffer();
        for (int layer = 0; layer < layers; layer++) {
            for (Signal quantity : quantities) {
                for (TextFeature feature : features) {
                    floats.put(correlations.correlations(layer, quantity, feature));
                }
            }
        }
        Shape shape = new Shape(passage, passage.codePointCount(0, passage.length()), layers, units,
                quantities.stream().map(q -> q.name().toLowerCase(Locale.ROOT)).toList(),
                List.of(features).stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        return Map.of(SHAPE_ENTRY, GSON.toJson(shape).getBytes(StandardCharsets.UTF_8), VALUES_ENTRY, values.array());
    }

    /**
     * The detectors kept in a snapshot's entries; null when it has none (a word model's, or one
     * taken without a passage).
     *
     * @throws IllegalArgumentException if the entries are there but do not agree with each other
     */
    static SnapshotDetectors fromEntries(Map<String, byte[]> entries) {
        byte[] shapeBytes = entries.get(SHAPE_ENTRY);
        byte[] valueBytes = entries.get(VALUES_ENTRY);
        if (shapeBytes == null && valueBytes == null) {
            return null;
        }
        if (shapeBytes == null || valueBytes == null) {
            throw new IllegalArgumentException("the detectors are half there: " + SHAPE_ENTRY + " and " + VALUES_ENTRY + " go together");
        }
        Shape shape;
        try {
            shape = GSON.fromJson(new String(shapeBytes, StandardCharsets.UTF_8), Shape.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(SHAPE_ENTRY + " is not readable: " + e.getMessage(), e);
        }
        if (shape == null || shape.passage() == null || shape.layers() == null || shape.units() == null
                || shape.quantities() == null || shape.features() == null
                || shape.layers() < 0 || shape.units() < 0 || shape.layers() > 64 || shape.units() > 1 << 16) {
            throw new IllegalArgumentException(SHAPE_ENTRY + " lacks a field or holds an impossible size");
        }
        int layers = shape.layers();
        int units = shape.units();
        long expected = (long) layers * shape.quantities().size() * shape.features().size() * units * Float.BYTES;
        if (valueBytes.length != expected) {
            throw new IllegalArgumentException(VALUES_ENTRY + " holds " + valueBytes.length + " bytes, its shape says " + expected);
        }
        FloatBuffer floats = ByteBuffer.wrap(valueBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][][][] r = new float[layers][Signal.values().length][][]; // [layer][quantity][feature][unit]
        for (int layer = 0; layer < layers; layer++) {
            for (String quantityName : shape.quantities()) {
                Signal quantity = known(Signal.class, quantityName);
                float[][] byFeature = quantity == null ? null : new float[TextFeature.values().length][units];
                if (quantity != null) {
                    r[layer][quantity.ordinal()] = byFeature;
                }
                for (String featureName : shape.features()) {
                    TextFeature feature = known(TextFeature.class, featureName);
                    float[] into = byFeature == null || feature == null ? new float[units] : byFeature[feature.ordinal()];
                    floats.get(into);
                }
            }
        }
        return new SnapshotDetectors(shape.passage(), FeatureCorrelations.of(r));
    }

    /** The constant a lower-case name stands for; null for a name of another version. */
    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }
}
