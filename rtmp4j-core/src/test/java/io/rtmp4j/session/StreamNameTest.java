package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link StreamName}: the name before the first {@code ?}, the query after it, its parameters decoded. */
class StreamNameTest {

    @Test
    void splitsAtTheFirstQuestionMarkAndDecodesTheParameters() {
        StreamName n = StreamName.parse("cam?key=s%33cret&x&key=second&bad=%zz&&");
        assertThat(n.name()).isEqualTo("cam");
        assertThat(n.query()).isEqualTo("key=s%33cret&x&key=second&bad=%zz&&");
        assertThat(n.params()).containsExactly(java.util.Map.entry("key", "s3cret"), java.util.Map.entry("x", ""),
                java.util.Map.entry("bad", "%zz"));
        assertThat(StreamName.parse("cam")).isEqualTo(new StreamName("cam", ""));
        assertThat(StreamName.parse("cam").params()).isEmpty();
        assertThat(StreamName.parse("a?b?c")).isEqualTo(new StreamName("a", "b?c"));
    }
}
