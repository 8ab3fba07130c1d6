package org.mscsim.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Keeps two {@code sweep} commands off one directory: whoever runs or submits a sweep holds an
 * exclusive lock on {@code DIR/.lock} for the whole command, so a second one (a double-clicked
 * script, a resume typed in another terminal) is refused before it changes anything — it would
 * otherwise clear the first one's runs in progress from {@code tmp/} and rewrite its manifest.
 * The file names the holder (pid, host, start time, command), for the refusal message.
 *
 * <p>Only the command that drives a sweep takes the lock. Slurm array tasks ({@code sweep-task})
 * run by the hundred on many nodes at once and never lock: each run goes to its own temporary
 * directory and is renamed into place, and the submitter refuses to start while the sweep's jobs
 * are queued or running. {@code sweep-status}, {@code sweep-collect} and {@code sensitivity} only
 * read runs and write single files atomically.
 *
 * <p>The lock is an OS file lock ({@code fcntl}), released by the kernel when the process ends
 * however it ends, so a killed sweep never leaves a stale lock. On a filesystem without locking
 * (some NFS mounts) {@link #acquire} goes ahead unlocked and says so in {@link #note()}.
 */
public final class SweepLock implements AutoCloseable {

    public static final String FILE = ".lock";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean createdRoot;
    private final String note;

    private SweepLock(Path root, FileChannel channel, FileLock lock, boolean createdRoot, String note) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
        this.createdRoot = createdRoot;
        this.note = note;
    }

    /** Another process (or another command in this one) holds the lock. */
    public static final class Held extends Exception {
        private static final long serialVersionUID = 1L;

        Held(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of sweep directory {@code root}, creating the directory if needed.
     *
     * @param command what this process is doing, for a refused second command's message
     * @throws Held if someone else holds it; the message names the holder
     */
    public static SweepLock acquire(Path root, String command) throws IOException, Held {
        boolean created = !Files.exists(root);
        Files.createDirectories(root);
        Path file = root.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new Held(root + " is in use by another sweep command in this process (pid " + ProcessHandle.current().pid() + ")");
        } catch (IOException e) {
            // e.g. "No locks available" on NFS without lockd: carry on, but say so.
            ch.close();
            return new SweepLock(root, null, null, created, "cannot lock " + file + " (" + e.getMessage()
                    + "); make sure no other sweep command uses " + root + " at the same time");
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new Held(root + " is in use by another sweep command" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait until it has finished or stop it, then run this command again");
        }
        LockHolder.write(ch, oneLine(command));
        return new SweepLock(root, ch, lock, created, null);
    }

    /** Why the directory could not be locked (the command goes ahead unlocked), or null. */
    public String note() {
        return note;
    }

    /**
     * Releases the lock. If this command created the directory and no sweep was started in it
     * (refused, or out of space before {@code sweep.json}), the directory goes too.
     */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            try {
                channel.truncate(0);
            } finally {
                lock.release();
                channel.close();
            }
        }
        if (createdRoot && !SweepDir.isSweepDir(root)) {
            Files.deleteIfExists(root.resolve(FILE));
            Path runs = root.resolve("runs");
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    if (s.findAny().isEmpty()) {
                        Files.deleteIfExists(runs);
                    }
                }
            }
            try (Stream<Path> s = Files.list(root)) {
                if (s.findAny().isEmpty()) {
                    Files.deleteIfExists(root);
                }
            }
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(4096);
            int n = ch.read(b, 0);
            return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
        return t.length() <= 300 ? t : t.substring(0, 300) + "...";
    }

    /**
     * This machine's name as {@code hostname} prints it. The kernel's own copy comes first: the
     * shell's HOSTNAME is not always exported, and the resolver's name may be another spelling
     * of it, so two commands on one machine would otherwise name it differently.
     */
    static String host() {
        try {
            String k = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!k.isEmpty() && !k.contains(" ")) {
                return k;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the environment, then the resolver
        }
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
        }
        return h;
    }
}
