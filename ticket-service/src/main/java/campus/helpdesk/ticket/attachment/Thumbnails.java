package campus.helpdesk.ticket.attachment;

import io.micronaut.core.annotation.Nullable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A JPEG of at most {@link #SIZE} pixels a side for the ticket page, made once at upload. The reader subsamples
 * while decoding, so a 48-megapixel photo (one baseline scan, as phones write) never lies in memory whole; images
 * ImageIO cannot read (WebP) get none.
 */
final class Thumbnails {

    static final int SIZE = 320;
    /** Past this a file is more likely a decompression bomb than a photo: no thumbnail, the file is still kept. */
    private static final long MAX_PIXELS = 100_000_000L;
    /**
     * JPEG's own limit, and past any panorama. PNG allows 2^31 a side, and its reader holds two rows whole, at up to
     * 8 bytes a pixel: a 233 KB PNG 15 million pixels wide and two high (under {@link #MAX_PIXELS}) asked for two
     * rows of 120 MB each and ended a service with a 256 MB heap.
     */
    private static final int MAX_SIDE = 65_535;
    /**
     * A JPEG in more than one scan (progressive, or one scan per colour) is decoded whole before it is subsampled,
     * outside the heap ({@link JpegScans}). Measured: a 588 KB progressive file of 100 megapixels took 290 MB beside a
     * 256 MB heap, past the container's 512 MB. Phones write one-scan baseline JPEGs, decoded a few rows at a time; 16
     * megapixels decoded whole (a web export) cost at most about 100 MB.
     */
    private static final long MAX_WHOLE_PIXELS = 16_000_000L;
    /**
     * One whole decode at a time bounds that memory. The upload waits for it while it holds an upload slot and a
     * thread, so not for long: past the wait the file is kept without a thumbnail.
     */
    private static final Semaphore WHOLE_DECODE = new Semaphore(1, true);
    private static final long WHOLE_DECODE_WAIT_SECONDS = 5;

    private Thumbnails() {
    }

    static byte @Nullable [] of(InputStream image, int orientation) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                boolean whole = reader.getFormatName().equalsIgnoreCase("jpeg") && JpegScans.decodedWhole(input);
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS
                        || (whole && pixels > MAX_WHOLE_PIXELS)) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / SIZE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = whole ? decodedAlone(reader, param) : reader.read(0, param);
                return decoded == null ? null : jpeg(upright(scaled(decoded), orientation));
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            return null; // a variant ImageIO does not decode (e.g. CMYK JPEG): the UI shows an icon instead
        }
    }

    /** Decoded while no other whole decode runs, or null when one takes longer than an upload should wait. */
    private static @Nullable BufferedImage decodedAlone(ImageReader reader, ImageReadParam param) throws IOException {
        try {
            if (!WHOLE_DECODE.tryAcquire(WHOLE_DECODE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return reader.read(0, param);
        } finally {
            WHOLE_DECODE.release();
        }
    }

    /** To RGB on white (a PNG's transparency has no JPEG equivalent), at most SIZE a side. */
    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    /** The eight Exif orientations: the thumbnail is shown as an img, upright like the photo in the browser. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            default -> t.setTransform(0, -1, 1, 0, 0, w);
        }
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
