package org.charscope.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import org.charscope.explore.Shade;

/**
 * The window's look: AtlantaFX's Primer Light or Primer Dark (JavaFX 21 cannot read the system's
 * setting, so light until a person picks dark in View ▸ Theme or on the command line).
 */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheetBSS(), Shade.LIGHT),
    DARK(new PrimerDark().getUserAgentStylesheetBSS(), Shade.DARK);

    /** The system property that opens the window in a theme without remembering it. */
    public static final String PROPERTY = "charscope.theme";

    private final String stylesheet;
    private final Shade shade;

    Theme(String stylesheet, Shade shade) {
        this.stylesheet = stylesheet;
        this.shade = shade;
    }

    /** "light" or "dark", as on the command line and in the settings file. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The style class the window's root carries: {@code theme-light} or {@code theme-dark}. */
    public String styleClass() {
        return "theme-" + word();
    }

    /** Whether colour scales are drawn for a light or a dark page in this theme. */
    public Shade shade() {
        return shade;
    }

    /** The theme named {@code word} ("light" or "dark", any case), or empty. */
    public static Optional<Theme> parse(String word) {
        for (Theme theme : values()) {
            if (theme.word().equals(word == null ? null : word.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }

    /** The theme {@value #PROPERTY} asks for (set by {@code --theme} too), or empty when unset or unknown. */
    public static Optional<Theme> fromProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * Makes this the look of every window (the user-agent stylesheet is the application's) and
     * marks {@code root} with its style class, in place of the other theme's. FX thread.
     */
    public void applyTo(Parent root) {
        install();
        for (Theme other : values()) {
            root.getStyleClass().remove(other.styleClass());
        }
        root.getStyleClass().add(styleClass());
    }

    /**
     * Makes this the application's user-agent stylesheet, unless it is already. Done before the
     * first control is made, it spares the start JavaFX's own Modena, which the first control
     * loads when no stylesheet is set (about 60 ms of the first frame).
     */
    public void install() {
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    /** Installs the light theme when no theme is installed yet, so a pane shown on its own looks as in the window. */
    static void installDefault() {
        if (Application.getUserAgentStylesheet() == null) {
            Application.setUserAgentStylesheet(LIGHT.stylesheet);
        }
    }

    @Override
    public String toString() {
        return name().charAt(0) + word().substring(1);
    }
}
