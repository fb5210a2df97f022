package io.rtmp4j.server;

import java.time.Instant;

/**
 * One RTMP connection of a {@link LiveServer}, as its {@code connect} command described it
 * (rtmp-1.0.txt §7.2.1.1).
 *
 * @param id          a number unique among the server's connections since it started
 * @param address     the peer's address and port ({@code 203.0.113.5:50412})
 * @param app         the application asked for ({@code live}); empty before the connect
 * @param tcUrl       the tcUrl sent ({@code rtmp://host/live}), empty if none
 * @param flashVer    the flashVer sent ({@code FMLE/3.0 (compatible; FMSc/1.0)}), empty if none
 * @param connectedAt when the connection was accepted
 */
public record ClientInfo(long id, String address, String app, String tcUrl, String flashVer, Instant connectedAt) {
}
