package campus.helpdesk.ticket.mailintake;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an HTML-only mail as a person reads them: no style sheet, script or head, each block on its own
 * line, and the characters its entities stand for. Mail programs that send HTML alone (Outlook, web forms) would
 * otherwise file their CSS as the ticket's first line.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<(head|style|script|title|template)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<br\\b[^>]*>|</?(p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol|section|article|header|footer)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("euro", "€"), Map.entry("hellip", "…"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("bull", "•"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("deg", "°"),
            Map.entry("szlig", "ß"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("agrave", "à"),
            Map.entry("aacute", "á"), Map.entry("acirc", "â"), Map.entry("egrave", "è"), Map.entry("eacute", "é"),
            Map.entry("ecirc", "ê"), Map.entry("euml", "ë"), Map.entry("igrave", "ì"), Map.entry("iacute", "í"),
            Map.entry("icirc", "î"), Map.entry("iuml", "ï"), Map.entry("ograve", "ò"), Map.entry("oacute", "ó"),
            Map.entry("ocirc", "ô"), Map.entry("ugrave", "ù"), Map.entry("uacute", "ú"), Map.entry("ucirc", "û"),
            Map.entry("ntilde", "ñ"), Map.entry("ccedil", "ç"), Map.entry("Eacute", "É"), Map.entry("Agrave", "À"),
            Map.entry("Ccedil", "Ç"), Map.entry("Ntilde", "Ñ"), Map.entry("iexcl", "¡"), Map.entry("iquest", "¿"));

    private HtmlText() {
    }

    static String of(String html) {
        String visible = INVISIBLE.matcher(html).replaceAll("");
        String lines = BREAK.matcher(visible.replaceAll("[\\r\\n]+", " ")).replaceAll("\n");
        String text = decode(TAG.matcher(lines).replaceAll(""));
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{2,}", "\n")
                .strip();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(character(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What an entity stands for; one unknown or outside Unicode stays as it was written. */
    private static String character(String name, String written) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(code) && !Character.isSurrogate((char) code) && code != 0
                    ? Character.toString(code) : written;
        }
        return NAMED.getOrDefault(name, written);
    }
}
