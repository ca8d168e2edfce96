package org.charscope.ui.book;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.charscope.text.TextFacts;

/** The loaded book's facts: file, title and author, size, vocabulary, split, boilerplate. */
public final class BookFactsView extends VBox {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final GridPane grid = new GridPane();
    private final Label file = value("fact-file");
    private final Label title = value("fact-title");
    private final Label author = value("fact-author");
    private final Label encoding = value("fact-encoding");
    private final Label characters = value("fact-characters");
    private final Label vocabulary = value("fact-vocabulary");
    private final Label split = value("fact-split");
    private final Label boilerplate = value("fact-boilerplate");
    private final Label symbols = value("fact-symbols");

    public BookFactsView(BookModel model) {
        setId("book-facts");
        getStyleClass().add("book-facts");
        Label heading = new Label("Book");
        heading.getStyleClass().add("heading");
        grid.getStyleClass().add("facts-grid");
        row(0, "File", file);
        row(1, "Title", title);
        row(2, "Author", author);
        row(3, "Encoding", encoding);
        row(4, "Characters", characters);
        row(5, "Vocabulary", vocabulary);
        row(6, "Train / validation", split);
        row(7, "Gutenberg boilerplate", boilerplate);
        symbols.setWrapText(true);
        symbols.getStyleClass().add("symbols");
        getChildren().addAll(heading, grid, symbols);
        model.factsProperty().addListener((obs, old, facts) -> show(facts));
        show(model.factsProperty().get());
    }

    private void row(int index, String name, Label valueLabel) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("fact-name");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE); // names stay whole; values wrap instead
        grid.addRow(index, nameLabel, valueLabel);
    }

    private static Label value(String id) {
        Label label = new Label("—");
        label.setId(id);
        label.getStyleClass().add("fact-value");
        label.setWrapText(true);
        return label;
    }

    private void show(TextFacts facts) {
        if (facts == null) {
            return;
        }
        file.setText(facts.displayName());
        title.setText(facts.title() == null ? "not found" : facts.title());
        author.setText(facts.author() == null ? "not found" : facts.author());
        encoding.setText(facts.files().stream().map(f -> f.encoding()).distinct().collect(Collectors.joining(", ")));
        characters.setText(COUNT.format(facts.characters()));
        vocabulary.setText(COUNT.format(facts.vocabularySize()) + " symbols");
        split.setText(COUNT.format(facts.trainCharacters()) + " / " + COUNT.format(facts.validationCharacters()));
        boilerplate.setText(boilerplateText(facts));
        symbols.setText(String.join(" ", facts.symbols()));
    }

    private static String boilerplateText(TextFacts facts) {
        if (!facts.boilerplateRemoved()) {
            return "none found: text used whole";
        }
        boolean header = facts.files().stream().anyMatch(f -> f.headerStripped());
        boolean footer = facts.files().stream().anyMatch(f -> f.footerStripped());
        if (header && footer) {
            return "header and footer removed";
        }
        return header ? "header removed (no footer: truncated?)" : "footer removed";
    }
}
