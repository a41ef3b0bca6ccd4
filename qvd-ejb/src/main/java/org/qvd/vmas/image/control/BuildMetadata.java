package org.qvd.vmas.image.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * The metadata file that {@code images/build.sh} writes beside each image ({@code <image>.json}): version,
 * build inputs and, for direct kernel boot, the kernel, initrd and command line that belong to that image.
 */
public record BuildMetadata(
        String name,
        String version,
        String image,
        String kernel,
        String initrd,
        String cmdline,
        String builtAt,
        String suite,
        String inputsHash) {

    /** The sidecar of {@code image} ({@code x.qcow2} → {@code x.json}), if there is one. */
    public static Optional<BuildMetadata> besides(Path image) {
        String file = image.getFileName().toString();
        int dot = file.lastIndexOf('.');
        Path sidecar = image.resolveSibling((dot > 0 ? file.substring(0, dot) : file) + ".json");
        return Files.isRegularFile(sidecar) ? Optional.of(read(sidecar)) : Optional.empty();
    }

    static BuildMetadata read(Path json) {
        try (InputStream in = Files.newInputStream(json);
                JsonReader reader = Json.createReader(in)) {
            JsonObject o = reader.readObject();
            return new BuildMetadata(
                    text(o, "name"),
                    text(o, "version"),
                    text(o, "image"),
                    text(o, "kernel"),
                    text(o, "initrd"),
                    text(o, "cmdline"),
                    text(o, "built_at"),
                    text(o, "suite"),
                    text(o, "inputs_hash"));
        } catch (IOException | JsonException | ClassCastException e) {
            throw new InvalidInputException(
                    ImageError.DI_BAD_METADATA,
                    "unreadable image metadata " + json.getFileName() + ": " + e.getMessage());
        }
    }

    /** True when the image needs the host to boot it with its own kernel (it has no boot loader). */
    public boolean directBoot() {
        return kernel != null;
    }

    /** A description for the DI, e.g. "qvd-desktop built 2026-11-26T17:34:20Z (bookworm, inputs 15608e56…)". */
    public String description() {
        return (name == null ? "image" : name) + " built " + builtAt + " (" + suite + ", inputs " + inputsHash + ")";
    }

    private static String text(JsonObject o, String key) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return null;
        }
        JsonValue v = o.get(key);
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
    }
}
