package io.rtmp4j.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EmbeddedChannel} that can shut its output down as a TCP socket does, so that the driver's
 * half-close runs on it: after {@link #shutdownOutput()} it records what had been written, and writes
 * nothing more.
 */
final class HalfClosableChannel extends EmbeddedChannel implements DuplexChannel {

    private boolean inputShutdown;
    private boolean outputShutdown;
    private int outboundAtShutdown = -1;

    HalfClosableChannel(ChannelHandler... handlers) {
        super(handlers);
    }

    /** How many outbound messages had been written when the output was shut down (−1: not shut down). */
    int outboundAtShutdown() {
        return outboundAtShutdown;
    }

    /** Takes every outbound byte written so far, as one array. */
    byte[] takeOutbound() {
        List<byte[]> parts = new ArrayList<>();
        int n = 0;
        ByteBuf b;
        while ((b = readOutbound()) != null) {
            byte[] a = new byte[b.readableBytes()];
            b.readBytes(a);
            b.release();
            parts.add(a);
            n += a.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
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
