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
import jakarta.inject.Singleton;

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

    private static final AttributeKey<Boolean> UNFRAMED = AttributeKey.valueOf("helpdesk.http10-unframed");

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse head && !(message instanceof FullHttpResponse)
                && HttpVersion.HTTP_1_0.equals(head.protocolVersion()) && HttpUtil.isTransferEncodingChunked(head)) {
            HttpUtil.setTransferEncodingChunked(head, false);
            HttpUtil.setKeepAlive(head, false);
            ctx.channel().attr(UNFRAMED).set(Boolean.TRUE);
        } else if (message instanceof LastHttpContent && ctx.channel().attr(UNFRAMED).getAndSet(null) != null) {
            ctx.write(message, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.write(message, promise);
    }
}
