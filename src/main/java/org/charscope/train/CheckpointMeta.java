package org.charscope.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.text.UnknownSpelling;
import org.charscope.text.WordVocabulary;

/**
 * {@code meta.json}, the settings and history half of a checkpoint (see {@link Checkpoint} for the
 * whole file), as Gson maps it. The file has records of its own rather than the engine's
 * ({@link LstmConfig}, {@link OptimizerConfig}): its field names and layout stay those of the files
 * already written however the engine's records change, and a file from elsewhere is checked
 * ({@link CheckpointDecoder}) before any of the engine's records is built. Numbers are boxed so that
 * a missing field reads as null and is refused by name, not taken as 0; a null component is left
 * out of the file (the older fields of a character model, a word model's, {@code natsPerCharacter}
 * when it equals {@code natsPerSymbol}). Components are in the order the file has always had.
 *
 * @param format      always {@link Checkpoint#FORMAT}
 * @param version     always {@link Checkpoint#VERSION}
 * @param tokens      "words" for a word model; absent for a character model (files from before word models)
 * @param words       a word model's tokens, by id
 * @param vocabulary  a character model's code points, by id
 * @param losses      [iteration] training loss of each iteration, null for a failed one
 * @param snapshot    true for a snapshot (weights and hidden state, no optimizer moments:
 *                    {@link TrainingRun#isSnapshot()}); absent from a full checkpoint, as from every
 *                    file written before snapshots
 */
