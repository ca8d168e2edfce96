package org.charscope.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFactsTest {

    @TempDir
    Path folder;

    private Corpus corpus(List<Path> files, int minTrainSymbols) throws Exception {
        return Corpus.of(new BookReader().read(files, LoadProgress.NONE), TextOptions.defaults(), minTrainSymbols);
    }

    @Test
    void factsDescribeTheFilesTheTextAndTheSplit() throws Exception {
        Path gutenberg = Files.writeString(folder.resolve("tale.txt"), """
                Title: A Tale

                Author: Ann Author

                *** START OF THE PROJECT GUTENBERG EBOOK A TALE ***
                ab ab ab ab
                """);
        Path plain = Files.write(folder.resolve("more.txt"),
                prefixed(new byte[] {(byte) 0xFF, (byte) 0xFE}, "ba ba\n".getBytes(StandardCharsets.UTF_16LE)));

        TextFacts facts = TextFacts.of(corpus(List.of(gutenberg, plain), 10));

        assertEquals("tale.txt + 1 more", facts.displayName());
        assertEquals(List.of(
                new TextFacts.FileFacts("tale.txt", "UTF-8", Files.size(gutenberg), true, false),
                new TextFacts.FileFacts("more.txt", "UTF-16LE (BOM)", 14, false, false)), facts.files());
        assertEquals("A Tale", facts.title());
        assertEquals("Ann Author", facts.author());
        assertEquals(19, facts.characters(), "\"ab ab ab ab\\n\" + \"\\n\" + \"ba ba\\n\"");
        assertEquals(List.of("\\n", "space", "a", "b"), facts.symbols());
        assertEquals(4, facts.vocabularySize());
        assertEquals(17, facts.trainCharacters());
        assertEquals(2, facts.validationCharacters());
        assertTrue(facts.boilerplateRemoved());
    }

    private static byte[] prefixed(byte[] prefix, byte[] bytes) {
        byte[] both = new byte[prefix.length + bytes.length];
        System.arraycopy(prefix, 0, both, 0, prefix.length);
        System.arraycopy(bytes, 0, both, prefix.length, bytes.length);
        return both;
    }

    @Test
    void theJsonMapHasAFixedKeyOrderAndWritesAsExpected() throws Exception {
        Path file = Files.writeString(folder.resolve("plain.txt"), "aab\tb aab\tb aab\tb\n");
        TextFacts facts = TextFacts.of(corpus(List.of(file), 10));

        String json = new GsonBuilder().serializeNulls().create().toJson(facts.toJsonMap());

        assertEquals("{\"files\":[{\"name\":\"plain.txt\",\"encoding\":\"UTF-8\",\"bytes\":18,"
                + "\"headerStripped\":false,\"footerStripped\":false}],"
                + "\"title\":null,\"author\":null,\"characters\":18,\"vocabularySize\":5,"
                + "\"symbols\":[\"\\\\t\",\"\\\\n\",\"space\",\"a\",\"b\"],"
                + "\"trainCharacters\":16,\"validationCharacters\":2,\"boilerplateRemoved\":false}", json);
    }

    @Test
    void gsonsDefaultLeavesOutTheMissingTitleAndAuthor() throws Exception {
        Path file = Files.writeString(folder.resolve("plain.txt"), "abcabcabcabcabcabc\n");
        TextFacts facts = TextFacts.of(corpus(List.of(file), 10));

        String json = new GsonBuilder().create().toJson(facts.toJsonMap());

        assertNull(facts.title());
        assertFalse(json.contains("title"), json);
        assertTrue(json.contains("\"characters\":19"), json);
    }

    @Test
    void theUnknownSymbolIsListedFirst() throws Exception {
        Path file = Files.writeString(folder.resolve("rare.txt"), "aaaaaaaaaaaaaaaaaaaaz\n");
        Corpus corpus = Corpus.of(new BookReader().read(file), new TextOptions(false, 2, 0.1), 10);

        assertEquals(List.of("\uFFFD", "a"), TextFacts.of(corpus).symbols(), "z and the line end are rare");
    }
}
