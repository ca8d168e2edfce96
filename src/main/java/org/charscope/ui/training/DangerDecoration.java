package org.charscope.ui.training;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * How ValidationSupport marks a refused field: AtlantaFX's {@code :danger} state, which the theme
 * draws as a red border in either theme. (ControlsFX's graphic decoration would wrap the scene's
 * root in a pane of its own; the message beside the field already says what is wrong.)
 */
final class DangerDecoration implements ValidationDecoration {

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        message.getTarget().pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // every setting has a value: nothing is marked as merely required
    }
}
