package campus.helpdesk.ticket.attachment;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A WebP without its EXIF and XMP chunks. The extended header (VP8X) announces them in its flags, which are
 * cleared; the RIFF size in the file's first bytes counts what was kept, so it is written last ({@code patch}).
 */
final class WebpMetadata {

    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    /** The chunks that hold a picture: lossy, lossless, an animation's frame. */
    private static final Set<String> IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "ANMF");

    private WebpMetadata() {
    }

    static void strip(InputStream input, OutputStream out, PhotoMetadata.HeadPatch patch) throws IOException {
        DataInputStream in = new DataInputStream(input);
        byte[] header = new byte[12];
        in.readFully(header);
        if (!new String(header, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                || !new String(header, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            throw PhotoMetadata.malformed(AttachmentTypes.WEBP, "it does not start with a RIFF WEBP header");
        }
        long riffSize = littleEndian(header, 4);
        out.write(header);
        long read = 4; // "WEBP" counts in the RIFF size
        long kept = 4;
        byte[] chunkHeader = new byte[8];
        boolean image = false;
        while (read < riffSize) {
            in.readFully(chunkHeader);
            String fourCc = new String(chunkHeader, 0, 4, StandardCharsets.ISO_8859_1);
            long size = littleEndian(chunkHeader, 4);
            long padded = size + (size & 1);
            read += 8 + padded;
            if (fourCc.equals("EXIF") || fourCc.equals("XMP ")) {
                in.skipNBytes(padded);
                continue;
            }
            image |= IMAGE_CHUNKS.contains(fourCc) && size > 0;
            out.write(chunkHeader);
            if (fourCc.equals("VP8X") && size >= 1) {
                int flags = in.readUnsignedByte();
                out.write(flags & ~(EXIF_FLAG | XMP_FLAG));
                PhotoMetadata.copy(in, out, padded - 1);
            } else {
                PhotoMetadata.copy(in, out, padded);
            }
            kept += 8 + padded;
        }
        if (!image) {
            throw PhotoMetadata.malformed(AttachmentTypes.WEBP, "it holds no picture");
        }
        patch.patch(4, new byte[]{(byte) kept, (byte) (kept >>> 8), (byte) (kept >>> 16), (byte) (kept >>> 24)});
    }

    private static long littleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
