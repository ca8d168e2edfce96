package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.PlantedQuoteUnit;
import org.charscope.model.Precision;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.junit.jupiter.api.Test;

/**
 * The match view's search on a model with a unit planted to be on inside quotes (from the opening
 * quote to the character before the closing one): brushing one quoted string makes a pattern of
 * that unit, and the search finds every other quoted string of the validation part, and only those.
 */
class PatternSearchTest {

    private final String text = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 40_000);
    private final Vocabulary vocabulary = Vocabulary.of(text);
    private final int[] ids = vocabulary.encode(text);
    private final int validationFrom = ids.length - (int) Math.round(ids.length * 0.1);
    private final CharLstm model = PlantedQuoteUnit.model(new LstmConfig(vocabulary.size(), 1, 16, 0, 0, Precision.FLOAT),
            11, vocabulary.id('"'), vocabulary.id('\n'));
    private final Neuron planted = new Neuron(0, Signal.TANH_CELL, PlantedQuoteUnit.UNIT);

    /**
     * Where the planted unit is on in the validation part, counted from its start: from each opening
     * quote up to, not with, its closing one (a string begun before the part, from the part's start).
     */
    private List<int[]> quotedStrings() {
        Matcher quoted = Pattern.compile("\"[^\"\\n]*\"").matcher(text);   // ASCII: chars are code points
        List<int[]> found = new ArrayList<>();
        while (quoted.find()) {
            if (quoted.end() - 1 > validationFrom) {
                found.add(new int[] {Math.max(0, quoted.start() - validationFrom), quoted.end() - 1 - validationFrom});
            }
        }
        return found;
    }

    /** The passage the explorer shows by default: the validation part's first 2,000 characters. */
    private Probe.Result passage() {
        return Probe.run(model, vocabulary, text.substring(validationFrom, validationFrom + 2_000));
    }

    @Test
    void brushingOneQuotedStringMakesAPatternOfThePlantedUnit() {
        int[] first = quotedStrings().get(1);   // the first that opens inside the passage
        OnOffPattern pattern = OnOffPattern.brushed(passage().activations(), Signal.TANH_CELL, first[0], first[1]);
        System.out.println("brushed " + text.substring(validationFrom + first[0], validationFrom + first[1] + 1) + ": "
                + pattern.units().stream().map(PatternUnit::describe).toList());
        PatternUnit best = pattern.units().get(0);
        assertEquals(planted, best.neuron(), "the widest gap is the planted unit's");
        assertEquals(Direction.ABOVE, best.direction());
        assertTrue(best.gap() > 1, "tanh(c) ≈ +0.76 inside, −0.76 outside: " + best.describe());
        assertTrue(pattern.size() <= OnOffPattern.MAX_UNITS);
    }

    @Test
    void theSearchFindsEveryQuotedStringOfTheValidationPartAndNothingElse() {
        int[] first = quotedStrings().get(1);
        PatternUnit unit = OnOffPattern.brushed(passage().activations(), Signal.TANH_CELL, first[0], first[1])
                .units().get(0);
        OnOffPattern alone = new OnOffPattern(List.of(unit), first[1] - first[0], 1, 1);
        List<int[]> strings = quotedStrings();
        long[] reported = new long[2];
        PatternMatches found = PatternSearch.find(model, ids, validationFrom, alone, 100_000,
                (done, total) -> {
                    reported[0] = done;
                    reported[1] = total;
                });

        System.out.printf("%d quoted strings, %d runs, %d whole; best %s%n", strings.size(), found.runs(), found.whole(),
                found.best().get(0));
        assertEquals(ids.length - validationFrom, found.characters());
        assertEquals(found.characters(), reported[0], "progress reaches the end");
        assertEquals(found.characters(), reported[1]);
        assertEquals(strings.size(), found.runs(), "one run per quoted string");
        assertEquals(found.runs(), found.whole(), "the unit is off before each opening quote and at each closing one");
        List<int[]> runs = found.best().stream().map(m -> new int[] {m.start(), m.end()})
                .sorted((a, b) -> Integer.compare(a[0], b[0])).toList();
        for (int i = 0; i < strings.size(); i++) {
            assertEquals(List.of(strings.get(i)[0], strings.get(i)[1]), List.of(runs.get(i)[0], runs.get(i)[1]), "string " + i);
        }
        int spanLength = first[1] - first[0];
        PatternMatch best = found.best().get(0);
        assertEquals(spanLength, best.length(), "a string as long as the brushed one ranks first");
        for (int i = 1; i < found.best().size(); i++) {
            assertTrue(Math.abs(found.best().get(i - 1).length() - spanLength)
                    <= Math.abs(found.best().get(i).length() - spanLength), "nearest length first");
        }
    }

    @Test
    void theSearchStopsWhenCancelledAndRefusesAPatternOfAnotherModel() {
        OnOffPattern pattern = new OnOffPattern(List.of(new PatternUnit(planted, Direction.ABOVE, 0, 1)), 5, 1, 1);
        assertThrows(CancellationException.class, () -> PatternSearch.find(model, ids, validationFrom, pattern, 10,
                new ReadProgress() {
                    @Override
                    public void update(long stepsDone, long stepsTotal) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                }));
        OnOffPattern wider = new OnOffPattern(List.of(new PatternUnit(new Neuron(0, Signal.HIDDEN, 16), Direction.ABOVE,
                0, 1)), 5, 1, 1);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> PatternSearch.find(model, ids, validationFrom, wider, 10, ReadProgress.NONE));
        assertEquals("this model has no layer 1 · hidden 16: the pattern was brushed on another model", other.getMessage());
    }
}
