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
 * Requests a proxy in front might read otherwise than the desk, refused below the server with a 400 problem and the
 * connection closed, before anything of them is carried out: two requests read as one is how they are smuggled past
 * a proxy, and the desk frames requests by Content-Length or valid chunks alone (SECURITY.md).
 * <ul>
 * <li>A chunked body whose framing breaks half-way (a chunk size that is no number, a negative one). Netty's decoder
 * hands such a body on as ended, marked failed, and Micronaut read the mark as a normal end: the request was carried
 * out on the bytes before the break (a fuzz tester's message stored, a sign-in made).</li>
 * <li>Two Host headers, or none on HTTP/1.1 (RFC 9112, 3.2): the desk read the first, a proxy may read another.
 * Checked here, on the head as it came, because a request whose target is no URI reaches the filters without
 * its headers.</li>
 * </ul>
 */
@Singleton
public class FramingGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String GUARD = "helpdesk-framing-guard";

    private final byte[] answer;
    private final byte[] hostAnswer;

    public FramingGuard(JsonMapper json) throws IOException {
        this.answer = RawProblem.of(HttpStatus.BAD_REQUEST, "body: the request's chunked framing is broken (a chunk "
                + "size that is not a hexadecimal number); nothing of it was carried out", Map.of("field", "body"), json);
        this.hostAnswer = RawProblem.of(HttpStatus.BAD_REQUEST, "Host: an HTTP/1.1 request names its host once",
                Map.of("field", "Host"), json);
    }

    /** One Host, or none on HTTP/1.0, which has no need of one. */
    private static boolean oneHost(HttpRequest head) {
        int hosts = head.headers().getAll(io.netty.handler.codec.http.HttpHeaderNames.HOST).size();
        return hosts == 1 || (hosts == 0 && !io.netty.handler.codec.http.HttpVersion.HTTP_1_1.equals(
                head.protocolVersion()));
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
            if (message instanceof HttpRequest head && !head.decoderResult().isFailure() && !oneHost(head)) {
                ReferenceCountUtil.release(message);
                answer(ctx, hostAnswer);
                return;
            }
            if (message instanceof HttpContent content && !(message instanceof HttpRequest)
                    && content.decoderResult().isFailure()) {
                ReferenceCountUtil.release(message);
                // Written below the codec, which sits in a broken body and has no answer to encode; the body never
                // ends for the server above, and the closed connection ends its request unserved.
                answer(ctx, answer);
                return;
            }
            ctx.fireChannelRead(message);
        }

        private void answer(ChannelHandlerContext ctx, byte[] bytes) {
            ChannelHandlerContext below = ctx.pipeline().context(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC);
            (below != null ? below : ctx).writeAndFlush(Unpooled.wrappedBuffer(bytes))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
