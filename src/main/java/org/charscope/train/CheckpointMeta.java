package org.charscope.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.Cell;
import org.charscope.model.LstmConfig;
import org.charscope.model.LstmState;
import org.charscope.text.Symbols;
import org.charscope.text.UnknownSpelling;
import org.charscope.text.Vocabulary;
import org.charscope.text.WordVocabulary;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;

/**
 * The settings and history half of a checkpoint, {@code meta.json} (see {@link Checkpoint} for the
 * whole file): written from a run, and read back with every check a file from elsewhere needs
 * (format and version, settings in range, counters that agree, a vocabulary of the declared size)
 * before any weight array is allocated.
 */
final class CheckpointMeta {

    /** Reads one float entry of the checkpoint, exactly {@code count} floats or a refusal. */
    @FunctionalInterface
    interface Floats {
        float[] read(String entry, long count) throws IOException, BadCheckpointException;
    }

    private CheckpointMeta() {
    }

    /** Reads meta.json from the zip and checks that it is a checkpoint of this format and version. */
    static JsonObject parse(ZipFile zip, ZipEntry entry, String name)
            throws IOException, BadCheckpointException {
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
        JsonObject meta = root.getAsJsonObject();
        if (!meta.has("format") || !Checkpoint.FORMAT.equals(meta.get("format").getAsString())) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint (no \"format\": \"" + Checkpoint.FORMAT + "\")");
        }
        int version = meta.get("version").getAsInt();
        if (version != Checkpoint.VERSION) {
            throw new BadCheckpointException(name + " is a checkpoint of format version " + version
                    + "; this CharScope reads version " + Checkpoint.VERSION);
        }
        return meta;
    }

    /**
     * The run that {@code meta} describes, checked, with its arrays from {@code floats}, which is
     * asked only once the settings have passed (they say how many floats each entry must hold).
     */
    static TrainingRun decode(JsonObject meta, String name, Floats floats)
            throws IOException, BadCheckpointException {
        LstmConfig model;
        OptimizerConfig optimizer;
        int seqLength;
        int batchSize;
        try {
            model = modelConfig(object(meta, "model"));
            optimizer = optimizerConfig(object(meta, "optimizer"));
            JsonObject training = object(meta, "training");
            seqLength = training.get("seqLength").getAsInt();
            batchSize = training.get("batchSize").getAsInt();
            TrainingConfig.defaults().withBatch(seqLength, batchSize).withOptimizer(optimizer); // range checks
        } catch (IllegalArgumentException e) {
            throw new BadCheckpointException(name + " has impossible settings: " + Checkpoint.oneLine(e.getMessage()), e);
        }
        long seed = meta.getAsJsonObject("training").get("seed").getAsLong();
        // files from before windowed training have no "windowed": they trained statefully
        JsonElement windowedField = meta.getAsJsonObject("training").get("windowed");
        boolean windowed = windowedField != null && windowedField.getAsBoolean();
        if (model.bidirectional() && !windowed) {
            throw new BadCheckpointException(name + " has impossible settings: a bidirectional model that trained statefully");
        }
        long parameterCount = model.parameterCount();
        if (parameterCount > Checkpoint.MAX_PARAMETERS) {
            throw new BadCheckpointException(name + " describes a model of " + parameterCount
                    + " parameters, more than CharScope loads (" + Checkpoint.MAX_PARAMETERS + ")");
        }
        long stateCount = LstmState.floatCount(model, batchSize);

        Symbols vocabulary = vocabulary(meta, model.vocabSize(), name);
        long iteration = nonNegative(meta, "iteration", name);
        long batchPosition = nonNegative(meta, "batchPosition", name);
        long optimizerSteps = nonNegative(meta, "optimizerSteps", name);
        long trainingMillis = nonNegative(meta, "trainingMillis", name);
        double epoch = meta.get("epoch").getAsDouble();
        double learningRateScale = meta.get("learningRateScale").getAsDouble();
        if (optimizerSteps > iteration || !(learningRateScale > 0 && learningRateScale <= 1) || !(epoch >= 0)) {
            throw new BadCheckpointException(name + ": the counters disagree (iteration " + iteration + ", optimizer steps "
                    + optimizerSteps + ", learning-rate scale " + learningRateScale + ")");
        }
        JsonArray lossArray = meta.getAsJsonArray("losses");
        if (lossArray.size() != iteration) {
            throw new BadCheckpointException(name + ": " + lossArray.size() + " losses recorded for " + iteration + " iterations");
        }
        float[] losses = new float[lossArray.size()];
        for (int i = 0; i < losses.length; i++) {
            JsonElement e = lossArray.get(i);
            losses[i] = e.isJsonNull() ? Float.NaN : e.getAsFloat();
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (JsonElement e : meta.getAsJsonArray("evaluations")) {
            JsonObject o = e.getAsJsonObject();
            double perSymbol = o.get("natsPerSymbol").getAsDouble();
            // a character model's files hold only the loss per symbol, which is also its loss per character
            double perCharacter = o.has("natsPerCharacter") ? o.get("natsPerCharacter").getAsDouble() : perSymbol;
            evaluations.add(new Evaluation(o.get("iteration").getAsLong(), perSymbol, o.get("symbols").getAsLong(),
                    o.get("millis").getAsLong(), perCharacter));
        }

        float[] parameters = floats.read(Checkpoint.PARAMS, parameterCount);
        float[] firstMoment = floats.read(Checkpoint.FIRST_MOMENT, parameterCount);
        float[] secondMoment = floats.read(Checkpoint.SECOND_MOMENT, parameterCount);
        float[] hiddenState = floats.read(Checkpoint.STATE, stateCount);
        return new TrainingRun(model, optimizer, seqLength, batchSize, seed, vocabulary, iteration, batchPosition, epoch,
                learningRateScale, optimizerSteps, trainingMillis, losses, evaluations, parameters, firstMoment,
                secondMoment, hiddenState, windowed);
    }

    /** meta.json for {@code run}. */
    static String toJson(TrainingRun run) {
        JsonObject meta = new JsonObject();
        meta.addProperty("format", Checkpoint.FORMAT);
        meta.addProperty("version", Checkpoint.VERSION);
        LstmConfig m = run.model();
        JsonObject model = new JsonObject();
        model.addProperty("vocabSize", m.vocabSize());
        model.addProperty("layers", m.layers());
        model.addProperty("hidden", m.hidden());
        model.addProperty("embedding", m.embedding());
        model.addProperty("dropout", m.dropout());
        model.addProperty("precision", m.precision().name());
        model.addProperty("cell", m.cell().id());
        model.addProperty("bidirectional", m.bidirectional());
        meta.add("model", model);
        OptimizerConfig o = run.optimizerConfig();
        JsonObject optimizer = new JsonObject();
        optimizer.addProperty("method", o.method().name());
        optimizer.addProperty("learningRate", o.learningRate());
        optimizer.addProperty("beta1", o.beta1());
        optimizer.addProperty("beta2", o.beta2());
        optimizer.addProperty("epsilon", o.epsilon());
        optimizer.addProperty("clipNorm", o.clipNorm());
        LearningRateSchedule s = o.schedule();
        JsonObject schedule = new JsonObject();
        schedule.addProperty("kind", s.kind().name());
        schedule.addProperty("stepEvery", s.stepEvery());
        schedule.addProperty("stepFactor", s.stepFactor());
        schedule.addProperty("cosinePeriod", s.cosinePeriod());
        schedule.addProperty("minFactor", s.minFactor());
        optimizer.add("schedule", schedule);
        meta.add("optimizer", optimizer);
        JsonObject training = new JsonObject();
        training.addProperty("seqLength", run.seqLength());
        training.addProperty("batchSize", run.batchSize());
        training.addProperty("seed", run.seed());
        training.addProperty("windowed", run.windowed());
        meta.add("training", training);
        if (run.vocabulary() instanceof WordVocabulary words) {
            meta.addProperty("tokens", "words");
            JsonArray tokens = new JsonArray();
            words.tokens().forEach(tokens::add);
            meta.add("words", tokens);
            JsonObject spelling = new JsonObject();
            JsonArray letters = new JsonArray();
            JsonArray counts = new JsonArray();
            for (int cp : words.spelling().codePoints()) {
                letters.add(cp);
            }
            for (long n : words.spelling().counts()) {
                counts.add(n);
            }
            spelling.add("codePoints", letters);
            spelling.add("counts", counts);
            spelling.addProperty("ends", words.spelling().ends());
            meta.add("unknownSpelling", spelling);
        } else {
            JsonArray vocabulary = new JsonArray();
            for (int cp : run.codePoints()) {
                vocabulary.add(cp);
            }
            meta.add("vocabulary", vocabulary);
        }
        meta.addProperty("iteration", run.iteration());
        meta.addProperty("epoch", run.epoch());
        meta.addProperty("batchPosition", run.batchPosition());
        meta.addProperty("learningRateScale", run.learningRateScale());
        meta.addProperty("optimizerSteps", run.optimizerSteps());
        meta.addProperty("trainingMillis", run.trainingMillis());
        JsonObject dropout = new JsonObject();
        dropout.addProperty("generator", "splitmix64 hash of (seed, iteration, layer, element)");
        dropout.addProperty("seed", run.seed());
        dropout.addProperty("nextIteration", run.iteration());
        meta.add("dropoutRandomState", dropout);
        JsonArray losses = new JsonArray();
        for (float loss : run.losses()) {
            losses.add(Float.isFinite(loss) ? new JsonPrimitive(loss) : JsonNull.INSTANCE);
        }
        meta.add("losses", losses);
        JsonArray evaluations = new JsonArray();
        for (Evaluation e : run.evaluations()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("iteration", e.iteration());
            entry.addProperty("natsPerSymbol", e.natsPerSymbol());
            if (Double.compare(e.natsPerCharacter(), e.natsPerSymbol()) != 0) {
                entry.addProperty("natsPerCharacter", e.natsPerCharacter());
            }
            entry.addProperty("symbols", e.symbols());
            entry.addProperty("millis", e.millis());
            evaluations.add(entry);
        }
        meta.add("evaluations", evaluations);
        return meta.toString();
    }

    private static LstmConfig modelConfig(JsonObject o) {
        return new LstmConfig(o.get("vocabSize").getAsInt(), o.get("layers").getAsInt(), o.get("hidden").getAsInt(),
                o.get("embedding").getAsInt(), o.get("dropout").getAsDouble(),
                Precision.valueOf(o.get("precision").getAsString()),
                // files from before the GRU and RNN have no "cell": they are LSTMs
                o.has("cell") ? Cell.parse(o.get("cell").getAsString()) : Cell.LSTM,
                // and from before bidirectional models none says so: one-way
                o.has("bidirectional") && o.get("bidirectional").getAsBoolean());
    }

    private static OptimizerConfig optimizerConfig(JsonObject o) {
        JsonObject s = o.getAsJsonObject("schedule");
        LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Kind.valueOf(s.get("kind").getAsString()),
                s.get("stepEvery").getAsLong(), s.get("stepFactor").getAsDouble(), s.get("cosinePeriod").getAsLong(),
                s.get("minFactor").getAsDouble());
        return new OptimizerConfig(OptimizerConfig.Method.valueOf(o.get("method").getAsString()),
                o.get("learningRate").getAsDouble(), o.get("beta1").getAsDouble(), o.get("beta2").getAsDouble(),
                o.get("epsilon").getAsDouble(), o.get("clipNorm").getAsDouble(), schedule);
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new JsonParseException("\"" + key + "\" is missing");
        }
        return e.getAsJsonObject();
    }

    private static long nonNegative(JsonObject meta, String key, String name) throws BadCheckpointException {
        JsonElement e = meta.get(key);
        if (e == null) {
            throw new BadCheckpointException(name + ": meta.json lacks \"" + key + "\"");
        }
        long value = e.getAsLong();
        if (value < 0) {
            throw new BadCheckpointException(name + ": \"" + key + "\" is negative");
        }
        return value;
    }

    /** Longest word token a file may hold: far above what {@link org.charscope.text.WordTokens} makes. */
    private static final int MAX_TOKEN_LENGTH = 256;

    /** The characters (files from before word models have only these) or the words the model reads. */
    private static Symbols vocabulary(JsonObject meta, int size, String name) throws BadCheckpointException {
        JsonElement tokens = meta.get("tokens");
        if (tokens == null || tokens.getAsString().equals("chars")) {
            int[] codePoints = intArray(meta.getAsJsonArray("vocabulary"), size, name, "vocabulary");
            Set<Integer> distinct = new HashSet<>();
            for (int cp : codePoints) {
                if (!Character.isValidCodePoint(cp) || !distinct.add(cp)) {
                    throw new BadCheckpointException(name + ": the vocabulary holds an invalid or repeated code point " + cp);
                }
            }
            return Vocabulary.fromCodePoints(codePoints);
        }
        if (!tokens.getAsString().equals("words")) {
            throw new BadCheckpointException(name + ": unknown token level \"" + Checkpoint.oneLine(tokens.getAsString()) + "\"");
        }
        JsonArray words = meta.getAsJsonArray("words");
        if (words == null || words.size() != size) {
            throw new BadCheckpointException(name + ": the word list has " + (words == null ? 0 : words.size())
                    + " entries but the model reads " + size + " symbols");
        }
        List<String> list = new ArrayList<>(size);
        for (JsonElement word : words) {
            String token = word.getAsString();
            if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw new BadCheckpointException(name + ": the word list holds an empty or overlong token");
            }
            list.add(token);
        }
        JsonObject spelling = meta.getAsJsonObject("unknownSpelling");
        if (spelling == null) {
            throw new BadCheckpointException(name + ": a word model without its unknown-word spelling");
        }
        JsonArray letters = spelling.getAsJsonArray("codePoints");
        JsonArray counts = spelling.getAsJsonArray("counts");
        if (letters == null || counts == null || letters.size() != counts.size() || letters.size() > Character.MAX_CODE_POINT + 1) {
            throw new BadCheckpointException(name + ": the unknown-word spelling's characters and counts disagree");
        }
        int[] codePoints = new int[letters.size()];
        long[] letterCounts = new long[letters.size()];
        for (int i = 0; i < codePoints.length; i++) {
            codePoints[i] = letters.get(i).getAsInt();
            letterCounts[i] = counts.get(i).getAsLong();
            if (!Character.isValidCodePoint(codePoints[i])) {
                throw new BadCheckpointException(name + ": the unknown-word spelling holds an invalid code point");
            }
        }
        try {
            return new WordVocabulary(list, new UnknownSpelling(codePoints, letterCounts, spelling.get("ends").getAsLong()));
        } catch (IllegalArgumentException e) {
            throw new BadCheckpointException(name + ": " + Checkpoint.oneLine(e.getMessage()), e);
        }
    }

    private static int[] intArray(JsonArray array, int expected, String name, String what) throws BadCheckpointException {
        if (array == null || array.size() != expected) {
            throw new BadCheckpointException(name + ": the " + what + " has " + (array == null ? 0 : array.size())
                    + " entries but the model reads " + expected + " symbols");
        }
        int[] out = new int[expected];
        for (int i = 0; i < expected; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }
}
