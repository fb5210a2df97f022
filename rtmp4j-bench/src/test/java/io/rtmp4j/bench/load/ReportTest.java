package io.rtmp4j.bench.load;

import io.rtmp4j.handshake.Handshake;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static Sample player(boolean receiving, long lagMs, long ttfkMs) {
        return new Sample(false, Connection.State.ACTIVE, null, 1000, 10, 5, 900, 1_000, 2_000,
                ttfkMs < 0 ? -1 : ttfkMs * 1000, ttfkMs >= 0, receiving, lagMs * 1000, lagMs * 1000);
    }

    @Test
    void countsAndPercentilesAcrossPlayers() {
        List<Sample> s = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            s.add(player(true, i, 10 * i));
        }
        s.add(new Sample(false, Connection.State.FAILED, "Connection reset", 0, 0, 0, 0, -1, -1, -1, false, false,
                0, 0));
        Report r = new Report(s);
        assertThat(r.connections).isEqualTo(101);
        assertThat(r.active).isEqualTo(100);
        assertThat(r.failed).isEqualTo(1);
        assertThat(r.failures).containsEntry("Connection reset", 1);
        assertThat(r.receiving).isEqualTo(100);
        assertThat(r.mediaBytes).isEqualTo(100 * 900L);
        assertThat(r.lagNow.p50()).isEqualTo(50_000);
        assertThat(r.lagNow.p99()).isEqualTo(99_000);
        assertThat(r.lagNow.count()).as("players without media have no lag").isEqualTo(100);
        assertThat(r.timeToKeyframe.max()).isEqualTo(1_000_000);
        assertThat(r.sequenceHeaderFirst).isEqualTo(100);
        assertThat(r.keepsUp(500_000)).as("one player failed").isFalse();
        assertThat(r.fields()).containsEntry("lag_p99_ms", "99.0").containsEntry("failed", "1");
    }

    @Test
    void keepsUpNeedsEveryPlayerReceivingAndP99UnderTheLimit() {
        List<Sample> ok = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ok.add(player(true, i == 99 ? 900 : 100, 50));
        }
        assertThat(new Report(ok).keepsUp(500_000)).as("only the max is over").isTrue();
        ok.set(0, player(false, 100, 50));
        assertThat(new Report(ok).keepsUp(500_000)).isFalse();
        List<Sample> slow = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            slow.add(player(true, 600, 50));
        }
        assertThat(new Report(slow).keepsUp(500_000)).isFalse();
        assertThat(new Report(List.of()).keepsUp(500_000)).isFalse();
    }

    @Test
    void parsesOptions() {
        LoadGenerator.Options o = LoadGenerator.Options.parse(new String[] {
                "--url", "rtmp://127.0.0.1:1936/live/cam", "--players", "2000", "--threads", "3",
                "--handshake", "plain", "--step", "500", "--duration", "7"});
        assertThat(o.url().port()).isEqualTo(1936);
        assertThat(o.url().app()).isEqualTo("live");
        assertThat(o.url().streamName()).isEqualTo("cam");
        assertThat(o.connections()).isEqualTo(2000);
        assertThat(o.threads()).isEqualTo(3);
        assertThat(o.handshake()).isEqualTo(Handshake.Kind.PLAIN);
        assertThat(o.step()).isEqualTo(500);
        assertThat(o.durationSeconds()).isEqualTo(7);
        assertThat(o.publish()).isFalse();
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"--players", "5"}))
                .hasMessageContaining("--url");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"--url", "rtmp://h/live/s", "--mode", "publish"}))
                .hasMessageContaining("--file");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"--url", "rtmp://h/live"}))
                .hasMessageContaining("stream name");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"--url", "rtmp://h/live/s", "--players", "x"}))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown option");
    }
}
