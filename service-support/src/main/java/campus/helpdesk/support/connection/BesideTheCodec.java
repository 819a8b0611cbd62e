package campus.helpdesk.support.connection;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

import java.util.function.BiConsumer;

/**
 * Puts handlers beside the HTTP/1 codec of each connection the server opens, once per connection: {@code install}
 * gets the pipeline and the codec's name, and {@code marker} is the name of one handler it adds, by which a pipeline
 * built again is known.
 */
final class BesideTheCodec implements NettyServerCustomizer {

    private final Channel channel;
    private final String marker;
    private final BiConsumer<ChannelPipeline, String> install;

    BesideTheCodec(String marker, BiConsumer<ChannelPipeline, String> install) {
        this(null, marker, install);
    }

    private BesideTheCodec(Channel channel, String marker, BiConsumer<ChannelPipeline, String> install) {
        this.channel = channel;
        this.marker = marker;
        this.install = install;
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return new BesideTheCodec(channel, marker, install);
    }

    @Override
    public void onStreamPipelineBuilt() {
        ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
        String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
        if (pipeline == null || pipeline.get(codec) == null || pipeline.get(marker) != null) {
            return;
        }
        install.accept(pipeline, codec);
    }
}
