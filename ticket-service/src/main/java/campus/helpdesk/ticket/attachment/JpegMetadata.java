package campus.helpdesk.ticket.attachment;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JPEG with only the application segments that draw the picture: JFIF (APP0), the colour profile (APP2 ICC) and
 * Adobe's colour transform (APP14). Everything else an application wrote goes: Exif and XMP (APP1), the multi-picture
 * index (APP2 "MPF"), IPTC and Photoshop (APP13), comments (COM), and every other application segment, a vendor's
 * private ones included, which may carry anything; and whatever follows the end marker (where phones append extra
 * images and vendor trailers, each with its own Exif). The picture looks the same.
 *
 * <p>Phones store the photo as the sensor saw it and say in Exif how to turn it upright; dropping Exif whole would
 * show portrait photos on their side. So when the photo had an Orientation other than "as stored", a minimal Exif
 * carrying only that tag takes the original's place.
 */
final class JpegMetadata {

    static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] JFXX = "JFXX\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.ISO_8859_1);

    private JpegMetadata() {
    }

    /** Returns the photo's Exif Orientation (1 when it had none), which the copy keeps. */
    static int strip(InputStream input, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(input);
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw PhotoMetadata.malformed(AttachmentTypes.JPEG, "it does not start with a JPEG marker");
        }
        out.write(0xFF);
        out.write(0xD8);
        int kept = 1;
        int marker = nextMarker(in);
        while (marker != 0xD9) {
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length: restart markers, TEM
                out.write(0xFF);
                out.write(marker);
                marker = copyEntropyCoded(in, out);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw PhotoMetadata.malformed(AttachmentTypes.JPEG, "a segment has a length below 2");
            }
            byte[] body = in.readNBytes(length - 2);
            if (body.length != length - 2) {
                throw new java.io.EOFException();
            }
            if (isMetadata(marker, body)) {
                int orientation = marker == 0xE1 ? orientation(body) : 1;
                if (orientation > 1 && orientation <= 8 && kept == 1) {
                    writeOrientationOnly(out, orientation);
                    kept = orientation;
                }
                marker = nextMarker(in);
                continue;
            }
            out.write(0xFF);
            out.write(marker);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.write(body);
            marker = marker == 0xDA ? copyEntropyCoded(in, out) : nextMarker(in);
        }
        out.write(0xFF);
        out.write(0xD9);
        return kept;
    }

    private static boolean isMetadata(int marker, byte[] body) {
        if (marker == 0xFE) {
            return true;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return false;
        }
        return !(marker == 0xE0 && (startsWith(body, JFIF) || startsWith(body, JFXX))
                || marker == 0xE2 && startsWith(body, ICC_PROFILE)
                || marker == 0xEE && startsWith(body, ADOBE));
    }

    /** The marker after fill bytes; anything but 0xFF where a marker must be is a broken file. */
    private static int nextMarker(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 0xFF) {
            throw PhotoMetadata.malformed(AttachmentTypes.JPEG, "a segment is followed by garbage");
        }
        int marker;
        do {
            marker = in.readUnsignedByte();
        } while (marker == 0xFF);
        return marker;
    }

    /**
     * Copies a scan's compressed data up to the next marker (returned). In it, 0xFF is followed by 0x00 (a stuffed
     * byte) or a restart marker, both part of the data.
     */
    private static int copyEntropyCoded(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next;
            do {
                next = in.readUnsignedByte();
            } while (next == 0xFF);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
            } else {
                return next;
            }
        }
    }

    /** The Orientation of IFD0 in an APP1 Exif body, 1 (as stored) when there is none or it cannot be read. */
    static int orientation(byte[] app1) {
        if (!startsWith(app1, EXIF_HEADER) || app1.length < 14) {
            return 1;
        }
        int tiff = EXIF_HEADER.length;
        boolean little = app1[tiff] == 'I';
        long ifd = tiff + unsigned(app1, tiff + 4, 4, little);
        if (ifd + 2 > app1.length) {
            return 1;
        }
        int entries = (int) unsigned(app1, (int) ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > app1.length) {
                return 1;
            }
            if (unsigned(app1, entry, 2, little) == ORIENTATION_TAG && unsigned(app1, entry + 2, 2, little) == 3) {
                return (int) unsigned(app1, entry + 8, 2, little);
            }
        }
        return 1;
    }

    /** APP1: "Exif", a big-endian TIFF header and an IFD0 of one entry, Orientation (SHORT), and no next IFD. */
    private static void writeOrientationOnly(OutputStream out, int orientation) throws IOException {
        byte[] segment = {
                (byte) 0xFF, (byte) 0xE1, 0, 34,
                'E', 'x', 'i', 'f', 0, 0,
                'M', 'M', 0, 42, 0, 0, 0, 8,
                0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
        out.write(segment);
    }

    private static long unsigned(byte[] bytes, int at, int length, boolean little) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[at + (little ? length - 1 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
