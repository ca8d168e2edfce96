package org.charscope.ui.training;

import java.util.Locale;
import java.util.Optional;
import javafx.util.StringConverter;
import org.charscope.model.Preset;

/** A preset as the panel names it ("small"); no preset is "custom": values edited by hand. */
final class PresetNames extends StringConverter<Optional<Preset>> {

    @Override
    public String toString(Optional<Preset> preset) {
        return preset == null || preset.isEmpty() ? "custom" : preset.get().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<Preset> fromString(String name) {
        for (Preset preset : Preset.values()) {
            if (toString(Optional.of(preset)).equals(name)) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }
}
