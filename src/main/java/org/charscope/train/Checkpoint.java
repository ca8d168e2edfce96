package org.charscope.train;

import com.google.gson.JsonParseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.charscope.io.AtomicFile;

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
 *   attached/…    optional entries of the layers above (a snapshot's detectors), skipped here
 * </pre>
 * A snapshot ({@link TrainingRun#isSnapshot()}) is the same file without {@code adam_m.f32} and
 * {@code adam_v.f32}, and its meta.json says {@code "snapshot": true}; it opens like any
 * checkpoint, but a run cannot continue from it.
 * No Java serialization. The dropout masks are a pure function of (seed, iteration), so those two
 * numbers are the whole random state. Writing goes through {@link AtomicFile}, so a crash leaves the
 * old checkpoint or the new one, never half of one. Reading checks everything against the settings
 * before allocating and reads no entry past the size those settings imply (a zip bomb or a lying
 * header stops there).
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
    /**
     * Where entries that this class does not read begin: data that another package keeps with the
     * weights it belongs to (a snapshot's detectors), so that one file stays one file.
     */
    public static final String ATTACHED = "attached/";
    /** meta.json is small; a loss per iteration for ten million iterations fits. */
    static final int MAX_META_BYTES = 256 << 20;
    /** Larger models than this (1 GB of float32 weights) are refused before any allocation. */
    static final long MAX_PARAMETERS = 1L << 28;

    private Checkpoint() {
    }

    /** Writes {@code run} to {@code file} atomically ({@link AtomicFile}: temporary file, fsync, rename). */
    public static void write(Path file, TrainingRun run) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, out -> write(out, run, Map.of()));
    }

    /**
     * Writes {@code run} as a checkpoint zip to {@code out}, with {@code attached} entries after it
     * (each name must start with {@link #ATTACHED}; stored as they are). For a writer that needs
     * the file's size before it is written (a snapshot folder's budget); it then writes the bytes
     * through {@link AtomicFile} like every file.
     */
    public static void write(OutputStream out, TrainingRun run, Map<String, byte[]> attached) throws IOException {
        byte[] meta = CheckpointMeta.of(run).toJson().getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(META));
            zip.write(meta);
            zip.closeEntry();
            putFloats(zip, PARAMS, run.parameters());
            if (!run.isSnapshot()) {
                putFloats(zip, FIRST_MOMENT, run.firstMoment());
                putFloats(zip, SECOND_MOMENT, run.secondMoment());
            }
            putFloats(zip, STATE, run.hiddenState());
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(attached).entrySet()) {
                if (!entry.getKey().startsWith(ATTACHED)) {
                    throw new IllegalArgumentException("an attached entry's name starts with " + ATTACHED + ": " + entry.getKey());
                }
                putStored(zip, entry.getKey(), entry.getValue());
            }
        }
    }

    /**
     * The entries under {@link #ATTACHED} of a checkpoint, by name, each at most {@code maxBytes}
     * (a larger one is refused before it is read); empty when it has none.
     */
    public static Map<String, byte[]> attached(Path file, int maxBytes) throws BadCheckpointException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Map<String, byte[]> found = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.getName().startsWith(ATTACHED)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        found.put(entry.getName(), readAtMost(in, maxBytes, name + ": " + entry.getName() + " is larger than "
                                + maxBytes + " bytes"));
                    }
                }
            }
        } catch (ZipException | EOFException e) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint, or it is truncated (" + e.getMessage() + ")", e);
        }
        return found;
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
            CheckpointMeta meta = CheckpointMeta.parse(zip, entries.get(META), name);
            checkComplete(entries, meta.isSnapshot(), name);
            return CheckpointDecoder.decode(meta, name, (entry, count) -> readFloats(zip, entries.get(entry), count, name));
        } catch (ZipException | EOFException e) {
            throw new BadCheckpointException(name + " is not a CharScope checkpoint, or it is truncated (" + e.getMessage() + ")", e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException
                 | NumberFormatException e) {
            throw new BadCheckpointException(name + " has unreadable settings: " + oneLine(e.getMessage()), e);
        }
    }

    /** The entries this class reads, by name, each once; meta.json is there. */
    private static Map<String, ZipEntry> entries(ZipFile zip, String name) throws BadCheckpointException {
        Map<String, ZipEntry> found = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entry.getName().startsWith(ATTACHED)) {
                continue;
            }
            if (!ENTRIES.contains(entry.getName())) {
                throw new BadCheckpointException(name + " holds an unexpected entry \"" + oneLine(entry.getName())
                        + "\"; not a CharScope checkpoint");
            }
            if (found.put(entry.getName(), entry) != null) {
                throw new BadCheckpointException(name + " holds " + entry.getName() + " twice");
            }
        }
        if (!found.containsKey(META)) {
            throw new BadCheckpointException(name + " lacks " + META + "; not a complete CharScope checkpoint");
        }
        return found;
    }

    /** Every entry a checkpoint needs is there, and a snapshot has no moments (it says it has none). */
    private static void checkComplete(Map<String, ZipEntry> found, boolean snapshot, String name) throws BadCheckpointException {
        List<String> needed = snapshot ? List.of(PARAMS, STATE) : List.of(PARAMS, FIRST_MOMENT, SECOND_MOMENT, STATE);
        for (String entry : needed) {
            if (!found.containsKey(entry)) {
                throw new BadCheckpointException(name + " lacks " + entry + "; not a complete CharScope checkpoint");
            }
        }
        if (snapshot && (found.containsKey(FIRST_MOMENT) || found.containsKey(SECOND_MOMENT))) {
            throw new BadCheckpointException(name + " says it is a snapshot but holds the optimizer's moments");
        }
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

    static byte[] readAtMost(InputStream in, int cap, String tooLarge) throws IOException, BadCheckpointException {
        byte[] bytes = in.readNBytes(cap);
        if (in.read() != -1) {
            throw new BadCheckpointException(tooLarge);
        }
        return bytes;
    }

    private static void putFloats(ZipOutputStream zip, String name, float[] values) throws IOException {
        byte[] raw = new byte[values.length * Float.BYTES];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        putStored(zip, name, raw);
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] raw) throws IOException {
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

    static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
