package campus.helpdesk.support.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's clock for {@link HeadTimeout}: the handler before the HTTP codec sees bytes arrive, the one after
 * it sees a head come out whole. Both run on the connection's event loop, so their shared state needs no lock.
 */
final class HeadClock {

    private final Duration timeout;
    /** True from the connection's start and after each request's last byte, until the next head comes out whole. */
    private boolean awaitingHead = true;
    private ScheduledFuture<?> timer;

    HeadClock(Duration timeout) {
        this.timeout = timeout;
    }

    /** Before the codec: the first bytes of a head start the clock. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
                if (awaitingHead && timer == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
                    timer = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                super.channelRead(ctx, message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                stop();
                super.channelInactive(ctx);
            }
        };
    }

    /** After the codec: a whole head stops the clock; the request's end lets the next head start it again. */
    ChannelHandler heads() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
                if (message instanceof HttpRequest) {
                    awaitingHead = false;
                    stop();
                }
                if (message instanceof LastHttpContent) {
                    awaitingHead = true;
                }
                super.channelRead(ctx, message);
            }
        };
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * Written as bytes before the codec, which is still in the middle of the unfinished head and has no answer to
     * encode; the connection cannot carry a next request after it.
     */
    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!awaitingHead || !ctx.channel().isActive()) {
            return;
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,\"detail\":\"The request's"
                + " line and headers did not arrive whole within " + timeout.toSeconds() + " s of their first byte.\"}";
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\nContent-Length: "
                + json.length + "\r\nConnection: close\r\n\r\n";
        ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), json))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
