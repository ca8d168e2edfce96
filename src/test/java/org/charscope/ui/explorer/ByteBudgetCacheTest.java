package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The readings' cache: least recently used out first, within its bytes. */
class ByteBudgetCacheTest {

    /** Values are their own size in bytes. */
    private final ByteBudgetCache<String, Long> cache = new ByteBudgetCache<>(100, Long::longValue);

    @Test
    void dropsTheLeastRecentlyUsedFirstToStayWithinItsBudget() {
        cache.put("a", 40L);
        cache.put("b", 40L);
        assertEquals(80, cache.heldBytes());
        cache.put("c", 40L);   // 120 > 100: a, the eldest, goes
        assertNull(cache.get("a"));
        assertEquals(List.of("b", "c"), cache.keys());
        assertEquals(80, cache.heldBytes());

        assertEquals(40L, cache.get("b"));   // b is now the most recently used, c the least
        cache.put("d", 30L);                 // 110: c goes, not b
        assertEquals(List.of("b", "d"), cache.keys());
        assertEquals(70, cache.heldBytes());

        cache.put("e", 90L);                 // 160: b and d both go
        assertEquals(List.of("e"), cache.keys());
        assertEquals(90, cache.heldBytes());
    }

    @Test
    void replacingAValueCountsItsNewSizeAndAValueOverTheBudgetIsNotKept() {
        cache.put("a", 60L);
        cache.put("a", 20L);
        assertEquals(20, cache.heldBytes());
        cache.put("huge", 101L);
        assertNull(cache.get("huge"));
        assertEquals(List.of("a"), cache.keys(), "what was kept stays when a value cannot be");

        cache.put("b", 30L);
        cache.removeIf(key -> key.startsWith("a"));
        assertEquals(List.of("b"), cache.keys());
        assertEquals(30, cache.heldBytes());
    }
}
