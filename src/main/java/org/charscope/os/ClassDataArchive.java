package org.charscope.os;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive made when the app was built: the window's classes (JavaFX,
 * AtlantaFX, ControlsFX, Ikonli, ours), parsed, verified and laid out as the JVM keeps them, so
 * that a window's JVM maps them ready-made instead of loading some 6,000 classes: its first frame
 * came about 0.8 s sooner here (docs/installer.md).
 *
 * <p>The build records which classes a first frame loads ({@code -XX:DumpLoadedClassList}, a
 * headless start of the window) and dumps them ({@code -Xshare:dump}) into {@code charscope.jsa}
 * beside {@code charscope.jar}: in {@code target/} for {@code java -jar}, in the app-image's
 * {@code lib/app/} with the app-image's own runtime (an archive only fits the JVM that made it).
 * Where CharScope starts a second JVM anyway (the OpenBLAS relaunch), that JVM gets it on its
 * command line; the app-image's JVMs have it in their launcher's options (jpackage-linux.cfg),
 * which its relaunch passes on.
 *
 * <p>The JVM checks the archive itself: made by another JVM, or for jars of other sizes or times
 * or another place (a moved folder, an installed package), it is passed over, and the window only
 * starts as slowly as without it. Its messages are off: a window's stderr is nobody's to read.
 */
public final class ClassDataArchive {

    /** The archive's name, beside the jar. */
    public static final String FILE_NAME = "charscope.jsa";

    private ClassDataArchive() {
    }

    /** The archive beside {@code jar}, if the build made one. */
    public static Optional<Path> besideJar(Path jar) {
        Path archive = jar.resolveSibling(FILE_NAME);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** The archive beside the jar this class was loaded from, if any (none when run from classes). */
    public static Optional<Path> ofThisApp() {
        try {
            Path location = Path.of(ClassDataArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? besideJar(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JVM options that read {@code archive}, quietly. */
    public static List<String> jvmOptions(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
