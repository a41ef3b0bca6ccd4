package org.qvd.image.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qvd.vmas.platform.InvalidInputException;

/**
 * The image storage that every host reaches ({@code qvd.images.dir}, env {@code QVD_IMAGES_DIR}):
 * uploads are streamed to a temporary file beside their final place, then moved, so a broken
 * upload never leaves a half file under a DI's name.
 */
@ApplicationScoped
public class ImageStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject
    @ConfigProperty(name = "qvd.images.dir", defaultValue = "/var/lib/qvd/storage/images")
    String directory;

    public Path save(long osfId, String fileName, InputStream body) {
        String safe = safeName(fileName);
        Path dir = Path.of(directory, "osf-" + osfId);
        Path target = dir.resolve(LocalDateTime.now().format(STAMP) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "-" + safe);
        Path partial = dir.resolve("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(partial) == 0) {
                Files.delete(partial);
                throw new InvalidInputException("di.empty_upload", "the uploaded image is empty");
            }
            // world-readable: libvirt runs qemu as its own user (see STACK.md)
            partial.toFile().setReadable(true, false);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(partial);
            throw new UncheckedIOException("cannot store the uploaded image", e);
        }
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the orphan is harmless and visible to an operator
        }
    }

    static String safeName(String fileName) {
        String base = fileName == null ? "" : Path.of(fileName).getFileName().toString();
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.startsWith(".")) {
            throw new InvalidInputException("validation.failed", "fileName: must be a plain file name");
        }
        return cleaned;
    }
}
