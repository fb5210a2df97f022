package io.rtmp4j.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event-loop pacing, driven by a fake clock: which turns of the loop pause, and for how long. */
class PacedSelectStrategyTest {

    private static final long PERIOD = 20_000_000L; // 20 ms in ns

    private long now = 1_000_000_000L;
    private final List<Long> pauses = new ArrayList<>();
    private final PacedSelectStrategy strategy = new PacedSelectStrategy(PERIOD, () -> now, ns -> {
        pauses.add(ns);
        now += ns; // the pause takes as long as asked
    });

    private int ready = 7;
    private int polls;

    private int turn(boolean hasTasks) throws Exception {
        return strategy.calculateStrategy(() -> {
            polls++;
            return ready;
        }, hasTasks);
    }

    @Test
    void firstPollAndPollsAfterAQuietSpellAreNotDelayed() throws Exception {
        assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
        now += 5 * PERIOD; // the loop blocked in select for a while: the next event is handled at once
        assertThat(turn(false)).isEqualTo(SelectStrategy.SELECT);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aBusyLoopPollsAtMostOncePerPeriod() throws Exception {
        turn(false);
        now += 3_000_000L; // 3 ms of work after the poll
        turn(false);
        assertThat(pauses).containsExactly(PERIOD - 3_000_000L);
        now += PERIOD + 1; // a turn longer than the period: no pause
        turn(false);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void pendingTasksPollWithoutBlockingAfterThePause() throws Exception {
        turn(false);
        assertThat(turn(true)).as("selectNow's count").isEqualTo(7);
        assertThat(pauses).containsExactly(PERIOD);
    }

    @Test
    void afterAPauseTheSocketsArePolledEvenWhenNoTaskWasQueuedBefore() throws Exception {
        // Netty skips its blocking select when a task arrived meanwhile: the sockets must be polled
        // here, or a loop fed tasks by other threads during every pause never reads them
        turn(false);
        assertThat(turn(false)).as("selectNow's count").isEqualTo(7);
        assertThat(polls).isEqualTo(1);
        ready = 0;
        assertThat(turn(false)).as("nothing ready: block in select").isEqualTo(SelectStrategy.SELECT);
        assertThat(polls).isEqualTo(2);
        assertThat(pauses).hasSize(2);
    }
}
