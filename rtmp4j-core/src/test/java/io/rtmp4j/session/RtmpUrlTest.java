package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtmpUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // url                                   | host        | port | app        | stream
            "rtmp://localhost/live/cam1               | localhost   | 1935 | live       | cam1",
            "rtmp://example.com:1936/live/cam1        | example.com | 1936 | live       | cam1",
            "rtmp://h/live                            | h           | 1935 | live       | ''",
            "rtmp://h                                 | h           | 1935 | ''         | ''",
            // three segments: app = first two (an application instance), as rtmpproto.c
            "rtmp://h/live/inst/cam1                  | h           | 1935 | live/inst  | cam1",
            "rtmp://h/a/b/c/d                         | h           | 1935 | a/b        | c/d",
            // a ':' in the second segment before the next '/' is a play path: app = first segment
            "rtmp://h/vod/mp4:dir/file.mp4            | h           | 1935 | vod        | mp4:dir/file.mp4",
            "rtmp://h/live/cam1?key=abc               | h           | 1935 | live       | cam1?key=abc",
            "RTMP://[::1]:1940/live/x                 | ::1         | 1940 | live       | x",
            "rtmp://user:pw@h:99/live/x               | h           | 99   | live       | x",
    })
    void splitsLikeFfmpeg(String url, String host, int port, String app, String stream) {
        RtmpUrl u = RtmpUrl.parse(url);
        assertThat(u.host()).isEqualTo(host);
        assertThat(u.port()).isEqualTo(port);
        assertThat(u.app()).isEqualTo(app);
        assertThat(u.streamName()).isEqualTo(stream);
    }

    @Test
    void rtmpsUrlsAreTlsOnPort443ByDefaultAndKeepTheirSchemeInTheTcUrl() {
        RtmpUrl u = RtmpUrl.parse("rtmps://a.rtmp.youtube.com/live2/KEY");
        assertThat(u.tls()).isTrue();
        assertThat(u.port()).isEqualTo(RtmpUrl.DEFAULT_TLS_PORT);
        assertThat(u.tcUrl()).isEqualTo("rtmps://a.rtmp.youtube.com:443/live2");
        assertThat(RtmpUrl.parse("RTMPS://h:1936/app/s").port()).isEqualTo(1936);
        assertThat(RtmpUrl.parse("rtmp://h/app/s").tls()).isFalse();
        assertThatThrownBy(() -> RtmpUrl.parseListening("rtmps://0.0.0.0:443/live"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RtmpServer.Builder#tls");
        assertThatThrownBy(() -> RtmpUrl.parse("http://h/app/s")).hasMessageContaining("not an rtmp:// or rtmps://");
    }

    @Test
    void tcUrlAlwaysNamesThePortAsFfmpegDoes() {
        assertThat(RtmpUrl.parse("rtmp://localhost/live/cam1").tcUrl()).isEqualTo("rtmp://localhost:1935/live");
        assertThat(RtmpUrl.parse("rtmp://h:2000/live/inst/cam1").tcUrl()).isEqualTo("rtmp://h:2000/live/inst");
        assertThat(RtmpUrl.parse("rtmp://[::1]/live/x").tcUrl()).isEqualTo("rtmp://[::1]:1935/live");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"http://h/live/x", "rtmp:///live", "rtmp://h:0/live", "rtmp://h:x/live",
            "rtmp://h:70000/a"})
    void refusesBadUrls(String url) {
        assertThatThrownBy(() -> RtmpUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portZeroIsAClearErrorForAClientUrl() {
        // a client must name the server's port; 0 ("any free port") only means something to a listener
        assertThatThrownBy(() -> RtmpUrl.parse("rtmp://127.0.0.1:0/live/cam"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 0")
                .hasMessageContaining("parseListening");
    }

    @Test
    void aListeningAddressMayAskForAnyFreePortWithZero() {
        RtmpUrl u = RtmpUrl.parseListening("rtmp://127.0.0.1:0/live/cam");
        assertThat(u.host()).isEqualTo("127.0.0.1");
        assertThat(u.port()).isZero();
        assertThat(u.app()).isEqualTo("live");
        assertThat(u.streamName()).isEqualTo("cam");
        assertThat(RtmpUrl.parseListening("rtmp://h/live/x").port()).isEqualTo(RtmpUrl.DEFAULT_PORT);
        assertThatThrownBy(() -> RtmpUrl.parseListening("rtmp://h:70000/live/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] {0} + {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // enhanced-rtmp-v2.md "Reconnect Request", the four example shapes, and absent
            "rtmp://origin.example:1935/live | rtmp://foo.mydomain.com:1935/realtimeapp | rtmp://foo.mydomain.com:1935/realtimeapp",
            "rtmp://origin.example:1935/live | rtmp://127.0.0.1/realtimeapp             | rtmp://127.0.0.1/realtimeapp",
            "rtmp://origin.example:1935/live | //192.0.2.0/realtimeapp                  | rtmp://192.0.2.0/realtimeapp",
            "rtmp://origin.example:1935/live | /realtimeapp                             | rtmp://origin.example:1935/realtimeapp",
            "rtmp://origin.example:1935/live | realtimeapp                              | rtmp://origin.example:1935/realtimeapp",
            "rtmp://origin.example/live/inst | realtimeapp                              | rtmp://origin.example/live/realtimeapp",
            "rtmp://origin.example:1935/live | NULL                                     | rtmp://origin.example:1935/live",
            "rtmp://origin.example:1935/live | ''                                       | rtmp://origin.example:1935/live",
    })
    void resolvesReconnectTcUrls(String current, String reference, String expected) {
        assertThat(RtmpUrl.resolveTcUrl(current, reference)).isEqualTo(expected);
    }
}
