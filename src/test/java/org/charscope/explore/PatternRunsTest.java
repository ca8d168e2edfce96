package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

/**
 * The streaming match on hand-written values: runs where every unit is on, the units off around
 * each, the ranking, and runs that straddle the batches the reading hands over.
 */
class PatternRunsTest {

    /** Two hidden units of layer 1: unit 0 on above 0.5, unit 1 on below −0.5. */
    private static OnOffPattern pattern(int spanLength, int offBefore, int offAfter) {
        return new OnOffPattern(List.of(
                new PatternUnit(new Neuron(0, Signal.HIDDEN, 0), Direction.ABOVE, 0.5f, 1),
                new PatternUnit(new Neuron(0, Signal.HIDDEN, 1), Direction.BELOW, -0.5f, 1)), spanLength, offBefore, offAfter);
    }

    /**
     * Hands {@code on} to the sink as hidden states from {@code from} on, 'a' for both units on,
     * 'x' for unit 0 alone, 'y' for unit 1 alone, '.' for none; a batch ends at each '|'.
     */
    private static PatternMatches read(OnOffPattern pattern, int from, String on, int count) {
        PatternRuns runs = new PatternRuns(pattern, from, count);
        int position = from;
        for (char c : on.toCharArray()) {
            if (c == '|') {
                runs.readUpTo(position);
                continue;
            }
            float[] hidden = {c == 'a' || c == 'x' ? 0.9f : 0.1f, c == 'a' || c == 'y' ? -0.9f : 0.1f, 7f};
            runs.signal(position, Signal.CELL, 0, new float[] {5, 5, 5}, 0);   // another signal: ignored
            runs.signal(position, Signal.HIDDEN, 1, new float[] {0.9f, -0.9f, 0}, 0);   // another layer: ignored
            runs.signal(position, Signal.HIDDEN, 0, hidden, 0);
            position++;
        }
        runs.readUpTo(position);
        return runs.finish();
    }

    @Test
    void runsWhereEveryUnitIsOnAreFoundAndRankedByTheUnitsOffAroundThem() {
        PatternMatches found = read(pattern(3, 1, 1), 100, ".aaa.xaa.aay.aaaaa", 10);
        assertEquals(4, found.runs());
        assertEquals(2, found.whole(), "[1, 4) and [13, 18) have both units off on each side");
        assertEquals(18, found.characters());
        assertEquals(List.of(
                new PatternMatch(1, 4, 2, 2),     // whole, the span's length
                new PatternMatch(13, 18, 2, 2),   // whole, two longer; its end is the stretch's: not checked
                new PatternMatch(6, 8, 1, 2),     // unit 0 was on before it
                new PatternMatch(9, 11, 1, 2)),   // unit 1 is still on after it; as long, later
                found.best());
    }

    @Test
    void theBestAreKeptWhenThereAreMore() {
        PatternMatches found = read(pattern(1, 1, 1), 0, "a.aa.a.aaa.a", 2);
        assertEquals(5, found.runs());
        assertEquals(List.of(new PatternMatch(0, 1, 2, 2), new PatternMatch(5, 6, 2, 2)), found.best());
    }

    @Test
    void runsAcrossBatchesAndWiderContextsAreTheSameAsInOneBatch() {
        String steps = "..aaaa..aa.x.aaaaaaa..y.aa...aaa..";
        PatternMatches whole = read(pattern(4, 2, 2), 0, steps, 20);
        // cut into batches everywhere, also inside runs and inside their context
        for (int cut = 1; cut < steps.length(); cut += 3) {
            StringBuilder cuts = new StringBuilder(steps);
            for (int at = steps.length() - cut; at > 0; at -= 5) {
                cuts.insert(at, '|');
            }
            assertEquals(whole, read(pattern(4, 2, 2), 0, cuts.toString(), 20), cuts.toString());
        }
        assertEquals(new PatternMatch(2, 6, 2, 2), whole.best().get(0));
        assertEquals(5, whole.runs());
        // 'x' is two steps after [8, 10) and two before [13, 20); 'y' two before [24, 26)
        assertEquals(List.of(2, 2, 1, 1, 1), whole.best().stream().map(PatternMatch::unitsFitting).toList());
        assertEquals(new PatternMatch(29, 32, 2, 2), whole.best().get(1));
    }

    @Test
    void asksForAtLeastOneMatch() {
        assertThrows(IllegalArgumentException.class, () -> new PatternRuns(pattern(1, 1, 1), 0, 0));
    }
}
