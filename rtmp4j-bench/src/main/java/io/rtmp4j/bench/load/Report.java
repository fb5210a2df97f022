package io.rtmp4j.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures over all connections at one moment: counts, byte totals and percentiles across
 * connections. {@link #text()} is the human report, {@link #resultLine()} one {@code key=value} line
 * for scripts.
 */
final class Report {

    final int connections;
    final int active;
    final int receiving;
    final int failed;
    final long mediaMessages;
    final long mediaBytes;
    final long bytesIn;
    final long bytesOut;
    final Percentiles timeToPlayStart;
    final Percentiles timeToFirstMedia;
    final Percentiles timeToKeyframe;
    final int sequenceHeaderFirst;
    final Percentiles lagNow;
    final Percentiles windowMaxLag;
    final Map<String, Integer> failures = new TreeMap<>();
    /** Connections per state, e.g. how many are still in the handshake. */
    final Map<Connection.State, Integer> states = new TreeMap<>();
    final boolean publishers;

    Report(List<Sample> samples) {
        int n = samples.size();
        long[] ttps = new long[n];
        long[] ttfm = new long[n];
        long[] ttfk = new long[n];
        long[] lag = new long[n];
        long[] wmax = new long[n];
        int np = 0;
        int nm = 0;
        int nk = 0;
        int nl = 0;
        int act = 0;
        int rec = 0;
        int fail = 0;
        int seqFirst = 0;
        long msgs = 0;
        long mb = 0;
        long in = 0;
        long out = 0;
        boolean pub = false;
        for (Sample s : samples) {
            pub |= s.publisher();
            msgs += s.mediaMessages();
            mb += s.mediaBytes();
            in += s.bytesIn();
            out += s.bytesOut();
            states.merge(s.state(), 1, Integer::sum);
            if (s.state() == Connection.State.ACTIVE) {
                act++;
            }
            if (s.state() == Connection.State.FAILED) {
                fail++;
                String reason = s.failure() == null ? "?" : s.failure();
                failures.merge(reason.length() > 80 ? reason.substring(0, 80) : reason, 1, Integer::sum);
            }
            if (s.receiving()) {
                rec++;
            }
            if (s.timeToPlayStartUs() >= 0) {
                ttps[np++] = s.timeToPlayStartUs();
            }
            if (s.timeToFirstMediaUs() >= 0) {
                ttfm[nm++] = s.timeToFirstMediaUs();
            }
            if (s.timeToKeyframeUs() >= 0) {
                ttfk[nk++] = s.timeToKeyframeUs();
                if (s.sequenceHeaderBeforeKeyframe()) {
                    seqFirst++;
                }
            }
            if (s.publisher() || s.mediaMessages() > 0) {
                lag[nl] = s.lagNowUs();
                wmax[nl] = s.windowMaxLagUs();
                nl++;
            }
        }
        connections = n;
        active = act;
        receiving = rec;
        failed = fail;
        mediaMessages = msgs;
        mediaBytes = mb;
        bytesIn = in;
        bytesOut = out;
        publishers = pub;
        timeToPlayStart = Percentiles.of(ttps, np);
        timeToFirstMedia = Percentiles.of(ttfm, nm);
        timeToKeyframe = Percentiles.of(ttfk, nk);
        sequenceHeaderFirst = seqFirst;
        lagNow = Percentiles.of(lag, nl);
        windowMaxLag = Percentiles.of(wmax, nl);
    }

    /** Whether every connection receives (sends on schedule) and the p99 lag is at most {@code maxLagUs}. */
    boolean keepsUp(long maxLagUs) {
        return connections > 0 && receiving == connections && lagNow.p99() <= maxLagUs;
    }

    String text(double seconds) {
        StringBuilder b = new StringBuilder();
        String what = publishers ? "publishers" : "players";
        b.append(String.format("%s: %d, active %d, %s %d, failed %d%n", what, connections, active,
                publishers ? "on schedule" : "receiving", receiving, failed));
        b.append("  states: ").append(states).append('\n');
        failures.forEach((r, c) -> b.append(String.format("  failed x%d: %s%n", c, r)));
        long bytes = publishers ? bytesOut : bytesIn;
        b.append(String.format("media messages %d, media bytes %.3f GB, %s bytes %.3f GB in %.1f s (%.2f Gbit/s)%n",
                mediaMessages, mediaBytes / 1e9, publishers ? "sent" : "received", bytes / 1e9, seconds,
                bytes * 8 / 1e9 / Math.max(seconds, 1e-9)));
        if (!publishers) {
            b.append("time to Play.Start (play sent -> onStatus):            ").append(timeToPlayStart.formatMillis())
                    .append('\n');
            b.append("time to first media (play sent -> first audio/video): ").append(timeToFirstMedia.formatMillis())
                    .append('\n');
            b.append("time to first keyframe (play sent -> video keyframe): ").append(timeToKeyframe.formatMillis())
                    .append(String.format(" (sequence header first: %d of %d)%n", sequenceHeaderFirst,
                            timeToKeyframe.count()));
            b.append("lag behind real time, now:             ").append(lagNow.formatMillis()).append('\n');
            b.append("largest message lag in the window:     ").append(windowMaxLag.formatMillis()).append('\n');
        } else {
            b.append("behind schedule, now:                  ").append(lagNow.formatMillis()).append('\n');
        }
        return b.toString();
    }

    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("connections", Integer.toString(connections));
        f.put("active", Integer.toString(active));
        f.put("receiving", Integer.toString(receiving));
        f.put("failed", Integer.toString(failed));
        f.put("media_messages", Long.toString(mediaMessages));
        f.put("media_bytes", Long.toString(mediaBytes));
        f.put("bytes_in", Long.toString(bytesIn));
        f.put("bytes_out", Long.toString(bytesOut));
        f.put("ttps_p50_ms", ms(timeToPlayStart.p50()));
        f.put("ttps_p99_ms", ms(timeToPlayStart.p99()));
        f.put("ttfm_p50_ms", ms(timeToFirstMedia.p50()));
        f.put("ttfm_p99_ms", ms(timeToFirstMedia.p99()));
        f.put("ttfk_p50_ms", ms(timeToKeyframe.p50()));
        f.put("ttfk_p99_ms", ms(timeToKeyframe.p99()));
        f.put("ttfk_max_ms", ms(timeToKeyframe.max()));
        f.put("ttfk_count", Integer.toString(timeToKeyframe.count()));
        f.put("seqhdr_first", Integer.toString(sequenceHeaderFirst));
        f.put("lag_p50_ms", ms(lagNow.p50()));
        f.put("lag_p99_ms", ms(lagNow.p99()));
        f.put("lag_max_ms", ms(lagNow.max()));
        f.put("wlag_p99_ms", ms(windowMaxLag.p99()));
        f.put("wlag_max_ms", ms(windowMaxLag.max()));
        return f;
    }

    private static String ms(long us) {
        return String.format("%.1f", us / 1000.0);
    }
}
