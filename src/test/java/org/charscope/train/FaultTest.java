package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void aListOfFaultsIsReadWithValueTargetAndTime() {
        List<Fault> faults = Fault.parse("nan:weights:at=4, inf:loss:every=10,-inf:gradients:random=0.5/3");
        assertEquals(3, faults.size());
        assertTrue(Double.isNaN(faults.get(0).value()));
        assertEquals(Fault.Target.WEIGHTS, faults.get(0).target());
        assertEquals(List.of(4L), LongStream.range(0, 50).filter(faults.get(0).when()).boxed().toList());
        assertEquals(Double.POSITIVE_INFINITY, faults.get(1).value());
        assertEquals(Fault.Target.LOSS, faults.get(1).target());
        assertEquals(List.of(9L, 19L, 29L), LongStream.range(0, 30).filter(faults.get(1).when()).boxed().toList());
        assertEquals(Double.NEGATIVE_INFINITY, faults.get(2).value());
        long hits = LongStream.range(0, 1000).filter(faults.get(2).when()).count();
        assertTrue(hits > 430 && hits < 570, "about half of 1000 iterations: " + hits);
        assertFalse(faults.get(0).index() == faults.get(1).index(), "each fault its own weight");
    }

    @Test
    void theSameSeedPicksTheSameIterations() {
        var a = Fault.parse("nan:loss:random=0.1/42").get(0).when();
        var b = Fault.parse("nan:loss:random=0.1/42").get(0).when();
        var c = Fault.parse("nan:loss:random=0.1/43").get(0).when();
        List<Long> fromA = LongStream.range(0, 500).filter(a).boxed().toList();
        assertEquals(fromA, LongStream.range(0, 500).filter(b).boxed().toList());
        assertFalse(fromA.equals(LongStream.range(0, 500).filter(c).boxed().toList()));
    }

    @Test
    void aBadListNamesThePartItCannotRead() {
        assertEquals("fault 'nan:weights' is not VALUE:TARGET:WHEN",
                assertThrows(IllegalArgumentException.class, () -> Fault.parse("nan:weights")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("zero:loss:at=1"))
                .getMessage().contains("'zero'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("nan:bias:at=1"))
                .getMessage().contains("'bias'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("nan:loss:at=x"))
                .getMessage().contains("bad number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("nan:loss:random=2"))
                .getMessage().contains("probability"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("nan:loss:every=0"))
                .getMessage().contains("at least 1"));
        assertThrows(IllegalArgumentException.class, () -> new Fault(1.0, Fault.Target.LOSS, 0, i -> true));
    }
}
