package campus.helpdesk.analytics;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes any {@link CsvAnswer} as RFC 4180 CSV: CRLF line ends, fields quoted when they need it, and text that a
 * spreadsheet would take for a formula kept as text.
 */
@Singleton
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<CsvAnswer> {

    public static final String TEXT_CSV = "text/csv";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A signed number or offset ("+01:00", the zone column's): no formula can hide in it. */
    private static final Pattern SIGNED_FIGURE = Pattern.compile("[+-][0-9][0-9:.]*");

    /** Only for a CSV response: JSON stays the default for every other Accept header. */
    @Override
    public boolean isWriteable(Argument<CsvAnswer> type, MediaType mediaType) {
        return mediaType != null && TEXT_CSV.equals(mediaType.getName());
    }

    @Override
    public void writeTo(Argument<CsvAnswer> type, MediaType mediaType, CsvAnswer answer, MutableHeaders headers,
                        OutputStream out) throws CodecException {
        headers.set("Content-Type", TEXT_CSV + "; charset=utf-8");
        try {
            out.write(render(answer).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CodecException("Cannot write CSV: " + e.getMessage(), e);
        }
    }

    public static String render(CsvAnswer answer) {
        StringBuilder csv = new StringBuilder();
        appendRow(csv, List.copyOf(answer.csvHeader()));
        for (List<Object> row : answer.csvRows()) {
            appendRow(csv, row);
        }
        return csv.toString();
    }

    private static void appendRow(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            appendField(csv, fields.get(i));
        }
        csv.append("\r\n");
    }

    static void appendField(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        // Plain decimals (0.000278, not 2.78E-4): spreadsheets read them in every locale setting.
        String text = value instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString() : value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
                && !SIGNED_FIGURE.matcher(text).matches()) {
            // People's text (a name, an incident's title) that starts like a formula would run as one when the
            // file is opened in a spreadsheet: =HYPERLINK(...) sends the reader elsewhere. The quote makes it text.
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            csv.append(text);
            return;
        }
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
