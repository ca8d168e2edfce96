package org.charscope.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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
 * The checkpoint file: one zip holding
 * <pre>
 *   meta.json     format and version, model and optimizer settings, batch shape, seed, vocabulary
 *                 code points, iteration, epoch, batch position, learning-rate scale, optimizer
 *                 steps, training time, loss history, evaluations
 *   params.f32    [parameterCount] weights              raw little-endian float32
 *   adam_m.f32    [parameterCount] first moments        (zeros for RMSProp)
 *   adam_v.f32    [parameterCount] second moments
 *   state.f32     [2 · layers · batch · hidden] hidden state carried into the next batch
 * </pre>
 * No Java serialization. The dropout masks are a pure function of (seed, iteration), so those two
 * numbers are the whole random state. Writing goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the old file, so a crash leaves the old checkpoint or the new
 * one, never half of one. Reading checks everything against the settings before allocating and
 * reads no entry past the size those settings imply (a zip bomb or a lying header stops there).
 */
public final class Checkpoint {

    public static final String FORMAT = "charscope-checkpoint";
    public static final int VERSION = 1;
    static final String META = "meta.json";
    static final String PARAMS = "params.f32";
    static final String FIRST_MOMENT = "adam_m.f32";
    static final String SECOND_MOMENT = "adam_v.f32";
    static final String STATE = "state.f32";
    private static final Set<String> ENTRIES = Set.of(META, PARAMS, FIRST_MOMENT, SECOND_MOMENT, STATE);
    /** meta.json is small; a loss per iteration for ten million iterations fits. */
    static final int MAX_META_BYTES = 256 << 20;
    /** Larger models than this (1 GB of float32 weights) are refused before any allocation. */
    static final long MAX_PARAMETERS = 1L << 28;

    private Checkpoint() {
    }

