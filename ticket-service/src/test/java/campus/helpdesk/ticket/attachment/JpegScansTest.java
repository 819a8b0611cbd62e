package campus.helpdesk.ticket.attachment;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class JpegScansTest {

    @Test
    void aOneScanBaselineJpegIsDecodedByRows() throws IOException {
        assertThat(decodedWhole(TestFiles.image("jpg", 64, 48))).isFalse();
        assertThat(decodedWhole(TestFiles.photoWithGps(64, 48, 6))).as("with Exif before the frame").isFalse();
    }

    @Test
    void progressiveAndOneScanPerColourJpegsAreDecodedWhole() throws IOException {
        assertThat(decodedWhole(TestFiles.progressiveJpeg(64, 48))).isTrue();
        byte[] scans = TestFiles.jpegInOneScanPerColour(64, 48);
        assertThat(decodedWhole(scans)).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(scans)).getWidth()).as("a JPEG ImageIO reads").isEqualTo(64);
    }

    @Test
    void aHeaderCutShortCountsAsCostlyAndTheStreamIsWhereItWas() throws IOException {
        byte[] jpeg = TestFiles.image("jpg", 64, 48);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(cut))) {
            assertThat(JpegScans.decodedWhole(in)).isTrue();
            assertThat(in.getStreamPosition()).isZero();
        }
    }

    private static boolean decodedWhole(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            boolean whole = JpegScans.decodedWhole(in);
            assertThat(in.getStreamPosition()).as("put back").isZero();
            return whole;
        }
    }
}
