package org.charscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * meta.json as the previous release wrote it (fixtures in {@code src/test/resources/fixtures/release-0.1},
 * read by {@code ReleaseFixturesTest}): what this code writes must be what that release reads.
 */
class CheckpointMetaTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lstm-2x16-dropout", "lstm-2x16-dropout-resumed", "gru-1x24", "rnn-2x16", "words-1x16",
            "bidirectional-2x16", "window-cosine-2x16"})
    void aRunOfThePreviousReleaseIsWrittenAsThatReleaseWroteIt(String model) throws Exception {
        Path file = fixture(model + ".zip");

        String written = CheckpointMeta.of(Checkpoint.read(file)).toJson();

        assertEquals(metaJson(file), written, "byte for byte: the same keys, order, numbers and escapes");
    }

    @Test
    void aCheckpointWrittenNowHasTheKeysOfOneFromThePreviousRelease() throws Exception {
        TrainingData data = TrainerTest.data();
        Trainer trainer = new Trainer(TrainerTest.model(data, 0.1), TrainerTest.config().withIntervals(1, 2).withLimits(4, 0), data);
        trainer.start();
        trainer.awaitStop(60, TimeUnit.SECONDS);
        Path now = dir.resolve("now.zip");
        Checkpoint.write(now, trainer.finalRun());

        Set<String> keys = keys(JsonParser.parseString(metaJson(now)), "");

        assertEquals(keys(JsonParser.parseString(metaJson(fixture("lstm-2x16-dropout.zip"))), ""), keys);
        assertTrue(keys.contains("evaluations[].natsPerSymbol"), "the scan reaches into arrays: " + keys);
    }

    @Test
    void theFirstMissingFieldIsNamedByItsPathAndOptionalOnesAreNotMissing() throws Exception {
        JsonObject json = JsonParser.parseString(metaJson(fixture("words-1x16.zip"))).getAsJsonObject();
        assertNull(mapped(json).missing(), "a whole file lacks nothing");

        json.getAsJsonArray("losses").set(0, JsonNull.INSTANCE);                              // a failed iteration
        json.getAsJsonObject("model").remove("cell");                                         // from before the GRU
        json.getAsJsonArray("evaluations").get(0).getAsJsonObject().remove("natsPerCharacter"); // a character model's
        assertNull(mapped(json).missing());

        json.getAsJsonArray("evaluations").get(0).getAsJsonObject().remove("millis");
        assertEquals("evaluations[].millis", mapped(json).missing());
        json.getAsJsonObject("optimizer").getAsJsonObject("schedule").remove("kind");
        assertEquals("optimizer.schedule.kind", mapped(json).missing(), "the first in the file's order");
    }

    private static CheckpointMeta mapped(JsonObject json) {
        return new Gson().fromJson(json, CheckpointMeta.class);
    }

    /** Every key path in {@code json}: "model.hidden", "evaluations[].iteration". */
    private static Set<String> keys(JsonElement json, String at) {
        Set<String> keys = new TreeSet<>();
        if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                String key = at + entry.getKey();
                keys.add(key);
                keys.addAll(keys(entry.getValue(), key + "."));
            }
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(element -> keys.addAll(keys(element, at.substring(0, at.length() - 1) + "[].")));
        }
        return keys;
    }

    private static String metaJson(Path checkpoint) throws IOException {
        try (ZipFile zip = new ZipFile(checkpoint.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("meta.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CheckpointMetaTest.class.getResource("/fixtures/release-0.1/" + name).toURI());
    }
}
