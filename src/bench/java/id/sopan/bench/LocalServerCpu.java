package id.sopan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time of the PostgreSQL server on this machine, from Linux's {@code /proc}: every process named
 * {@code postgres} (the postmaster, its backends and helpers), and the postmaster's reaped children, so that a backend
 * that ends between two readings still counts. The engine benchmark reads it before and after the timed phase to say
 * how much of a task's cost is the database's; on another system, or with the server elsewhere, it answers -1.
 */
final class LocalServerCpu {

    /** Linux's clock ticks ({@code getconf CLK_TCK}); 100 on every Linux kernel built for x86 and ARM. */
    static final int TICKS_PER_SECOND = 100;

    private LocalServerCpu() {
    }

    /** The server's CPU ticks so far (user and system), or -1 when there is no local server to read. */
    static long ticks() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        List<long[]> servers = new ArrayList<>(); // pid, parent pid, own ticks, reaped children's ticks
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(dir.resolve("stat"));
                if (stat != null) {
                    servers.add(stat);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        long total = 0;
        boolean found = false;
        for (long[] s : servers) {
            total += s[2];
            boolean childOfServer = servers.stream().anyMatch(other -> other[0] == s[1]);
            if (!childOfServer) { // the postmaster: its reaped backends too
                total += s[3];
                found = true;
            }
        }
        return found ? total : -1;
    }

    /** pid, ppid, utime + stime, cutime + cstime of a process named postgres; null for any other or one gone. */
    private static long[] stat(Path file) {
        String line;
        try {
            line = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null; // ended meanwhile, or not ours to read
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || !line.substring(open + 1, close).equals("postgres")) {
            return null;
        }
        // After "pid (comm) ": state ppid ... with utime, stime, cutime, cstime the 14th to 17th fields of the line.
        String[] f = line.substring(close + 2).split(" ");
        return new long[] {Long.parseLong(line.substring(0, open).trim()), Long.parseLong(f[1]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
    }
}
