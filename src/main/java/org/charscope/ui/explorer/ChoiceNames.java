package org.charscope.ui.explorer;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box names its items. One way only: the items are picked from the list, never
 * typed, so there is nothing to read back.
 */
final class ChoiceNames<T> extends StringConverter<T> {

    private final Function<T, String> name;

    ChoiceNames(Function<T, String> name) {
        this.name = name;
    }

    @Override
    public String toString(T item) {
        return item == null ? "" : name.apply(item);
    }

    @Override
    public T fromString(String text) {
        return null;
    }
}
