package campus.helpdesk.ticket.attachment;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes an upload's connection once a read of its file has waited {@code helpdesk.uploads.stall-timeout} (20 s) for
 * bytes, so its slot ({@link UploadSlots}) is free again. A sender that went away half-way left the gateway's forwarded
 * request open until the upload's timeout (its HTTP client keeps a cancelled request's connection), and the slot held
 * all that time: three dropped uploads kept a student's next file out for two minutes, sixteen kept everybody's out.
 * A phone on a weak network sends slowly; it does not send nothing for twenty seconds.
 */
@Singleton
public class UploadStall {

    private final Duration limit;

    public UploadStall(@Value("${helpdesk.uploads.stall-timeout:20s}") Duration limit) {
        this.limit = limit;
    }

    /** The file's bytes as they are read, watched until the stream is closed; unwatched off a Netty connection. */
    InputStream watch(HttpRequest<?> request, InputStream file) {
        if (!limit.isPositive() || !(request instanceof NettyHttpRequest<?> netty)) {
            return file;
        }
        return new Watched(file, netty.getChannelHandlerContext().channel(), limit.toNanos());
    }

    /**
     * Checked on the connection's own event loop a few times per limit. Only a read that is waiting for bytes counts:
     * the time the upload spends on the thumbnail, the database or the ticket's lock after its last byte does not.
     */
    private static final class Watched extends FilterInputStream {

        private final Channel channel;
        private final long limitNanos;
        private final ScheduledFuture<?> check;
        private volatile long readingSince;
        private volatile boolean reading;

        Watched(InputStream in, Channel channel, long limitNanos) {
            super(in);
            this.channel = channel;
            this.limitNanos = limitNanos;
            long period = Math.max(1, Math.min(TimeUnit.SECONDS.toNanos(1), limitNanos / 4));
            this.check = channel.eventLoop().scheduleAtFixedRate(this::closeIfStalled, period, period,
                    TimeUnit.NANOSECONDS);
        }

        private void closeIfStalled() {
            if (reading && System.nanoTime() - readingSince >= limitNanos) {
                check.cancel(false);
                // The waiting read then ends short, and the upload is refused as incomplete: nothing is stored.
                channel.close();
            }
        }

        @Override
        public int read() throws IOException {
            return ended((int) waiting(() -> super.read()));
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return ended((int) waiting(() -> super.read(bytes, offset, length)));
        }

        @Override
        public long skip(long n) throws IOException {
            return waiting(() -> super.skip(n));
        }

        private long waiting(Read read) throws IOException {
            readingSince = System.nanoTime();
            reading = true;
            try {
                return read.run();
            } finally {
                reading = false;
            }
        }

        /** At the end of the file nothing is awaited any more. */
        private int ended(int read) {
            if (read < 0) {
                check.cancel(false);
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }

    @FunctionalInterface
    private interface Read {
        long run() throws IOException;
    }
}
