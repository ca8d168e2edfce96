package org.charscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the packages that hold the book, the model, training and exploration free of JavaFX, so
 * they run headless (command line, tests, a server) and the UI stays one replaceable layer. A
 * plain scan of the sources: any {@code import javafx.} or {@code import static javafx.} line is
 * a violation.
 */
class ArchitectureTest {

    private static final List<String> TOOLKIT_FREE_PACKAGES = List.of("text", "model", "train", "explore", "history", "gutenberg", "io", "baseline", "os");

    private static final Pattern JAVAFX_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.");

    /**
     * The property's old name, the old constant, or any system property or environment read
     * ({@code System.getProperty}, {@code getenv}, {@code Boolean.getBoolean}, ...) whose
     * argument mentions a fault; every source under {@code root}.
     */
    private static final Pattern FAULT_SETTING = Pattern.compile("charscope\\.faults|Fault\\.PROPERTY"
            + "|(?i)(getProperty|getenv|getBoolean|getInteger|getLong)\\s*\\([^;]*fault");

    private static final Path SOURCES = Path.of("src/main/java/org/charscope");

    @Test
    void toolkitFreePackagesImportNothingFromJavaFx() {
        List<Path> scanned = new ArrayList<>();
        List<String> violations = javaFxImports(SOURCES, scanned);

        assertFalse(scanned.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanCatchesAnImport(@TempDir Path root) throws IOException {
        Path model = Files.createDirectories(root.resolve("model"));
        Files.writeString(model.resolve("Clean.java"), "package org.charscope.model;\n// javafx.scene mentioned\n");
        Files.writeString(model.resolve("Leaky.java"),
                "package org.charscope.model;\n\nimport java.util.List;\nimport javafx.scene.paint.Color;\n");
        Files.writeString(model.resolve("Static.java"), "import static javafx.application.Platform.runLater;\n");
        Path ui = Files.createDirectories(root.resolve("ui"));
        Files.writeString(ui.resolve("Pane.java"), "import javafx.scene.layout.Pane;\n");

        List<Path> scanned = new ArrayList<>();
        List<String> violations = javaFxImports(root, scanned);

        assertEquals(3, scanned.size(), "ui/ may use JavaFX and is not scanned");
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("model/Leaky.java:4: "), violations.get(0));
    }

    /**
     * Faults are put into a run by the tests and the faults trial, through a hook they install
     * (issue 17): production code reads no fault setting, so no user can switch one on by a stray
     * {@code -D} or environment variable, and no fault code runs in the shipped loop.
     */
    @Test
    void noProductionClassReadsAFaultSetting() {
        List<Path> scanned = new ArrayList<>();
        List<String> violations = faultSettingReads(SOURCES, scanned);

        assertFalse(scanned.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanCatchesAFaultSettingRead(@TempDir Path root) throws IOException {
        Path train = Files.createDirectories(root.resolve("train"));
        Files.writeString(train.resolve("Clean.java"), "package org.charscope.train;\n"
                + "// faults come from the tests' hook\nString home = System.getProperty(\"user.home\");\n");
        Files.writeString(train.resolve("ByName.java"), "class A {\n  String s = \"charscope.faults\";\n}\n");
        Files.writeString(train.resolve("ByConstant.java"), "class B { List<Fault> f = parse(System.getProperty(Fault.PROPERTY)); }\n");
        Path app = Files.createDirectories(root.resolve("app"));
        Files.writeString(app.resolve("ByEnvironment.java"), "class C { String f = System.getenv(\"CHARSCOPE_FAULTS\"); }\n");
        Files.writeString(app.resolve("ByFlag.java"), "class D { boolean f = Boolean.getBoolean(\"inject.fault\"); }\n");

        List<Path> scanned = new ArrayList<>();
        List<String> violations = faultSettingReads(root, scanned);

        assertEquals(5, scanned.size());
        assertEquals(4, violations.size(), violations.toString());
        assertEquals("app/ByEnvironment.java:1: class C { String f = System.getenv(\"CHARSCOPE_FAULTS\"); }",
                violations.get(0));
        assertTrue(violations.get(2).startsWith("train/ByConstant.java:1: "), violations.get(2));
        assertTrue(violations.get(3).startsWith("train/ByName.java:2: "), violations.get(3));
    }

    /** Reads of a fault setting in every source under {@code root}, as "dir/File.java:line: code", sorted. */
    private static List<String> faultSettingReads(Path root, List<Path> scanned) {
        return matchingLines(root, root, FAULT_SETTING, false, scanned);
    }

    /** Violations as "package/File.java:line: import ...", in a stable order. */
    private static List<String> javaFxImports(Path root, List<Path> scanned) {
        List<String> violations = new ArrayList<>();
        for (String name : TOOLKIT_FREE_PACKAGES) {
            Path folder = root.resolve(name);
            if (Files.isDirectory(folder)) {
                violations.addAll(matchingLines(root, folder, JAVAFX_IMPORT, false, scanned));
            }
        }
        return violations;
    }

    /** The layers above the model: it serves them and knows nothing of them (issue 17). */
    private static final Pattern ABOVE_THE_MODEL = Pattern.compile("\\borg\\.charscope\\.(train|explore|ui|app)\\.");

    @Test
    void theModelUsesNothingFromTheLayersAboveIt() {
        List<Path> scanned = new ArrayList<>();
        List<String> violations = referencesAbove(SOURCES.resolve("model"), scanned);

        assertFalse(scanned.isEmpty(), "no model sources found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void theModelScanCatchesAnImportAndAFullName(@TempDir Path model) throws IOException {
        Files.writeString(model.resolve("Clean.java"), "package org.charscope.model;\n/** Read by org.charscope.train.Trainer. */\n");
        Files.writeString(model.resolve("Imports.java"), "package org.charscope.model;\n\nimport org.charscope.train.Progress;\n");
        Files.writeString(model.resolve("Names.java"), "class Names {\n    org.charscope.ui.Styles styles;\n}\n");

        List<String> violations = referencesAbove(model, new ArrayList<>());

        assertEquals(List.of("Imports.java:3: import org.charscope.train.Progress;", "Names.java:2: org.charscope.ui.Styles styles;"),
                violations);
    }

    /** Lines outside comments that name a class of train, explore, ui or app, as "File.java:line: text". */
    private static List<String> referencesAbove(Path folder, List<Path> scanned) {
        return matchingLines(folder, folder, ABOVE_THE_MODEL, true, scanned);
    }

    // --- the command line and the window (issue 18) ---

    /**
     * The command line runs where there is no display: it shares the engine's records with the
     * window (RunSettings lives in train) and uses nothing of the UI, whose classes load JavaFX.
     */
    private static final Pattern UI_REFERENCE = Pattern.compile("\\borg\\.charscope\\.ui\\.");

    @Test
    void theCommandLineUsesNothingFromTheUi() {
        List<Path> scanned = new ArrayList<>();
        List<String> violations = uiReferences(SOURCES.resolve("app/cli"), scanned);

        assertFalse(scanned.isEmpty(), "no command-line sources found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations);
    }

    @Test
    void theCommandLineScanCatchesAnImportAndAFullName(@TempDir Path cli) throws IOException {
        Files.writeString(cli.resolve("Clean.java"), "package org.charscope.app.cli;\n"
                + "/** Like org.charscope.ui.training.SettingsPanel. */\n// org.charscope.ui.MainWindow too\n"
                + "import org.charscope.train.RunSettings;\n");
        Files.writeString(cli.resolve("Imports.java"), "package org.charscope.app.cli;\n\nimport org.charscope.ui.training.RunSettings;\n");
        Files.writeString(cli.resolve("Static.java"), "import static org.charscope.ui.Styles.THEME;\n");
        Files.writeString(cli.resolve("Names.java"), "class Names {\n    var s = org.charscope.ui.session.SessionStore.open();\n}\n");

        List<Path> scanned = new ArrayList<>();
        List<String> violations = uiReferences(cli, scanned);

        assertEquals(4, scanned.size());
        assertEquals(List.of("Imports.java:3: import org.charscope.ui.training.RunSettings;",
                "Names.java:2: var s = org.charscope.ui.session.SessionStore.open();",
                "Static.java:1: import static org.charscope.ui.Styles.THEME;"), violations);
    }

    /** Lines outside comments that import or name a class of ui, as "File.java:line: text", sorted by file. */
    private static List<String> uiReferences(Path folder, List<Path> scanned) {
        return matchingLines(folder, folder, UI_REFERENCE, true, scanned);
    }

    /**
     * Every line of the sources under {@code folder} that {@code pattern} finds (stripped; comment
     * lines left out when {@code skipComments}), as "path/File.java:line: text" with the path taken
     * from {@code root}, files in a stable order. The one scan the rules above share.
     */
    private static List<String> matchingLines(Path root, Path folder, Pattern pattern, boolean skipComments,
                                              List<Path> scanned) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                scanned.add(file);
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    if (!(skipComments && comment) && pattern.matcher(line).find()) {
                        violations.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }
}
