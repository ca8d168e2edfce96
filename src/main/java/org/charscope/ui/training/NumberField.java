package org.charscope.ui.training;

import java.util.Locale;
import java.util.function.DoublePredicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A text field for one number with its name and its rule: what is typed is checked at every
 * keystroke, and a refusal is written beside the field ("must be 1 to 4") instead of being taken;
 * the form's ValidationSupport marks the field itself.
 */
final class NumberField {

    private final TextField field = new TextField();
    private final Label message = new Label();
    private final Label name = new Label();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final boolean integer;
    private final DoublePredicate rule;
    private final String ruleText;
    private double value;

    /**
     * @param name     what the form calls it, e.g. "Hidden units"
     * @param ruleText how to say the rule, e.g. "1 to 4"
     */
    NumberField(String id, String name, boolean integer, DoublePredicate rule, String ruleText, Runnable onValidChange) {
        this.name.setText(name);
        this.name.getStyleClass().add("fact-name"); // as the form's other names
        this.integer = integer;
        this.rule = rule;
        this.ruleText = ruleText;
        field.setId("setting-" + id);
        field.setPrefColumnCount(7);
        message.setId("setting-" + id + "-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        field.textProperty().addListener((obs, old, text) -> {
            if (check(text)) {
                onValidChange.run();
            }
        });
    }

    private boolean check(String text) {
        String problem = problemOf(text);
        message.setText(problem == null ? "" : problem);
        message.setManaged(problem != null); // no empty row under every field
        message.setVisible(problem != null);
        valid.set(problem == null);
        return problem == null;
    }

    /** What is wrong with {@code text} as this setting, or null when it is a value to take (then kept). */
    private String problemOf(String text) {
        String problem = null;
        String trimmed = text.strip().replace(",", "");
        if (trimmed.isEmpty()) {
            problem = "enter a number, " + ruleText;
        } else {
            try {
                double parsed = integer ? Long.parseLong(trimmed) : Double.parseDouble(trimmed);
                if (!Double.isFinite(parsed) || !rule.test(parsed)) {
                    problem = "must be " + ruleText;
                } else {
                    value = parsed;
                }
            } catch (NumberFormatException e) {
                // digits too many for a long are a number out of range, not "not a number"
                problem = integer && trimmed.matches("[-+]?[0-9]+") ? "must be " + ruleText
                        : (integer ? "not a whole number" : "not a number") + "; " + ruleText;
            }
        }
        return problem;
    }

    void set(double newValue) {
        field.setText(integer ? String.valueOf((long) newValue) : trimmed(newValue));
    }

    private static String trimmed(double v) {
        String text = String.format(Locale.ROOT, "%.6g", v);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    double value() {
        return value;
    }

    int intValue() {
        return (int) value;
    }

    long longValue() {
        return (long) value;
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * Puts its name and field on {@code row} of the form and its refusal on the row below, and
     * gives the field's rule to the form's {@code validation}; returns the next free row.
     */
    int placeIn(GridPane form, int row, ValidationSupport validation) {
        validation.registerValidator(field, false, (Control control, String text) -> {
            String problem = problemOf(text);
            return problem == null ? new ValidationResult() : ValidationResult.fromError(control, problem);
        });
        form.addRow(row, name, field);
        form.add(message, 1, row + 1);
        return row + 2;
    }
}
