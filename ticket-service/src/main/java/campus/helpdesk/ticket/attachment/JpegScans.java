package campus.helpdesk.ticket.attachment;

import javax.imageio.stream.ImageInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Whether libjpeg must hold a whole JPEG in memory to decode it, read from its markers up to the first scan. It does
 * when the image comes in more than one scan: progressive frames (SOF2, 6, 10, 14), and sequential ones whose first
 * scan carries fewer components than the frame (one scan per colour, as {@code jpegtran -scans} writes). Then every
 * DCT coefficient is kept outside the heap, 3 to 6 bytes a pixel, before anything is subsampled; a one-scan baseline
 * JPEG, as phones write, is decoded a few rows at a time. The test is libjpeg's own ({@code jdinput.c}).
 */
final class JpegScans {

    /** Far past any real header; a file with more segments before its first scan is treated as the costly kind. */
    private static final int MAX_SEGMENTS = 1_000;

    private JpegScans() {
    }

    /** Reads from the stream's position and puts it back there. A header that cannot be read counts as costly. */
    static boolean decodedWhole(ImageInputStream in) throws IOException {
        in.mark();
        try {
            return scan(in);
        } catch (EOFException e) {
            return true;
        } finally {
            in.reset();
        }
    }

    private static boolean scan(ImageInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return true;
        }
        boolean progressive = false;
        int frameComponents = 0;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            int marker = nextMarker(in);
            if (marker < 0 || marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // no length
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return true;
            }
            if (marker == 0xDA) {
                return progressive || frameComponents == 0 || in.readUnsignedByte() < frameComponents;
            }
            if (isFrame(marker)) {
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
                in.skipBytes(5); // precision, height, width
                frameComponents = in.readUnsignedByte();
                skip(in, length - 8);
            } else {
                skip(in, length - 2);
            }
        }
        return true;
    }

    /** The next marker's code after its 0xFF (and any fill bytes), or -1 where a marker should be and is not. */
    private static int nextMarker(ImageInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xFF) {
            return -1;
        }
        int code = in.readUnsignedByte();
        while (code == 0xFF) {
            code = in.readUnsignedByte();
        }
        return code;
    }

    /** SOF0-15, without DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static void skip(ImageInputStream in, int bytes) throws IOException {
        if (bytes < 0 || in.skipBytes(bytes) < bytes) {
            throw new EOFException();
        }
    }
}
