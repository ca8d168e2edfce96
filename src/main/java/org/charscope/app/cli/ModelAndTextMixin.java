package org.charscope.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.charscope.text.Book;
import org.charscope.train.TrainingRun;
import picocli.CommandLine.Parameters;

/** {@code MODEL.zip FILE...}: a saved model and the text it is run over, for the commands that read both. */
final class ModelAndTextMixin {

    @Parameters(index = "0", paramLabel = "MODEL.zip", description = "A model saved by train or by the app.")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "The text, whole files (Gutenberg boilerplate removed).")
    List<Path> files;

    TrainingRun readModel() throws ModelFile.BadInput {
        return ModelFile.read(model);
    }

    Book readText() throws ModelFile.BadInput {
        return ModelFile.book(files);
    }

    /** The model file's name without its folder, as the output names it. */
    String modelName() {
        return model.getFileName().toString();
    }
}
