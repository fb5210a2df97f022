package io.rtmp4j.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessCpuTest {

    @Test
    void utimePlusStimeCountedAfterTheCommandName() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (my server) S 1 4242 4242 0 -1 4194560 1000 0 3 0 1234 567 0 0 20 0 12 0 999";
        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void malformedIsMinusOne() {
        assertThat(ProcessCpu.parseTicks("no parenthesis here")).isEqualTo(-1);
        assertThat(ProcessCpu.parseTicks("1 (x) S 1 2")).isEqualTo(-1);
        assertThat(ProcessCpu.parseTicks("1 (x) S 1 1 1 0 -1 0 0 0 0 0 abc 5")).isEqualTo(-1);
    }

    @Test
    void ownProcessHasSomeTicksAndAMissingOneFails() {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux /proc");
        long self = ProcessHandle.current().pid();
        assertThat(ProcessCpu.ticks(List.of(self))).isGreaterThanOrEqualTo(0);
        assertThat(ProcessCpu.ticks(List.of(self, Long.MAX_VALUE))).isEqualTo(-1);
    }
}
