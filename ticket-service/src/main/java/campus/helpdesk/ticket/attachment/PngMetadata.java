package campus.helpdesk.ticket.attachment;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * A PNG without its Exif (eXIf), text (tEXt, zTXt, iTXt: authors, software, comments, sometimes places) and
 * modification time (tIME) chunks, and without anything after IEND. Every other chunk is copied with its CRC.
 */
final class PngMetadata {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

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
            if (DROPPED.contains(name)) {
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
