package org.mscsim.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test: a disk that fills up after a few kilobytes, or one that is
 * read-only. Mounting needs root (CI runs as root); elsewhere {@link #mount} returns null and the
 * test is skipped with a note.
 */
final class TinyDisk implements AutoCloseable {

    private final Path dir;
    private final Path filler;

    private TinyDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code size} (e.g. "512k") at {@code dir}, or returns null if this machine will not. */
    static TinyDisk mount(Path dir, String size, boolean readOnly) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        Files.createDirectories(dir);
        String options = "size=" + size + ",mode=0755" + (readOnly ? ",ro" : "");
        return run(List.of("mount", "-t", "tmpfs", "-o", options, "mscsim-test", dir.toString())) == 0 ? new TinyDisk(dir) : null;
    }

    Path dir() {
        return dir;
    }

    /** Fills the disk until only about {@code bytes} are free. */
    void leave(long bytes) throws IOException {
        free();
        long usable = Files.getFileStore(dir).getUsableSpace();
        long fill = Math.max(0, usable - bytes);
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[4096];
            for (long written = 0; written < fill; written += block.length) {
                f.write(block, 0, (int) Math.min(block.length, fill - written));
            }
        }
    }

    /** Gives the space back. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run(List.of("umount", dir.toString())) != 0) {
            run(List.of("umount", "-l", dir.toString()));
        }
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.out.println("note: " + String.join(" ", cmd) + ": " + out.strip());
        }
        return p.exitValue();
    }
}
