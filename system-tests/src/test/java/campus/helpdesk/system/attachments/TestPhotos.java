package campus.helpdesk.system.attachments;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Files as a phone or a careless download would give them, made in memory. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A real JPEG, large enough that its thumbnail is smaller than it: a broken radiator, as far as anyone can tell. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xd0, 0xd8, 0xe0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x80, 0x30, 0x20));
        for (int x = width / 8; x < width * 7 / 8; x += width / 16) {
            g.fillRect(x, height / 4, width / 32, height / 2);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("No JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid PNG of transparent black, 16 bits a channel (8 bytes a pixel), {@code width} wide and {@code height}
     * high, its rows deflated: 15,000,000 x 2 is 30 megapixels in about 240 KB, with rows of 120 MB each.
     */
    public static byte[] pngOfLongRows(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        pngChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(rows, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int row = 0; row < height; row++) {
                deflated.write(0); // filter: none
                for (long left = 8L * width; left > 0; left -= zeros.length) {
                    deflated.write(zeros, 0, (int) Math.min(left, zeros.length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pngChunk(png, "IDAT", rows.toByteArray());
        pngChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first bytes of a Linux program, then nothing: no image, whatever its name says. */
    public static byte[] elfExecutable() {
        byte[] bytes = new byte[4096];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[16] = 2;
        bytes[18] = 0x3e;
        return bytes;
    }
}
