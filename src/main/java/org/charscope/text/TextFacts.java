package org.charscope.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a person may want to check about how a book was read, in plain values: for the
 * window's "text" panel and the command line's {@code inspect}.
 *
 * @param displayName          the file name, or "a.txt + 2 more"
 * @param files                each file as it was read, in order
 * @param title                the first title found in a Gutenberg header, or null
 * @param author               the first author found in a Gutenberg header, or null
 * @param characters           symbols in the whole text, training and validation together
 * @param vocabularySize       distinct symbols, the unknown symbol included if there is one
 * @param symbols              each symbol in id order, as {@link Vocabulary#describe(int)} names it
 * @param trainCharacters      symbols trained on
 * @param validationCharacters symbols held out for validation
 * @param boilerplateRemoved   whether any Gutenberg header or footer was removed
 */
public record TextFacts(String displayName, List<FileFacts> files, String title, String author, int characters,
                        int vocabularySize, List<String> symbols, int trainCharacters, int validationCharacters,
                        boolean boilerplateRemoved) {

    /**
     * One file as it was read.
     *
     * @param name           the file name without its folder
     * @param encoding       how its bytes were decoded, e.g. "UTF-8" or "windows-1252"
     * @param bytes          its size on disk
     * @param headerStripped whether a Gutenberg header was removed
     * @param footerStripped whether a Gutenberg footer was removed
     */
    public record FileFacts(String name, String encoding, long bytes, boolean headerStripped,
                            boolean footerStripped) {
    }

    public TextFacts {
        files = List.copyOf(files);
        symbols = List.copyOf(symbols);
    }

    public static TextFacts of(Corpus corpus) {
        Book book = corpus.book();
        List<FileFacts> files = book.sources().stream()
                .map(s -> new FileFacts(s.fileName(), s.encoding(), s.bytes(), s.headerStripped(), s.footerStripped()))
                .toList();
        Vocabulary vocabulary = corpus.vocabulary();
        List<String> symbols = new ArrayList<>(vocabulary.size());
        for (int id = 0; id < vocabulary.size(); id++) {
            symbols.add(Vocabulary.describe(vocabulary.codePoint(id)));
        }
        return new TextFacts(book.displayName(), files, book.title(), book.author(),
                corpus.trainSize() + corpus.validationSize(), vocabulary.size(), symbols,
                corpus.trainSize(), corpus.validationSize(), book.boilerplateRemoved());
    }

    /**
     * The facts as nested maps and lists in a fixed key order, for a JSON writer such as Gson.
     * Title and author may be null: a writer that drops null values (Gson's default) leaves those
     * keys out.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", files);   // records: Gson writes their components by name, in order
        json.put("title", title);
        json.put("author", author);
        json.put("characters", characters);
        json.put("vocabularySize", vocabularySize);
        json.put("symbols", symbols);
        json.put("trainCharacters", trainCharacters);
        json.put("validationCharacters", validationCharacters);
        json.put("boilerplateRemoved", boilerplateRemoved);
        return json;
    }
}
