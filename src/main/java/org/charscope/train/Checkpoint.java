package org.charscope.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
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
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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
                byte[] meta = CheckpointMeta.toJson(run).getBytes(StandardCharsets.UTF_8);
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
            JsonObject meta = CheckpointMeta.parse(zip, entries.get(META), name);
            return CheckpointMeta.decode(meta, name, (entry, count) -> readFloats(zip, entries.get(entry), count, name));
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

    static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
