package campus.helpdesk.ticket.attachment;

import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.http.HttpStatus;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files the desk takes, decided from their first bytes by Tika's detector (tika-core's magic numbers) and
 * never from the name or the declared type: an executable renamed {@code .jpg} is what its bytes say it is.
 *
 * <p>One exception, and only inside the content's answer: an Office Open XML file is a zip whose first entry is
 * {@code [Content_Types].xml}, which the core detector recognises as such but cannot tell a document from a sheet
 * without the parsers package (it would have to read the zip's directory at the end). Then, and only then, the
 * name's extension picks which of the three it is. Legacy Office files (OLE2: .doc, .xls) are refused: they are
 * the classic carriers of macros and the detector cannot tell them apart either. HEIC is refused: its metadata
 * lives in ISO-BMFF boxes addressed by offsets, which cannot be stripped safely while streaming (phones' browsers
 * send JPEG anyway when a photo is picked for a web form).
 */
public final class AttachmentTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";

    private static final String OOXML_CONTAINER = "application/x-tika-ooxml";
    private static final Map<String, String> OOXML_BY_EXTENSION = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    /**
     * The types the desk takes, each with the extensions a file of it keeps; a name with none of them gets the
     * first. A name's extension, not its bytes, decides what a double-click opens a download with: a text file
     * named "fix.hta" runs as a program on Windows, a PNG named "holiday.html" opens as a web page. Plain text keeps
     * the extensions of the text people attach (logs, data, settings, subtitles), none that a system runs.
     */
    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry(JPEG, List.of("jpg", "jpeg", "jpe", "jfif")),
            Map.entry(PNG, List.of("png")),
            Map.entry(WEBP, List.of("webp")),
            Map.entry(PDF, List.of("pdf")),
            Map.entry("text/plain", List.of("txt", "text", "log", "csv", "tsv", "md", "json", "yaml", "yml", "toml",
                    "ini", "cfg", "conf", "properties", "sql", "diff", "patch", "srt", "vtt")),
            Map.entry(OOXML_BY_EXTENSION.get("docx"), List.of("docx")),
            Map.entry(OOXML_BY_EXTENSION.get("xlsx"), List.of("xlsx")),
            Map.entry(OOXML_BY_EXTENSION.get("pptx"), List.of("pptx")),
            Map.entry("application/vnd.oasis.opendocument.text", List.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", List.of("ods")),
            Map.entry("application/vnd.oasis.opendocument.presentation", List.of("odp")));

    private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

    private AttachmentTypes() {
    }

    /**
     * The allowed type of the content at the head of {@code in} (which must support mark/reset; it is left at its
     * start), or 415 naming what it was.
     */
    public static String detect(InputStream in, String name) {
        String detected;
        try {
            // No name in the metadata: given one, Tika would take the name's word for content it does not recognise.
            MediaType type = DETECTOR.detect(in, new Metadata());
            detected = type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (detected.equals(OOXML_CONTAINER)) {
            detected = OOXML_BY_EXTENSION.getOrDefault(extension(name), detected);
        }
        if (!EXTENSIONS.containsKey(detected)) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Files of type " + detected + " cannot be attached: "
                    + "images (JPEG, PNG, WebP), PDF, plain text and office documents (docx, xlsx, pptx, odt, ods, "
                    + "odp) can");
        }
        return detected;
    }

    public static boolean isImage(String type) {
        return type.equals(JPEG) || type.equals(PNG) || type.equals(WEBP);
    }

    /** Shown in the browser (images and PDF); everything else is downloaded, never rendered as a page. */
    public static boolean isInline(String type) {
        return isImage(type) || type.equals(PDF);
    }

    /** {@code name} as stored for a file of the allowed {@code type}: with an extension that fits the type. */
    static String named(String name, String type) {
        List<String> fitting = EXTENSIONS.get(type);
        return fitting.contains(extension(name)) ? name : FileNames.withExtension(name, fitting.getFirst());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
