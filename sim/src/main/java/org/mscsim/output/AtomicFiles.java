package org.mscsim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees a half-written one: the bytes go to a temporary file
 * in the same directory, are forced to disk, and the file is renamed over its final name.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporary(target);
        try {
            Files.write(tmp, bytes);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            publish(tmp, target);
        } catch (IOException e) {
            throw naming(target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the write failed already, or the file is gone; a hidden .partial file is never read
            }
        }
    }

    /**
     * The error as a person needs it: {@code file: reason}. A full disk shows as a bare "No space
     * left on device" from the stream and a refused directory as just its path
     * (AccessDeniedException); neither says what could not be written or why.
     */
    public static IOException naming(Path file, IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(file + ": ")) {
            return e;
        }
        return new IOException(file + ": " + reason(e), e);
    }

    /** Why an I/O operation failed, without the path: the system's reason, or what the exception type means. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (e instanceof NotDirectoryException) {
                return "not a directory";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "directory not empty";
            }
            return "cannot be written";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The name a file is written under before {@link #publish}: hidden, beside the target. */
    public static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** Renames a completed temporary file onto its final name, atomically where supported. */
    public static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
