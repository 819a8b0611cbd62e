package campus.helpdesk.support.connection;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;

/**
 * Every answer's status line says HTTP/1.1 or HTTP/1.0, the versions spoken here. The server copies the request's
 * version onto its answer, so a request line ending in "HTTP/1.2" (read as 1.1, as RFC 9112 asks) or "HTTP/9.9"
 * (refused with a 505) was answered as if in that version. Registered between the codec and the server like every
 * {@link io.netty.channel.ChannelOutboundHandler} bean.
 */
@Singleton
@ChannelHandler.Sharable
public class SpokenVersion extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof HttpResponse response && !spoken(response.protocolVersion())) {
            response.setProtocolVersion(HttpVersion.HTTP_1_1);
        }
        super.write(ctx, message, promise);
    }

    private static boolean spoken(HttpVersion version) {
        return version.equals(HttpVersion.HTTP_1_1) || version.equals(HttpVersion.HTTP_1_0);
    }
}
