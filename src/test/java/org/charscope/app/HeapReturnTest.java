package org.charscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapReturnTest {

    @Test
    void setsTheHeapFreeRatiosOnAJvmThatLeftThemAtTheirDefaults() {
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        // the test JVM is started without heap flags (pom.xml's argLine), and nothing else calls apply()
        assertEquals(com.sun.management.VMOption.Origin.DEFAULT, hotspot.getVMOption("MaxHeapFreeRatio").getOrigin());
        assertTrue(HeapReturn.apply(), "the flags are manageable on this JVM");
        assertEquals("10", hotspot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("30", hotspot.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals("30000", hotspot.getVMOption("G1PeriodicGCInterval").getValue());
        // a second call (or a user's own setting) leaves the values alone
        String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        assertEquals(false, HeapReturn.apply());
        assertEquals(max, hotspot.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
