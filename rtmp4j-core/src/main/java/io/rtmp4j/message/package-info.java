/**
 * The typed RTMP message layer (rtmp-1.0.txt §5.4, §6, §7): what the bytes of a
 * {@link io.rtmp4j.chunk.RawMessage} mean.
 *
 * <p>Entry point: {@link io.rtmp4j.message.MessageCodec} ({@code decode(RawMessage)},
 * {@code encode(RtmpMessage)}, {@code split} / {@code aggregate} for aggregates). Values:
 * the sealed {@link io.rtmp4j.message.RtmpMessage} and its records; ids in
 * {@link io.rtmp4j.message.MessageType}, {@link io.rtmp4j.message.UserControlEventType},
 * {@link io.rtmp4j.message.StatusCode}. Commands: build with {@link io.rtmp4j.message.Commands},
 * read with {@link io.rtmp4j.message.Command#parse}.
 *
 * <pre>{@code
 * MessageCodec codec = new MessageCodec();
 * RtmpMessage m = codec.decode(raw);
 * if (m instanceof CommandMessage c) {
 *     Command cmd = Command.parse(c);
 *     if (cmd instanceof Command.Connect connect) {
 *         send(codec.encode(new WindowAcknowledgementSize(2_500_000)));
 *         send(codec.encode(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)));
 *         send(codec.encode(Commands.connectResult(connect.transactionId(), connect.objectEncoding())));
 *     }
 * }
 * }</pre>
 *
 * <p>Bad input is an {@link io.rtmp4j.RtmpProtocolException} and nothing else. No state is kept
 * between messages: chunk sizes, acknowledgement windows and stream ids are the chunk layer's and the
 * session's business.
 */
package io.rtmp4j.message;
