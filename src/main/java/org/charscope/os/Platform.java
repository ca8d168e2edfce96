package org.charscope.os;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The platforms CharScope is built for: those for which nd4j-native 1.0.0-M2.1, OpenBLAS
 * 0.3.19-1.5.7, JavaCPP 1.5.7 and JavaFX have native jars (docs/platforms.md). {@link #classifier()}
 * is the name the pom's platform profiles and {@code -Dcharscope.platform} use; {@link #of} picks
 * the platform from {@code os.name} and {@code os.arch} as those profiles' OS activation does.
 */
public enum Platform {
    LINUX_X86_64,
    LINUX_ARM64,
    MACOSX_X86_64,
    MACOSX_ARM64,
    WINDOWS_X86_64;

    /** The natives' classifier, e.g. {@code macosx-arm64}: the name in lower case, the hyphen after the system. */
    public String classifier() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", "-");
    }

    public Os os() {
        return switch (this) {
            case LINUX_X86_64, LINUX_ARM64 -> Os.LINUX;
            case MACOSX_X86_64, MACOSX_ARM64 -> Os.MAC;
            case WINDOWS_X86_64 -> Os.WINDOWS;
        };
    }

    /**
     * The platform of a JVM that reports {@code osName} and {@code osArch}; empty where no native
     * build exists (32-bit, ppc64le, FreeBSD, Windows on ARM, ...). The JDK says {@code amd64} on
     * Linux and Windows but {@code x86_64} on macOS, and {@code aarch64} for 64-bit ARM everywhere.
     */
    public static Optional<Platform> of(String osName, String osArch) {
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        return switch (Os.of(osName)) {
            case LINUX -> x64 ? Optional.of(LINUX_X86_64) : arm64 ? Optional.of(LINUX_ARM64) : Optional.empty();
            case MAC -> x64 ? Optional.of(MACOSX_X86_64) : arm64 ? Optional.of(MACOSX_ARM64) : Optional.empty();
            case WINDOWS -> x64 ? Optional.of(WINDOWS_X86_64) : Optional.empty();
            case OTHER -> Optional.empty();
        };
    }

    /** This JVM's platform. */
    public static Optional<Platform> current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The platform named by its classifier, e.g. {@code "linux-arm64"}. */
    public static Optional<Platform> named(String classifier) {
        return Arrays.stream(values()).filter(platform -> platform.classifier().equals(classifier)).findFirst();
    }
}
