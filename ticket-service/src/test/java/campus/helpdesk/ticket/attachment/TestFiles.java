package campus.helpdesk.ticket.attachment;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real files built in the test, with exactly the metadata a phone writes. */
public final class TestFiles {

    public static final String GPS_LATITUDE_REF = "N-GPS-MARKER";
    /** What an application's private segment or chunk carries in these files: anything, here a script. */
    static final String PRIVATE = "<script>PRIVATE-MARKER</script>";
    static final String CAMERA = "PhoneCam 9000";

    private TestFiles() {
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width / 2, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A flat grey JPEG written progressively, as web exports often are (phones write baseline). */
    static byte[] progressiveJpeg(int width, int height) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), null, null),
                    param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A sequential (baseline, SOF0) JPEG of flat grey in three scans, one per colour, as {@code jpegtran -scans} can
     * write it: not progressive, yet decoded whole like a progressive one. Written by hand (ImageIO's writer makes
     * any JPEG of more than one scan progressive): one Huffman code of one bit, "0", is both a DC difference of 0 and
     * the end of a block, so each 8 x 8 block of a scan is two zero bits.
     */
    static byte[] jpegInOneScanPerColour(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] quantisation = new byte[65];
        Arrays.fill(quantisation, 1, 65, (byte) 1);
        segment(out, 0xDB, quantisation);
        segment(out, 0xC0, ByteBuffer.allocate(15).put((byte) 8).putShort((short) height).putShort((short) width)
                .put((byte) 3).put(new byte[] {1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0}).array());
        for (int tableClass : new int[] {0x00, 0x10}) { // DC table 0, AC table 0: one code of length 1, symbol 0
            byte[] table = new byte[18];
            table[0] = (byte) tableClass;
            table[1] = 1;
            segment(out, 0xC4, table);
        }
        long blocks = (long) ((width + 7) / 8) * ((height + 7) / 8);
        for (int component = 1; component <= 3; component++) {
            segment(out, 0xDA, new byte[] {1, (byte) component, 0x00, 0, 63, 0});
            long bits = 2 * blocks;
            out.writeBytes(new byte[(int) (bits / 8)]);
            if (bits % 8 != 0) {
                out.write(0xFF >>> (int) (bits % 8)); // the last byte padded with one bits
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /**
     * A JPEG as a phone writes it: an APP1 Exif right after SOI with IFD0 (Make, Orientation, a pointer to the GPS
     * IFD) and a GPS IFD (latitude reference, as an ASCII marker the test can look for), plus a comment and a
     * vendor's private APP9 segment.
     */
    public static byte[] photoWithGps(int width, int height, int orientation) throws IOException {
        byte[] jpeg = image("jpg", width, height);
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: three entries, then the next-IFD pointer; data area after it.
        int ifd0Data = 8 + 2 + 3 * 12 + 4;
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int gpsIfd = ifd0Data + make.length;
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(ifd0Data);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        tiff.put(make);
        byte[] ref = (GPS_LATITUDE_REF + "\0").getBytes(StandardCharsets.US_ASCII);
        int gpsData = gpsIfd + 2 + 12 + 4;
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(ref.length).putInt(gpsData);
        tiff.putInt(0);
        tiff.put(ref);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        byte[] comment = "taken at home".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, exif);
        segment(out, 0xFE, comment);
        segment(out, 0xE9, PRIVATE.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk naming a place and an application's private chunk, inserted after IHDR. */
    static byte[] pngWithText(int width, int height) throws IOException {
        byte[] png = image("png", width, height);
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.write(pngChunk("tEXt", ("Location\0" + GPS_LATITUDE_REF).getBytes(StandardCharsets.ISO_8859_1)));
        out.write(pngChunk("prVt", PRIVATE.getBytes(StandardCharsets.ISO_8859_1)));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** An extended WebP: VP8X announcing Exif, a (dummy) lossless image chunk, then an EXIF chunk. */
    static byte[] webpWithExif() {
        byte[] vp8x = {0x08, 0, 0, 0, 9, 0, 0, 9, 0, 0};
        byte[] image = {0x2F, 0, 0, 0, 0};
        byte[] exif = ("MM" + GPS_LATITUDE_REF).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        riffChunk(chunks, "VP8X", vp8x);
        riffChunk(chunks, "VP8L", image);
        riffChunk(chunks, "EXIF", exif);
        ByteBuffer out = ByteBuffer.allocate(12 + chunks.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.size())
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks.toByteArray());
        return out.array();
    }

    /** An Office Open XML file as Word writes it: a zip whose first entry is [Content_Types].xml. */
    static byte[] ooxml() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The first bytes of a Linux executable (ELF header) followed by code-like bytes. */
    public static byte[] elfExecutable() {
        byte[] elf = new byte[4096];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        for (int i = header.length; i < elf.length; i++) {
            elf[i] = (byte) (i * 31);
        }
        return elf;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.writeBytes(body);
    }

    private static void riffChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(fourCc.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