record CheckpointMeta(String format, Integer version, Model model, Optimizer optimizer, Training training,
                      String tokens, List<String> words, Spelling unknownSpelling, int[] vocabulary, Long iteration,
                      Double epoch, Long batchPosition, Double learningRateScale, Long optimizerSteps,
                      Long trainingMillis, DropoutState dropoutRandomState, List<Float> losses,
                      List<EvaluationEntry> evaluations, Boolean snapshot) {

    /** {@link LstmConfig}; files from before the GRU have no cell, from before bidirectional models no direction. */
    record Model(Integer vocabSize, Integer layers, Integer hidden, Integer embedding, Double dropout, String precision,
                 String cell, Boolean bidirectional) {

        static Model of(LstmConfig m) {
            return new Model(m.vocabSize(), m.layers(), m.hidden(), m.embedding(), m.dropout(), m.precision().name(),
                    m.cell().id(), m.bidirectional());
        }
    }

    /** {@link OptimizerConfig}. */
    record Optimizer(String method, Double learningRate, Double beta1, Double beta2, Double epsilon, Double clipNorm,
                     Schedule schedule) {

        static Optimizer of(OptimizerConfig o) {
            return new Optimizer(o.method().name(), o.learningRate(), o.beta1(), o.beta2(), o.epsilon(), o.clipNorm(),
                    Schedule.of(o.schedule()));
        }
    }

    /** {@link LearningRateSchedule}. */
    record Schedule(String kind, Long stepEvery, Double stepFactor, Long cosinePeriod, Double minFactor) {

        static Schedule of(LearningRateSchedule s) {
            return new Schedule(s.kind().name(), s.stepEvery(), s.stepFactor(), s.cosinePeriod(), s.minFactor());
        }
    }

    /** The batch shape and seed; files from before windowed training have no {@code windowed}: they trained statefully. */
    record Training(Integer seqLength, Integer batchSize, Long seed, Boolean windowed) {
    }

    /** {@link UnknownSpelling}. */
    record Spelling(int[] codePoints, long[] counts, Long ends) {

        static Spelling of(UnknownSpelling s) {
            return new Spelling(s.codePoints(), s.counts(), s.ends());
        }
    }

    /**
     * Written for a person reading the file, never read: the dropout masks are a pure function of
     * (seed, iteration), so these two numbers are the whole random state.
     */
    record DropoutState(String generator, long seed, long nextIteration) {
    }

    /** {@link Evaluation}; {@code natsPerCharacter} only where it differs (a word model's). */
    record EvaluationEntry(Long iteration, Double natsPerSymbol, Double natsPerCharacter, Long symbols, Long millis) {

        static EvaluationEntry of(Evaluation e) {
            Double perCharacter = Double.compare(e.natsPerCharacter(), e.natsPerSymbol()) != 0 ? e.natsPerCharacter() : null;
            return new EvaluationEntry(e.iteration(), e.natsPerSymbol(), perCharacter, e.symbols(), e.millis());
        }
    }

    /**
     * What a file may lack: fields older files do not have (they are an LSTM, one-way, trained
     * statefully), one kind of model's fields (a character model has no words, a word model no
     * code points), {@code natsPerCharacter} where it equals {@code natsPerSymbol}, a failed
     * iteration's loss, what is never read, and the snapshot mark (a full checkpoint has none).
     */
    private static final Set<String> OPTIONAL = Set.of("model.cell", "model.bidirectional", "training.windowed",
            "tokens", "words", "unknownSpelling", "vocabulary", "evaluations[].natsPerCharacter", "losses[]",
            "dropoutRandomState", "snapshot");
    private static final String DROPOUT_GENERATOR = "splitmix64 hash of (seed, iteration, layer, element)";
    /** NaN where a run has one (an epoch, an evaluation), as the files always had; no HTML escapes in words like {@code <unk>}. */
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    /** meta.json for {@code run}. */
    static CheckpointMeta of(TrainingRun run) {
        String tokens = null;
        List<String> words = null;
        Spelling spelling = null;
        int[] vocabulary = null;
        if (run.vocabulary() instanceof WordVocabulary wordVocabulary) {
            tokens = "words";
            words = wordVocabulary.tokens();
            spelling = Spelling.of(wordVocabulary.spelling());
        } else {
            vocabulary = run.codePoints();
        }
        List<Float> losses = new ArrayList<>(run.losses().length);
        for (float loss : run.losses()) {
            losses.add(Float.isFinite(loss) ? loss : null);
        }
        return new CheckpointMeta(Checkpoint.FORMAT, Checkpoint.VERSION, Model.of(run.model()),
                Optimizer.of(run.optimizerConfig()),
                new Training(run.seqLength(), run.batchSize(), run.seed(), run.windowed()), tokens, words, spelling,
                vocabulary, run.iteration(), run.epoch(), run.batchPosition(), run.learningRateScale(),
                run.optimizerSteps(), run.trainingMillis(), new DropoutState(DROPOUT_GENERATOR, run.seed(), run.iteration()),
                losses, run.evaluations().stream().map(EvaluationEntry::of).toList(), run.isSnapshot() ? Boolean.TRUE : null);
    }

    /** Whether the file says it is a snapshot (no optimizer moments). */
    boolean isSnapshot() {
        return Boolean.TRUE.equals(snapshot);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /**
     * The first field this file lacks, as its path ({@code "model.hidden"}, {@code "evaluations[].millis"}),
     * or null when every field that is not {@link #OPTIONAL} is there. One walk over the records
     * rather than a check beside each read, so that a field added to a record is required unless
     * it is listed as optional.
     */
    String missing() {
        return missing(this, "");
    }

    /** The first missing path in {@code value}, which the file holds at {@code key}. */
    private static String missing(Object value, String key) {
        if (value == null) {
            return OPTIONAL.contains(key) ? null : key;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                String found = missing(read(component, record), key.isEmpty() ? component.getName() : key + "." + component.getName());
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                String found = missing(element, key + "[]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's own accessor failed", e);
        }
    }

    /**
     * Reads meta.json from the zip: a checkpoint of this format and version, mapped but not yet
     * checked ({@link CheckpointDecoder} does that). The format and version are read before the
     * mapping, so that another file or another version is refused as such even when its layout
     * differs.
     */
    static CheckpointMeta parse(ZipFile zip, ZipEntry entry, String name) throws IOException, BadCheckpointException {
        if (entry.getSize() > Checkpoint.MAX_META_BYTES) {
            throw new BadCheckpointException(name + ": meta.json declares " + entry.getSize() + " bytes, more than any checkpoint needs");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = Checkpoint.readAtMost(in, Checkpoint.MAX_META_BYTES, name + ": meta.json is larger than any checkpoint needs");
        }
        JsonElement root = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        if (!root.isJsonObject()) {
            throw new BadCheckpointException(name + ": meta.json is not a JSON object");
        }
        JsonObject header = root.getAsJsonObject();
        JsonElement format = header.get("format");
        if (format == null || !format.isJsonPrimitive() || !Checkpoint.FORMAT.equals(format.getAsString())) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint (no \"format\": \"" + Checkpoint.FORMAT + "\")");
        }
        JsonElement version = header.get("version");
        if (version == null) {
            throw new BadCheckpointException(name + ": meta.json lacks \"version\"");
        }
        if (version.getAsInt() != Checkpoint.VERSION) {
            throw new BadCheckpointException(name + " is a checkpoint of format version " + version.getAsInt()
                    + "; this CharScope reads version " + Checkpoint.VERSION);
        }
        try {
            return GSON.fromJson(root, CheckpointMeta.class);
        } catch (IllegalArgumentException e) {
            // how Gson refuses a null inside a number array (a JsonParseException says the rest)
            throw new BadCheckpointException(name + " has unreadable settings: " + Checkpoint.oneLine(e.getMessage()), e);
        }
    }
}
