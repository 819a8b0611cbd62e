package campus.helpdesk.ticket.attachment;

import campus.helpdesk.ticket.problem.Problems;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.http.HttpStatus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies an image without what a phone writes about where and with what it was taken (GPS position, camera,
 * owner, comments), losslessly and as a stream: the pixels are never decoded, the metadata containers are left out.
 * A file whose structure is not what its type says is refused (415), as the detector would have refused it.
 */
final class PhotoMetadata {

    /** Where a stripper fixes a length it only knows at the end (WebP's RIFF size, in the file's first bytes). */
    interface HeadPatch {
        void patch(int offset, byte[] bytes) throws IOException;
    }

    private PhotoMetadata() {
    }

    /** Returns the Exif Orientation the copy keeps (1, upright as stored, for all but JPEG photos). */
    static int strip(String type, InputStream in, OutputStream out, HeadPatch patch) throws IOException {
        try {
            switch (type) {
                case AttachmentTypes.JPEG -> {
                    return JpegMetadata.strip(in, out);
                }
                case AttachmentTypes.PNG -> PngMetadata.strip(in, out);
                case AttachmentTypes.WEBP -> WebpMetadata.strip(in, out, patch);
                default -> in.transferTo(out);
            }
            return 1;
        } catch (EOFException e) {
            throw malformed(type, "it ends before its end");
        }
    }

    static HelpdeskProblem malformed(String type, String why) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This is not a well-formed " + type + " file: " + why);
    }

    static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