    /** Writes {@code run} to {@code file} atomically (temporary file, fsync, rename). */
    public static void write(Path file, TrainingRun run) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        removeLeftovers(folder, absolute.getFileName().toString());
        Path temporary = Files.createTempFile(folder, temporaryPrefix(absolute.getFileName().toString(),
                ProcessHandle.current().pid()), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
                 ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
                byte[] meta = metaJson(run).getBytes(StandardCharsets.UTF_8);
                ZipEntry metaEntry = new ZipEntry(META);
                zip.putNextEntry(metaEntry);
                zip.write(meta);
                zip.closeEntry();
                putFloats(zip, PARAMS, run.parameters());
                putFloats(zip, FIRST_MOMENT, run.firstMoment());
                putFloats(zip, SECOND_MOMENT, run.secondMoment());
                putFloats(zip, STATE, run.hiddenState());
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads and checks a checkpoint.
     *
     * @throws BadCheckpointException if the file is not a complete checkpoint of this format
     * @throws IOException if the file cannot be read at all (missing, no permission)
     */
    public static TrainingRun read(Path file) throws BadCheckpointException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = Files.size(file);
        if (size == 0) {
            throw new BadCheckpointException(name + " is empty, not a CharScope checkpoint");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = entries(zip, name);
            JsonObject meta = parseMeta(zip, entries.get(META), name);
            return decode(zip, entries, meta, name);
        } catch (ZipException | EOFException e) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint, or it is truncated (" + e.getMessage() + ")", e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException
                 | NumberFormatException e) {
            throw new BadCheckpointException(name + " has unreadable settings: " + oneLine(e.getMessage()), e);
        }
    }

    private static Map<String, ZipEntry> entries(ZipFile zip, String name) throws BadCheckpointException {
        Map<String, ZipEntry> found = new java.util.HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (!ENTRIES.contains(entry.getName())) {
                throw new BadCheckpointException(name + " holds an unexpected entry \"" + oneLine(entry.getName())
                        + "\"; not a CharScope checkpoint");
            }
            if (found.put(entry.getName(), entry) != null) {
                throw new BadCheckpointException(name + " holds " + entry.getName() + " twice");
            }
        }
        for (String needed : List.of(META, PARAMS, FIRST_MOMENT, SECOND_MOMENT, STATE)) {
            if (!found.containsKey(needed)) {
                throw new BadCheckpointException(name + " lacks " + needed + "; not a complete CharScope checkpoint");
            }
        }
        return found;
    }

    private static JsonObject parseMeta(ZipFile zip, ZipEntry entry, String name)
            throws IOException, BadCheckpointException {
        if (entry.getSize() > MAX_META_BYTES) {
            throw new BadCheckpointException(name + ": meta.json declares " + entry.getSize() + " bytes, more than any checkpoint needs");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = readAtMost(in, MAX_META_BYTES, name + ": meta.json is larger than any checkpoint needs");
        }
        JsonElement root = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        if (!root.isJsonObject()) {
            throw new BadCheckpointException(name + ": meta.json is not a JSON object");
        }
        JsonObject meta = root.getAsJsonObject();
        if (!meta.has("format") || !FORMAT.equals(meta.get("format").getAsString())) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint (no \"format\": \"" + FORMAT + "\")");
        }
        int version = meta.get("version").getAsInt();
        if (version != VERSION) {
            throw new BadCheckpointException(name + " is a checkpoint of format version " + version
                    + "; this CharScope reads version " + VERSION);
        }
        return meta;
    }

    private static TrainingRun decode(ZipFile zip, Map<String, ZipEntry> entries, JsonObject meta, String name)
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
            new TrainingConfig(seqLength, batchSize, optimizer, 0, 1, 0, 0, 0, 1); // range checks
        } catch (IllegalArgumentException e) {
            throw new BadCheckpointException(name + " has impossible settings: " + oneLine(e.getMessage()), e);
        }
        long seed = meta.getAsJsonObject("training").get("seed").getAsLong();
        // files from before windowed training have no "windowed": they trained statefully
        JsonElement windowedField = meta.getAsJsonObject("training").get("windowed");
        boolean windowed = windowedField != null && windowedField.getAsBoolean();
        if (model.bidirectional() && !windowed) {
            throw new BadCheckpointException(name + " has impossible settings: a bidirectional model that trained statefully");
        }
        long parameterCount = model.parameterCount();
        if (parameterCount > MAX_PARAMETERS) {
            throw new BadCheckpointException(name + " describes a model of " + parameterCount
                    + " parameters, more than CharScope loads (" + MAX_PARAMETERS + ")");
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

        float[] parameters = readFloats(zip, entries.get(PARAMS), parameterCount, name);
        float[] firstMoment = readFloats(zip, entries.get(FIRST_MOMENT), parameterCount, name);
        float[] secondMoment = readFloats(zip, entries.get(SECOND_MOMENT), parameterCount, name);
        float[] hiddenState = readFloats(zip, entries.get(STATE), stateCount, name);
        return new TrainingRun(model, optimizer, seqLength, batchSize, seed, vocabulary, iteration, batchPosition, epoch,
                learningRateScale, optimizerSteps, trainingMillis, losses, evaluations, parameters, firstMoment,
                secondMoment, hiddenState, windowed);
    }

    /** Reads exactly {@code count} floats: refuses an entry that declares or holds any other size. */
    private static float[] readFloats(ZipFile zip, ZipEntry entry, long count, String name)
            throws IOException, BadCheckpointException {
        long bytes = count * Float.BYTES;
        if (entry.getSize() != -1 && entry.getSize() != bytes) {
            throw new BadCheckpointException(name + ": " + entry.getName() + " holds " + entry.getSize() + " bytes but the model's settings need "
                    + bytes + "; the file and its settings disagree");
        }
        byte[] raw = new byte[Math.toIntExact(bytes)];
        try (InputStream in = zip.getInputStream(entry)) {
            int read = in.readNBytes(raw, 0, raw.length);
            if (read != raw.length || in.read() != -1) {
                throw new BadCheckpointException(name + ": " + entry.getName() + " does not hold the " + bytes
                        + " bytes the model's settings need; the file and its settings disagree");
            }
        }
        float[] out = new float[(int) count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static byte[] readAtMost(InputStream in, int cap, String tooLarge) throws IOException, BadCheckpointException {
        byte[] bytes = in.readNBytes(cap);
        if (in.read() != -1) {
            throw new BadCheckpointException(tooLarge);
        }
        return bytes;
    }

    private static void putFloats(ZipOutputStream zip, String name, float[] values) throws IOException {
        byte[] raw = new byte[values.length * Float.BYTES];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        CRC32 crc = new CRC32();
        crc.update(raw);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED); // float weights barely compress; storing keeps saving fast
        entry.setSize(raw.length);
        entry.setCompressedSize(raw.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(raw);
        zip.closeEntry();
    }

    static String metaJson(TrainingRun run) {
        JsonObject meta = new JsonObject();
        meta.addProperty("format", FORMAT);
        meta.addProperty("version", VERSION);
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
            throw new BadCheckpointException(name + ": unknown token level \"" + oneLine(tokens.getAsString()) + "\"");
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
            throw new BadCheckpointException(name + ": " + oneLine(e.getMessage()), e);
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

    /**
     * Temporary files are named {@code .NAME.PID.RANDOM.tmp}: the random part keeps two writers of one
     * checkpoint apart (the periodic save and the final one), the process id says whose a file is.
     */
    private static String temporaryPrefix(String name, long pid) {
        return "." + name + "." + pid + ".";
    }

    /**
     * Deletes the temporary files that writers of this checkpoint left when they were killed
     * mid-write ({@code kill -9}, a power cut): those whose process is gone. Each is as large as
     * the checkpoint, and an overnight run killed a few times would otherwise leave them piling up.
     */
    static void removeLeftovers(Path folder, String name) {
        String start = "." + name + ".";
        try (var files = Files.newDirectoryStream(folder, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(start) && n.endsWith(".tmp");
        })) {
            for (Path leftover : files) {
                String rest = leftover.getFileName().toString().substring(start.length());
                int dot = rest.indexOf('.');
                long pid;
                try {
                    pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                boolean ours = pid == ProcessHandle.current().pid();
                boolean writerAlive = !ours && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                // ours: another thread may be writing it now, unless it is old (an earlier process had our pid)
                if (ours ? isStale(leftover) : !writerAlive) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying is a courtesy: never a reason not to save
        }
    }

    /** One of this process's own temporary files that no write of the last hour is still using. */
    private static boolean isStale(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 3_600_000L;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a folder; the file itself is already on disk
        }
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
