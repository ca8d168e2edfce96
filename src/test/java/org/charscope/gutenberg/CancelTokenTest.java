package org.charscope.gutenberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancel runs what wakes a blocked download, once. */
class CancelTokenTest {

    @Test
    void cancelRunsTheRegisteredActionsOnce() {
        CancelToken token = new CancelToken();
        AtomicInteger runs = new AtomicInteger();
        token.onCancel(runs::incrementAndGet);
        assertFalse(token.isCancelled());

        token.cancel();
        token.cancel();

        assertTrue(token.isCancelled());
        assertEquals(1, runs.get());
    }

    @Test
    void anActionRegisteredAfterCancelRunsAtOnce() {
        CancelToken token = new CancelToken();
        token.cancel();
        AtomicInteger runs = new AtomicInteger();

        token.onCancel(runs::incrementAndGet);

        assertEquals(1, runs.get());
    }
}
