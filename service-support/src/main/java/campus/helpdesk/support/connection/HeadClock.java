package campus.helpdesk.support.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's clock for {@link HeadTimeout}: the handler before the HTTP codec sees bytes arrive, the one after
 * it sees a head come out whole. Both run on the connection's event loop, so their shared state needs no lock.
 */
final class HeadClock {

    private final Duration timeout;
    /** The whole 408, status line to body, as {@link HeadTimeout} made it once for every connection. */
    private final byte[] answer;
    /** True from the connection's start and after each request's last byte, until the next head comes out whole. */
    private boolean awaitingHead = true;
    /** Requests read whose answer has not been written to its end (more than one when a client pipelines). */
    private int answersOwed;
    /** Once the time is up, whatever the codec still makes of the unfinished head is dropped. */
    private boolean expired;
    private ScheduledFuture<?> timer;

    HeadClock(Duration timeout, byte[] answer) {
        this.timeout = timeout;
        this.answer = answer;
    }

    /** Before the codec: the first bytes of a head start the clock. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
                if (awaitingHead && timer == null && message instanceof ByteBuf bytes && startsAHead(bytes)) {
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

    /**
     * After the codec: a whole head stops the clock; the request's end lets the next head start it again. It also
     * counts the answers still being written, which a 408 must not be spliced into.
     */
    ChannelHandler heads() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
                if (expired) {
                    // The codec's last word on a connection closed mid-head: a made-up bad request nobody sent.
                    ReferenceCountUtil.release(message);
                    return;
                }
                if (message instanceof HttpRequest) {
                    awaitingHead = false;
                    answersOwed++;
                    stop();
                }
                if (message instanceof LastHttpContent) {
                    awaitingHead = true;
                }
                super.channelRead(ctx, message);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
                // A "100 Continue" is whole in itself but not the answer owed.
                boolean interim = message instanceof HttpResponse r
                        && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                if (message instanceof LastHttpContent && !interim && answersOwed > 0) {
                    answersOwed--;
                }
                super.write(ctx, message, promise);
            }
        };
    }

    /**
     * Whether these bytes begin a head: anything but the empty lines a client may send between requests (RFC 9112
     * 2.2 asks a server to ignore them; some old clients send one after a POST's body), which must not start a
     * clock on a connection that is merely idle.
     */
    private static boolean startsAHead(ByteBuf bytes) {
        return bytes.forEachByte(b -> b == '\r' || b == '\n') >= 0;
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
        expired = true;
        if (answersOwed > 0) {
            // A pipelined head behind an answer still streaming (a live stream, an export): a 408 now would land
            // inside that answer's body. Closing ends both.
            ctx.close();
            return;
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
    }
}
