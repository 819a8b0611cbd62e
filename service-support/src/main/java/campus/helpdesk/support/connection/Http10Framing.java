package campus.helpdesk.support.connection;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.channels.ClosedChannelException;

/**
 * HTTP/1.0 knows no chunked transfer coding, yet the server frames every answer whose length it does not know
 * beforehand (one the gateway passes on from a service, a CSV export, the live stream) as chunks, whatever the
 * client speaks. A client on HTTP/1.0 (ab, old scripts and proxies) then found the chunk sizes inside its JSON. To
 * such a client the answer goes out unframed and the connection closes after it, which is how HTTP/1.0 marks the
 * end of a body of unknown length. The server registers every {@link io.netty.channel.ChannelOutboundHandler} bean
 * between its HTTP codec and itself, so this sees each answer's head before it is encoded.
 */
@Singleton
@ChannelHandler.Sharable
public class Http10Framing extends ChannelOutboundHandlerAdapter {

    /** An unframed answer is being written: its end will be the connection's. */
    private static final AttributeKey<Boolean> UNFRAMED = AttributeKey.valueOf("helpdesk.http10-unframed");
    /** It has ended: anything written after it (a pipelined next answer) would be read as more of its body. */
    private static final AttributeKey<Boolean> ENDED = AttributeKey.valueOf("helpdesk.http10-ended");

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (ctx.channel().hasAttr(ENDED)) {
            ReferenceCountUtil.release(message);
            promise.setFailure(new ClosedChannelException());
            return;
        }
        if (message instanceof HttpResponse head && !(message instanceof FullHttpResponse)
                && HttpVersion.HTTP_1_0.equals(head.protocolVersion()) && HttpUtil.isTransferEncodingChunked(head)) {
            HttpUtil.setTransferEncodingChunked(head, false);
            HttpUtil.setKeepAlive(head, false);
            ctx.channel().attr(UNFRAMED).set(Boolean.TRUE);
        } else if (message instanceof LastHttpContent && ctx.channel().attr(UNFRAMED).getAndSet(null) != null) {
            ctx.channel().attr(ENDED).set(Boolean.TRUE);
            ctx.writeAndFlush(message, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.write(message, promise);
    }
}
