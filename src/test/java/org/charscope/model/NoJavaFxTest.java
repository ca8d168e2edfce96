package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine runs headless: model and train never import JavaFX. */
class NoJavaFxTest {

    @Test
    void engineSourcesImportNoJavaFx() throws IOException {
        Path root = Path.of("src/main/java/org/charscope");
        assertTrue(Files.isDirectory(root.resolve("model")), "run from the project folder");
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("model")), Files.walk(root.resolve("train")))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("import javafx.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
