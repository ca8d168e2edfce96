package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each symbol of a passage sits on screen: lines broken after every line feed and wherever
 * a line would pass {@code columns}. The line feed keeps a cell of its own (shown as ↵), since
 * neurons fire on it too.
 */
final class TextLayout {

    /** A line: the steps [from, to) it shows. */
    record Line(int from, int to) {
    }

    private final List<Line> lines;
    private final int[] lineOfStep; // [steps]

    private TextLayout(List<Line> lines, int steps) {
        this.lines = lines;
        this.lineOfStep = new int[steps];
        for (int l = 0; l < lines.size(); l++) {
            for (int s = lines.get(l).from(); s < lines.get(l).to(); s++) {
                lineOfStep[s] = l;
            }
        }
    }

    static TextLayout of(int[] codePoints, int columns) {
        int width = Math.max(1, columns);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int s = 0; s < codePoints.length; s++) {
            boolean newline = codePoints[s] == '\n';
            if (newline || s + 1 - start >= width) {
                lines.add(new Line(start, s + 1));
                start = s + 1;
            }
        }
        if (start < codePoints.length) {
            lines.add(new Line(start, codePoints.length));
        }
        return new TextLayout(lines, codePoints.length);
    }

    List<Line> lines() {
        return lines;
    }

    int lineCount() {
        return lines.size();
    }

    int lineOf(int step) {
        return lineOfStep[step];
    }
}
