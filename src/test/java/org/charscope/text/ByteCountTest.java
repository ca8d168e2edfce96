package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteCountTest {

    @Test
    void smallSizesInBytes() {
        assertEquals("1 byte", ByteCount.format(1));
        assertEquals("1023 bytes", ByteCount.format(1023));
    }

    @Test
    void wholeUnitsWithoutADecimal() {
        assertEquals("1 KB", ByteCount.format(1024));
        assertEquals("2 KB", ByteCount.format(2048));
        assertEquals("256 MB", ByteCount.format(256L * 1024 * 1024));
    }

    @Test
    void otherSizesWithOneDecimalRoundedUp() {
        assertEquals("1.5 KB", ByteCount.format(1536));
        assertEquals("300.0 MB", ByteCount.format(300L * 1024 * 1024 - 1));
        assertEquals("300.1 MB", ByteCount.format(300L * 1024 * 1024 + 1));
        assertEquals("256.1 MB", ByteCount.format(256L * 1024 * 1024 + 1),
                "just over the limit never reads as the limit itself");
        assertEquals("1024.0 KB", ByteCount.format(1024 * 1024 - 1));
    }
}
