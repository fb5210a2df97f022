package io.rtmp4j.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Acknowledgement accounting, rtmp-1.0.txt §5.4.3 and §5.4.4. */
class AckCounterTest {

    @Test
    void noWindow_noAck() {
        AckCounter c = new AckCounter();
        c.onBytesReceived(10_000_000);
        assertThat(c.ackDue()).isFalse();
        assertThat(c.takeAck()).isEqualTo(-1);
        assertThat(c.bytesReceived()).isEqualTo(10_000_000);
    }

    @Test
    void ackOwedEachTimeAFullWindowHasArrived_countingFromTheStart() {
        AckCounter c = new AckCounter();
        c.setWindowSize(1000);
        c.onBytesReceived(999);
        assertThat(c.takeAck()).isEqualTo(-1);
        c.onBytesReceived(1);
        assertThat(c.ackDue()).isTrue();
        assertThat(c.takeAck()).isEqualTo(1000);
        assertThat(c.takeAck()).isEqualTo(-1);
        c.onBytesReceived(1500);
        assertThat(c.takeAck()).as("cumulative count, not per window").isEqualTo(2500);
        c.onBytesReceived(999);
        assertThat(c.takeAck()).as("window counts from the last ack (2500)").isEqualTo(-1);
        c.onBytesReceived(1);
        assertThat(c.takeAck()).isEqualTo(3500);
    }

    @Test
    void sequenceNumberIsCarriedModulo2To32() {
        AckCounter c = new AckCounter();
        c.setWindowSize(0x1000_0000L);
        c.onBytesReceived(0xFFFF_FF00L);
        assertThat(c.takeAck()).isEqualTo(0xFFFF_FF00L);
        c.onBytesReceived(0x1000_0000L); // crosses 2^32
        assertThat(c.bytesReceived()).isEqualTo(0x1_0FFF_FF00L);
        assertThat(c.takeAck()).isEqualTo(0x0FFF_FF00L);
        c.onBytesReceived(0x0FFF_FFFFL);
        assertThat(c.takeAck()).as("window arithmetic unaffected by the wrap").isEqualTo(-1);
        c.onBytesReceived(1);
        assertThat(c.takeAck()).isEqualTo(0x1FFF_FF00L);
    }

    @Test
    void windowChangeRebasesTheThresholdOnTheLastAck() {
        AckCounter c = new AckCounter();
        c.setWindowSize(1000);
        c.onBytesReceived(1000);
        assertThat(c.takeAck()).isEqualTo(1000);
        c.onBytesReceived(600);
        c.setWindowSize(2000); // grows: next ack at 1000 + 2000
        assertThat(c.takeAck()).isEqualTo(-1);
        c.onBytesReceived(1399);
        assertThat(c.takeAck()).isEqualTo(-1);
        c.onBytesReceived(1);
        assertThat(c.takeAck()).isEqualTo(3000);
        c.onBytesReceived(600);
        c.setWindowSize(500); // shrinks below what already arrived since the last ack: owed at once
        assertThat(c.takeAck()).isEqualTo(3600);
        c.setWindowSize(0); // disables
        c.onBytesReceived(10_000);
        assertThat(c.takeAck()).isEqualTo(-1);
    }

    @Test
    void windowRange() {
        AckCounter c = new AckCounter();
        c.setWindowSize(0xFFFF_FFFFL);
        assertThat(c.windowSize()).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> c.setWindowSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.setWindowSize(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.onBytesReceived(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
