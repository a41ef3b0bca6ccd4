package org.qvd.vmas.image.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.platform.ServerConfig;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;

/**
 * The two image directories of the farm. Staging ({@code qvd.images.staging}, env {@code QVD_IMAGES_STAGING}) is
 * where operators and the image build drop files; the image storage ({@code qvd.images.dir}, env
 * {@code QVD_IMAGES_DIR}) is what every host reads, as one flat libvirt directory pool: an OSF's files are
 * named {@code osf-<id>-<file>} (a file in a subdirectory would not be a volume of the hosts' pool). Importing links the file into the
 * storage when both are on one file system (instant, no second copy of a 600 MB image), else copies it.
 * <p>
 * A DI only ever names a file this class placed for its OSF ({@link #owns}): no API takes a host path, so a
 * tenant cannot point a DI at another tenant's image or at any other file of the host.
 */
@ApplicationScoped
public class ImageStorage {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ImageStorage.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    static final String DEFAULT_STAGING = "/var/lib/qvd/storage/staging";
    static final String DEFAULT_IMAGES = "/var/lib/qvd/storage/images";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String IMAGE_SUFFIXES = ".*\\.(qcow2|img|raw|tar)";

    public Path staging() {
        return Path.of(ServerConfig.text("qvd.images.staging", DEFAULT_STAGING));
    }

    public Path images() {
        return Path.of(ServerConfig.text("qvd.images.dir", DEFAULT_IMAGES))
                .toAbsolutePath()
                .normalize();
    }

    /** The disk images waiting in staging (metadata, kernels and other files are not listed). */
    public List<StagedImage> staged() {
        if (!Files.isDirectory(staging())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging())) {
            List<StagedImage> images = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (p.getFileName().toString().matches(IMAGE_SUFFIXES)) {
                    images.add(new StagedImage(
                            p.getFileName().toString(),
                            Files.size(p),
                            BuildMetadata.besides(p).orElse(null)));
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staged image named {@code file}, refused when it is no plain name or not there. */
    public StagedImage stagedImage(String file) {
        String name = plainName(file);
        return staged().stream()
                .filter(s -> s.file().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        ImageError.DI_STAGING_MISSING,
                        "no image '" + name + "' in the staging directory " + staging()));
    }

    /** A file an import put into the storage; {@code created} false when it was there already (same file). */
    public record Placed(Path path, boolean created) {}

    /**
     * Puts a staged file (image, kernel, initrd) into the image storage under the OSF's prefix. A file of that name that is
     * not the same file is refused: it may be the image of a DI that VMs run.
     */
    public Placed importFile(long osfId, String file) {
        Path source = staging().resolve(plainName(file));
        if (!Files.isRegularFile(source)) {
            throw new InvalidInputException(ImageError.DI_STAGING_MISSING, "no file '" + file + "' in " + staging());
        }
        Path dir = images();
        Path target = dir.resolve(prefix(osfId) + source.getFileName());
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                if (!Files.isSameFile(source, target)) {
                    throw new ConflictException(
                            ImageError.DI_FILE_EXISTS,
                            "the image storage already has another file named '" + target.getFileName()
                                    + "' for this OSF");
                }
                return new Placed(target, false);
            }
            linkOrCopy(source, target);
            // world-readable: libvirt runs qemu as its own user
            target.toFile().setReadable(true, false);
            return new Placed(target, true);
        } catch (IOException e) {
            throw new InvalidInputException(
                    ImageError.DI_COPY_FAILED, "cannot put " + file + " into " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Streams an uploaded image into the image storage under a unique name: first into a hidden
     * partial file, then moved, so a broken upload never leaves a half file under a DI's name.
     */
    public Path store(long osfId, String fileName, InputStream body) {
        String safe = uploadName(fileName);
        Path dir = images();
        Path target = dir.resolve(prefix(osfId) + LocalDateTime.now().format(STAMP) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "-" + safe);
        Path partial = dir.resolve("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(partial) == 0) {
                Files.delete(partial);
                throw new InvalidInputException(ImageError.DI_EMPTY_UPLOAD, "the uploaded image is empty");
            }
            partial.toFile().setReadable(true, false);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(List.of(new Placed(partial, true)));
            throw new UncheckedIOException("cannot store the uploaded image", e);
        }
    }

    /**
     * Whether {@code path} is a file this storage placed for the OSF: a plain regular file (no link) directly in
     * the image directory, named {@code osf-<osfId>-…}. Every file a DI names must pass this.
     */
    public boolean owns(long osfId, String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        Path p = Path.of(path);
        Path dir = images().toAbsolutePath().normalize();
        return p.isAbsolute()
                && p.normalize().equals(p)
                && dir.equals(p.getParent())
                && p.getFileName().toString().startsWith(prefix(osfId))
                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** The name prefix of an OSF's files in the image storage. */
    public static String prefix(long osfId) {
        return "osf-" + osfId + "-";
    }

    /**
     * Removes the files when the current transaction commits (a deleted DI's image, kernel, initrd); only files
     * this storage placed for the OSF are touched. A rolled-back delete leaves them.
     */
    public void deleteAfterCommit(long osfId, List<String> paths) {
        List<Path> mine =
                paths.stream().filter(p -> owns(osfId, p)).map(Path::of).toList();
        if (mine.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new AfterCompletion(true, mine));
    }

    /**
     * Removes the files an upload or import placed if the current transaction does not commit: a refusal after the
     * file arrived (duplicate version at commit, a database error) leaves no file behind.
     */
    public void discardOnRollback(List<Placed> files) {
        List<Path> created =
                files.stream().filter(Placed::created).map(Placed::path).toList();
        if (!created.isEmpty()) {
            transactions.registerInterposedSynchronization(new AfterCompletion(false, created));
        }
    }

    /** Deletes files after a commit ({@code onCommit}) or after anything else. */
    private record AfterCompletion(boolean onCommit, List<Path> files) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) != onCommit) {
                return;
            }
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warning("could not delete " + f + ": " + e.getMessage());
                }
            }
        }
    }

    /** Removes files an import put in place when the import is refused after all. */
    public void discard(List<Placed> files) {
        for (Placed f : files) {
            try {
                if (f.created()) {
                    Files.deleteIfExists(f.path());
                }
            } catch (IOException e) {
                // a harmless orphan an operator can see; the refusal matters more
            }
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try {
            Files.createLink(partial, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An uploaded file's name as it will be stored: path parts dropped, odd characters replaced. */
    static String uploadName(String fileName) {
        String base = fileName == null ? "" : Path.of(fileName).getFileName().toString();
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.startsWith(".")) {
            throw new InvalidInputException(PlatformError.VALIDATION_FAILED, "fileName: must be a plain file name");
        }
        return cleaned;
    }

    /** Only a plain file name: no directories, no way out of the directory. */
    static String plainName(String name) {
        String base = name == null ? "" : name.trim();
        if (base.isEmpty() || base.startsWith(".") || !base.matches("[A-Za-z0-9._+-]+")) {
            throw new InvalidInputException(ImageError.DI_BAD_FILE_NAME, "invalid image file name '" + name + "'");
        }
        return base;
    }
}
