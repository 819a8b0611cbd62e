package campus.helpdesk.ticket.attachment;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * A PNG with only the chunks that draw the picture: the image itself, its palette and transparency, how its colours
 * are meant (gamma, chromaticities, sRGB, ICC profile, significant bits, HDR colour information), its background
 * and pixel size, and an animation's frames (APNG). Everything else goes: Exif (eXIf), text (tEXt, zTXt, iTXt:
 * authors, software, comments, sometimes places), the modification time (tIME), and any chunk of another name,
 * an application's private ones included, which may carry anything; and whatever follows IEND. A kept chunk is
 * copied with its CRC.
 */
final class PngMetadata {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

    private PngMetadata() {
    }

    static void strip(InputStream input, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(input);
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw PhotoMetadata.malformed(AttachmentTypes.PNG, "it does not start with the PNG signature");
        }
        out.write(SIGNATURE);
        while (true) {
            int length = in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            if (length < 0) {
                throw PhotoMetadata.malformed(AttachmentTypes.PNG, "a chunk has a negative length");
            }
            String name = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!KEPT.contains(name)) {
                in.skipNBytes(length + 4L); // data and CRC
                continue;
            }
            new DataOutputStreamView(out).writeInt(length);
            out.write(type);
            PhotoMetadata.copy(in, out, length + 4L);
            if (name.equals("IEND")) {
                return;
            }
        }
    }

    /** Big-endian int without wrapping {@code out} (a DataOutputStream would count and buffer for nothing). */
    private record DataOutputStreamView(OutputStream out) {
        void writeInt(int value) throws IOException {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }
    }
}
