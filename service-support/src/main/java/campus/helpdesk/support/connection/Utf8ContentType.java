package campus.helpdesk.support.connection;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The services write JSON and CSV in UTF-8, but the server takes an answer's Content-Type from the client's Accept,
 * parameters and all: {@code Accept: application/json; charset=latin1} got a UTF-8 body labelled latin1, and
 * "bibliothèque" read back as "bibliothÃ¨que". Such a label goes back to the bare type. Seen as each answer's head
 * leaves (as {@link Http10Framing} is), because the server picks the type only while it encodes the body, after the
 * filters have run.
 */
@Singleton
@ChannelHandler.Sharable
public class Utf8ContentType extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpResponse head) {
            String type = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (type != null && misleading(type)) {
                head.headers().set(HttpHeaderNames.CONTENT_TYPE, type.substring(0, type.indexOf(';')).trim());
            }
        }
        ctx.write(message, promise);
    }

    /** A type the services write themselves, with any parameter but {@code charset=utf-8}. */
    static boolean misleading(String contentType) {
        int semicolon = contentType.indexOf(';');
        if (semicolon < 0) {
            return false;
        }
        String type = contentType.substring(0, semicolon).trim().toLowerCase(Locale.ROOT);
        if (!(type.endsWith("/json") || type.endsWith("+json") || type.equals("text/csv"))) {
            return false;
        }
        String parameters = contentType.substring(semicolon + 1).replace("\"", "").replace(" ", "");
        return !parameters.equalsIgnoreCase("charset=utf-8");
    }
}
