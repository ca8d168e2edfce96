package org.charscope.text;

import java.util.Locale;

/**
 * File sizes as people read them in messages: "812 bytes", "3.5 KB", "300.0 MB", "256 MB".
 * Units are powers of 1024, as file managers show them.
 */
public final class ByteCount {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private ByteCount() {
    }

    /**
     * A size with one decimal, rounded up, so a file just over a limit never reads as equal to it.
     * Whole multiples of the unit have no decimal: a limit of 256 MB reads "256 MB".
     */
    public static String format(long bytes) {
        if (bytes < KB) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        long unit = bytes < MB ? KB : MB;
        String unitName = bytes < MB ? "KB" : "MB";
        if (bytes % unit == 0) {
            return bytes / unit + " " + unitName;
        }
        long tenths = (bytes * 10 + unit - 1) / unit; // ceiling of bytes / unit, in tenths
        return String.format(Locale.ROOT, "%d.%d %s", tenths / 10, tenths % 10, unitName);
    }
}
