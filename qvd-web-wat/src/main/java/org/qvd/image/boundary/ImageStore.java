package org.qvd.image.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.qvd.vmas.platform.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The WAT's side of image files: the staging directory (images an operator dropped there) and the
 * image directory that DIs point to. Directories from system properties or the environment
 * ({@code qvd.images.staging} / {@code QVD_IMAGES_STAGING}, {@code qvd.images.dir} / {@code QVD_IMAGES_DIR}).
 */
@ApplicationScoped
public class ImageStore {

    static final String DEFAULT_STAGING = "/var/lib/qvd/storage/staging";
    static final String DEFAULT_IMAGES = "/var/lib/qvd/storage/images";

    Path staging() {
        return Path.of(setting("qvd.images.staging", "QVD_IMAGES_STAGING", DEFAULT_STAGING));
    }

    Path images() {
        return Path.of(setting("qvd.images.dir", "QVD_IMAGES_DIR", DEFAULT_IMAGES));
    }

    /** File names in the staging directory (none if it does not exist). */
    public List<String> staged() {
        if (!Files.isDirectory(staging())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a staged file into the image directory; returns the new path. */
    public String importStaged(String name) {
        Path source = staging().resolve(safe(name));
        if (!Files.isRegularFile(source)) {
            throw new InvalidInputException("di.staging_missing", "no file '" + name + "' in " + staging());
        }
        try {
            Files.createDirectories(images());
            Path target = images().resolve(source.getFileName());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return target.toString();
        } catch (IOException e) {
            throw new InvalidInputException("di.copy_failed", "cannot copy into " + images() + ": " + e.getMessage());
        }
    }

    /** Stores an uploaded file in the image directory; returns its path. */
    public String store(String name, InputStream content) throws IOException {
        Files.createDirectories(images());
        Path target = images().resolve(safe(name));
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        return target.toString();
    }

    /** Only a plain file name: no directories, no way out of the directory. */
    static String safe(String name) {
        String base = name == null ? "" : Path.of(name).getFileName().toString();
        if (base.isBlank() || base.startsWith(".") || !base.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException("di.bad_file_name", "invalid image file name '" + name + "'");
        }
        return base;
    }

    private static String setting(String property, String env, String dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }
}
