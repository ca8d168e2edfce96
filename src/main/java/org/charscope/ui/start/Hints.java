package org.charscope.ui.start;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * Shows each {@link Hint} at most once a session, in a {@link NotificationPane} over the pane it
 * explains: never a modal tour. Closing it hides it for this session; "Don't show again" for good
 * (the window remembers {@link #dismissed()} with its layout).
 */
public final class Hints {

    private final Set<String> dismissed;
    private final Set<Hint> shown = EnumSet.noneOf(Hint.class);

    /** @param dismissed the ids the person asked never to see again */
    public Hints(Collection<String> dismissed) {
        this.dismissed = new LinkedHashSet<>(dismissed);
    }

    /** Shows {@code hint} on {@code pane}, unless it was shown this session or dismissed for good. */
    public void offer(Hint hint, NotificationPane pane) {
        if (dismissed.contains(hint.id()) || !shown.add(hint)) {
            return;
        }
        Action never = new Action("Don't show again", e -> {
            dismissed.add(hint.id());
            pane.hide();
        });
        pane.getActions().setAll(never);
        pane.show(hint.text());
    }

    /** The hints never to show again, in the order they were dismissed. */
    public List<String> dismissed() {
        return List.copyOf(dismissed);
    }
}
