package org.charscope.app.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.text.BookReader;
import org.charscope.text.LoadProgress;
import org.charscope.text.Symbols;
import org.charscope.text.Vocabulary;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;

/** Reading the command line's inputs, each failure a one-line {@link BadInput} (exit 3). */
final class ModelFile {

    /** The input cannot be used; the message says why, in one line. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private ModelFile() {
    }

    static TrainingRun read(Path file) throws BadInput {
        try {
            return Checkpoint.read(file);
        } catch (BadCheckpointException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw new BadInput(file + " cannot be read: " + (e instanceof NoSuchFileException
                    ? "not found" : e.getMessage()));
        }
    }

    static Book book(List<Path> files) throws BadInput {
        try {
            return new BookReader().read(files, LoadProgress.NONE);
        } catch (BadTextException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /**
     * The text as the model's symbol ids; a character it never saw is refused by name (a word
     * model reads an unseen word as unknown and spells it).
     */
    static int[] encode(Symbols symbols, String text, String what) throws BadInput {
        if (symbols instanceof Vocabulary vocabulary && !vocabulary.hasUnknown()) {
            int[] unseen = text.codePoints().filter(cp -> !vocabulary.contains(cp)).distinct().limit(5).toArray();
            if (unseen.length > 0) {
                StringBuilder names = new StringBuilder();
                for (int cp : unseen) {
                    names.append(names.length() == 0 ? "" : ", ").append(Vocabulary.describe(cp));
                }
                throw new BadInput(what + " holds symbols the model never saw: " + names);
            }
        }
        return symbols.encode(text);
    }
}
