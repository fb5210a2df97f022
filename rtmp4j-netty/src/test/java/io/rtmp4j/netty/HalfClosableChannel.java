package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DuplexChannel;

/**
 * An {@link EmbeddedChannel} that can shut its output down as a TCP socket does, so that the driver's
 * half-close runs on it: after {@link #shutdownOutput()} it records what had been written, and writes
 * nothing more.
 */
public final class HalfClosableChannel extends EmbeddedChannel implements DuplexChannel {

    private boolean inputShutdown;
    private boolean outputShutdown;
    private int outboundAtShutdown = -1;

    /**
     * A registered, active channel with {@code handlers}.
     *
     * @param handlers the pipeline
     */
    public HalfClosableChannel(ChannelHandler... handlers) {
        super(handlers);
    }

    /** How many outbound messages had been written when the output was shut down (−1: not shut down). */
    int outboundAtShutdown() {
        return outboundAtShutdown;
    }

    /** Takes every outbound byte written so far, as one array. */
    byte[] takeOutbound() {
        return takeOutbound(this);
    }

    /**
     * Takes every outbound byte {@code ch} has written so far, as one array.
     *
     * @param ch any embedded channel
     * @return the bytes, in order
     */
    public static byte[] takeOutbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            all.writeBytes(b);
            b.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        return bytes;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public ChannelFuture shutdownInput() {
        return shutdownInput(newPromise());
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
        inputShutdown = true;
        return promise.setSuccess();
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public ChannelFuture shutdownOutput() {
        return shutdownOutput(newPromise());
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
        if (!outputShutdown) {
            outputShutdown = true;
            outboundAtShutdown = outboundMessages().size();
        }
        return promise.setSuccess();
    }

    @Override
    public boolean isShutdown() {
        return inputShutdown && outputShutdown;
    }

    @Override
    public ChannelFuture shutdown() {
        return shutdown(newPromise());
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
        inputShutdown = true;
        shutdownOutput();
        return promise.setSuccess();
    }
}
