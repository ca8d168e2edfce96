package org.charscope.gutenberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The books offered without a search. */
class ClassicsTest {

    @Test
    void offersTheWellKnownBooksInNumberOrder() {
        List<Integer> numbers = Classics.ALL.stream().map(c -> c.number().value()).toList();

        assertTrue(numbers.containsAll(List.of(11, 84, 98, 219, 1342, 2600)), numbers.toString());
        assertEquals(numbers.stream().sorted().distinct().toList(), numbers, "sorted, each once");
    }

    @Test
    void labelsNameNumberTitleAndAuthor() {
        Classic pride = Classics.ALL.stream().filter(c -> c.number().value() == 1342).findFirst().orElseThrow();

        assertEquals("1342 · Pride and Prejudice · Jane Austen", pride.label());
    }
}
