package campus.helpdesk.system.attachments;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
