package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A regex's matches as one yes or no per character. */
class FeatureLabelsTest {

    private static List<Integer> positives(FeatureLabels labels) {
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < labels.length(); t++) {
            if (labels.isPositive(t)) {
                at.add(t);
            }
        }
        return at;
    }

    @Test
    void insideQuotesMarksBothQuotesAndWhatIsBetween() {
        //                 0123456789012345678901
        String text = "say \"hi\" and \"\"\n\"x";
        FeatureLabels labels = FeatureLabels.ofMatches(text, FeatureLabels.compile("\"[^\"\\n]*\""));
        assertEquals(List.of(4, 5, 6, 7, 13, 14), positives(labels), "the lone quote after the newline never closes");
        assertEquals(text.length(), labels.length());
        assertEquals(6, labels.count(0, labels.length()));
        assertEquals(3, labels.count(6, 14), "6, 7 and 13");
    }

    @Test
    void emptyMatchesMarkNothing() {
        FeatureLabels labels = FeatureLabels.ofMatches("axxbx", FeatureLabels.compile("x*"));
        assertEquals(List.of(1, 2, 4), positives(labels));
        assertEquals(List.of(), positives(FeatureLabels.ofMatches("abc", FeatureLabels.compile("(?=b)"))));
    }

    @Test
    void offsetsCountCharactersNotJavaChars() {
        String text = "😀 \"a😀\" b";   // the emoji is two chars but one character, one step of the model
        FeatureLabels labels = FeatureLabels.ofMatches(text, FeatureLabels.compile("\"[^\"]*\""));
        assertEquals(8, labels.length());
        assertEquals(List.of(2, 3, 4, 5), positives(labels));
        assertEquals(List.of(0, 4), positives(FeatureLabels.ofMatches(text, FeatureLabels.compile("😀"))));
    }

    @Test
    void anInvalidRegexIsOneLineThatSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureLabels.compile("\"[^\""));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("Unclosed character class at index"), e.getMessage());
    }
}
