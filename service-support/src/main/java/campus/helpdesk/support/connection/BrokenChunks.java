package campus.helpdesk.support.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;

/**
 * A chunked body whose framing breaks half-way (a chunk size that is no number, a negative one) is refused whole:
 * 400 problem and the connection closed. Netty's decoder hands such a body on as ended, marked failed, and Micronaut
 * read the mark as a normal end: the request was carried out on the bytes before the break (a fuzz tester's message
 * stored, a sign-in made). Two readings of one body's end are what request smuggling through a proxy is made of,
 * and the desk promises to frame bodies by Content-Length or valid chunks alone (SECURITY.md).
 */
@Singleton
public class BrokenChunks implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String GUARD = "helpdesk-broken-chunks";

    private final byte[] answer;

    public BrokenChunks(JsonMapper json) throws IOException {
        this.answer = RawProblem.of(HttpStatus.BAD_REQUEST, "body: the request's chunked framing is broken (a chunk "
                + "size that is not a hexadecimal number); nothing of it was carried out", Map.of("field", "body"), json);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new BesideTheCodec(GUARD, (pipeline, codec) ->
                pipeline.addAfter(codec, GUARD, new Guard())));
        return event.getBean();
    }

    private final class Guard extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpContent content && !(message instanceof HttpRequest)
                    && content.decoderResult().isFailure()) {
                ReferenceCountUtil.release(message);
                // Written below the codec, which sits in a broken body and has no answer to encode; the body never
                // ends for the server above, and the closed connection ends its request unserved.
                ChannelHandlerContext below = ctx.pipeline().context(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC);
                (below != null ? below : ctx).writeAndFlush(Unpooled.wrappedBuffer(answer))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(message);
        }
    }
}
