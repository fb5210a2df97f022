package io.rtmp4j.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of other processes on this machine (Linux {@code /proc/PID/stat}): utime + stime in clock
 * ticks, so that the load generator can measure a server's CPU exactly over its own measuring window.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Sum of utime + stime (clock ticks) of {@code pids}; -1 if one cannot be read. */
    static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                long t = parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
                if (t < 0) {
                    return -1;
                }
                total += t;
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    /**
     * utime + stime from the text of {@code /proc/PID/stat} (proc(5): fields 14 and 15; the command
     * name in field 2 is in parentheses and may contain spaces, so fields are counted after the last
     * ')'). -1 if malformed.
     */
    static long parseTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            return -1;
        }
        try {
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
