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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a process writes into a lock file it holds ({@code DIR/.lock} for a sweep command,
 * {@code partial/RUN_ID.lock} for a run being computed): {@code pid N on host H since T: what}.
 * Readers that must not take the lock themselves ({@code sweep-status}) use it to tell who holds
 * the file and whether that process still lives, so a lock file left by a killed process
 * ({@code kill -9}, a power cut) never reads as in use.
 */
public final class LockHolder {

    private static final Pattern LINE = Pattern.compile("pid (\\d+) on host (\\S+) since (\\S+): (.*)");

    /** Whether the holder of a lock file is alive, as far as this process can tell. */
    public enum Liveness { ALIVE, DEAD, UNKNOWN }

    /** A holder read back from a lock file. */
    public record Holder(long pid, String host, Instant since, String what, Liveness liveness) {

        /** "pid N on host H since T", for messages. */
        public String describe() {
            return "pid " + pid + " on host " + host + " since " + since;
        }
    }

    private LockHolder() {
    }

    /** The line this process writes: its pid, host and the time now, then {@code what}. */
    static String line(String what) {
        return "pid " + ProcessHandle.current().pid() + " on host " + SweepLock.host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + what + "\n";
    }

    /** Replaces the content of a lock file this process holds with its line. */
    static void write(FileChannel ch, String what) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(line(what).getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
    }

    /**
     * Who holds {@code file}, or empty if it does not exist, is empty (released) or holds no
     * holder line. The holder is {@link Liveness#ALIVE} if its process runs on this host and is
     * the one that wrote the line (a pid reused by a later process does not count);
     * {@link Liveness#DEAD} if not. A holder on another host is judged by the lock itself when
     * {@code probe} is set (see {@link #heldElsewhere}), else {@link Liveness#UNKNOWN}.
     */
    public static Optional<Holder> read(Path file, boolean probe) {
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0 || Files.size(file) > 4096) {
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long pid;
        Instant since;
        try {
            pid = Long.parseLong(m.group(1));
            since = Instant.parse(m.group(3));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        String host = m.group(2);
        Liveness liveness;
        if (host.equals(SweepLock.host())) {
            liveness = alive(pid, since) ? Liveness.ALIVE : Liveness.DEAD;
        } else if (probe) {
            Boolean held = heldElsewhere(file);
            liveness = held == null ? Liveness.UNKNOWN : held ? Liveness.ALIVE : Liveness.DEAD;
        } else {
            liveness = Liveness.UNKNOWN;
        }
        return Optional.of(new Holder(pid, host, since, m.group(4), liveness));
    }

    /**
     * Whether process {@code pid} of this host lives and had started by {@code since} (the
     * holder wrote its line after it started; a process that started later only reuses the pid).
     */
    static boolean alive(long pid, Instant since) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = p.get().info().startInstant();
        return started.isEmpty() || !started.get().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    }

    /**
     * Asks the file system whether some process holds an exclusive lock on {@code file}, by trying
     * a shared lock and letting go of it at once; null if the file system cannot say (no locking).
     * Used only for holders on other hosts, whose pids cannot be checked from here: for that
     * instant a process starting the same run would find it locked and compute it without
     * checkpoints, which is slower but gives the same run.
     */
    static Boolean heldElsewhere(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
