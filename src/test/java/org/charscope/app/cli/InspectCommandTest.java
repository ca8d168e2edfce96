package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charscope inspect}: its answers, its JSON, and its exit codes (0 ok, 2 usage, 3 bad input). */
class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void jsonDescribesAWindows1252GutenbergFile() throws Exception {
        String body = "“Ahoy,” said the café owner.\r\n".repeat(80);
        String text = "Title: Old Harbour\r\nAuthor: J. Smith\r\n\r\n"
                + "*** START OF THIS PROJECT GUTENBERG EBOOK OLD HARBOUR ***\r\n" + body
                + "*** END OF THIS PROJECT GUTENBERG EBOOK OLD HARBOUR ***\r\nlicence text\r\n";
        Path file = dir.resolve("harbour.txt");
        Files.write(file, text.getBytes(Charset.forName("windows-1252")));

        assertEquals(ExitCode.OK, run("inspect", "--json", file.toString()), err.toString());

        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("Old Harbour", json.get("title").getAsString());
        assertEquals("J. Smith", json.get("author").getAsString());
        assertEquals("windows-1252", json.getAsJsonArray("files").get(0).getAsJsonObject().get("encoding").getAsString());
        assertTrue(json.get("boilerplateRemoved").getAsBoolean());
        int characters = json.get("characters").getAsInt();
        assertEquals(body.replace("\r\n", "\n").strip().length() + 1, characters, "the body and its final line feed");
        assertEquals(characters, json.get("trainCharacters").getAsInt() + json.get("validationCharacters").getAsInt());
        assertTrue(json.getAsJsonArray("symbols").toString().contains("é"), "é decoded as one symbol");
    }

    @Test
    void plainTextReportNamesTheFacts() throws Exception {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "A plain line of text without markers.\n".repeat(60), StandardCharsets.UTF_8);

        assertEquals(ExitCode.OK, run("inspect", file.toString()), err.toString());

        String report = out.toString();
        assertTrue(report.contains("plain.txt"), report);
        assertTrue(report.contains("UTF-8"), report);
        assertTrue(report.contains("Vocabulary"), report);
        assertTrue(report.toLowerCase().contains("no gutenberg header"), report);
    }

    @Test
    void missingFileIsBadInputWithOneLine() {
        assertEquals(ExitCode.BAD_INPUT, run("inspect", dir.resolve("gone.txt").toString()));
        String message = err.toString().strip();
        assertTrue(message.contains("gone.txt"), message);
        assertFalse(message.contains("\n"), "one line, no stack trace: " + message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void emptyFileIsBadInput() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.txt"));
        assertEquals(ExitCode.BAD_INPUT, run("inspect", file.toString()));
        assertTrue(err.toString().contains("empty.txt"), err.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, run("inspect"));
        assertEquals(ExitCode.USAGE, run("no-such-command"));
        assertEquals(ExitCode.USAGE, run("inspect", "--validation", "2", "x.txt"));
        assertEquals(ExitCode.USAGE, run("inspect", "--no-such-flag", "x.txt"));
    }

    @Test
    void realGutenbergDownloadWithoutFooter() {
        Path war = Path.of(System.getProperty("charscope.shared", "../shared"), "corpora", "war-and-peace-truncated.txt");
        Assumptions.assumeTrue(Files.exists(war), "../shared/corpora not found: skipping the real Gutenberg test");

        assertEquals(ExitCode.OK, run("inspect", "--json", war.toString()), err.toString());

        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals("War and Peace", json.get("title").getAsString());
        assertEquals("Leo Tolstoy", json.get("author").getAsString());
        JsonObject file = json.getAsJsonArray("files").get(0).getAsJsonObject();
        assertTrue(file.get("headerStripped").getAsBoolean());
        assertFalse(file.get("footerStripped").getAsBoolean(), "the truncated download has no footer");
        assertTrue(json.get("characters").getAsInt() > 1_300_000);
    }
}
