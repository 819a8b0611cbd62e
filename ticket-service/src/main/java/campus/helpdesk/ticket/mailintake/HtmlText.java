package campus.helpdesk.ticket.mailintake;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an HTML-only mail as a person reads them: no style sheet, script or head, each block on its own
 * line, quoted blocks marked "> " as plain-text mail marks them (so a reply's history is told from its words), and
 * the characters its entities stand for. Mail programs that send HTML alone (Outlook, web forms) would otherwise file
 * their CSS as the ticket's first line. One pass over the text, whatever it holds: a mail of a hundred thousand
 * unclosed tags costs no more than its length (a pattern with back-tracking took minutes on one, holding the intake).
 */
final class HtmlText {

    private static final Set<String> INVISIBLE = Set.of("head", "style", "script", "title", "template");
    private static final Set<String> BLOCKS = Set.of("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "table", "ul", "ol", "section", "article", "header", "footer", "blockquote", "hr");
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
        String lower = html.toLowerCase(Locale.ROOT);
        Lines out = new Lines();
        int quoted = 0;
        int i = 0;
        while (i < html.length()) {
            int open = html.indexOf('<', i);
            if (open < 0) {
                out.text(html.substring(i), quoted);
                break;
            }
            out.text(html.substring(i, open), quoted);
            if (lower.startsWith("<!--", open)) {
                int end = lower.indexOf("-->", open + 4);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            int close = html.indexOf('>', open);
            if (close < 0) {
                out.text(html.substring(open), quoted);
                break;
            }
            boolean ending = open + 1 < close && html.charAt(open + 1) == '/';
            String name = name(lower, ending ? open + 2 : open + 1, close);
            i = close + 1;
            if (!ending && INVISIBLE.contains(name)) {
                // Its content is not shown: skipped to its end tag, or to the mail's end if it never closes.
                int end = lower.indexOf("</" + name, i);
                int after = end < 0 ? -1 : lower.indexOf('>', end);
                i = after < 0 ? html.length() : after + 1;
            } else if (name.equals("blockquote")) {
                quoted = Math.max(0, quoted + (ending ? -1 : 1));
                out.newLine();
            } else if (BLOCKS.contains(name)) {
                out.newLine();
            }
        }
        return decode(out.toString()).replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{2,}", "\n").strip();
    }

    /** The tag's name: its letters and digits after the {@code <} (or {@code </}). */
    private static String name(String lower, int from, int to) {
        int end = from;
        while (end < to && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        return lower.substring(from, end);
    }

    /** The text as lines: white space as HTML shows it, and "> " before each line inside a quote. */
    private static final class Lines {

        private final StringBuilder text = new StringBuilder();
        private boolean lineStart = true;

        void text(String raw, int quoted) {
            String words = raw.replaceAll("[\\r\\n\\t ]+", " ");
            if (words.isBlank()) {
                if (!lineStart && !words.isEmpty()) {
                    text.append(' ');
                }
                return;
            }
            if (lineStart && quoted > 0) {
                text.append("> ".repeat(quoted));
            }
            text.append(lineStart ? words.stripLeading() : words);
            lineStart = false;
        }

        void newLine() {
            if (!lineStart) {
                text.append('\n');
                lineStart = true;
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
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
            boolean surrogate = code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE;
            return Character.isValidCodePoint(code) && !surrogate && code != 0 ? Character.toString(code) : written;
        }
        return NAMED.getOrDefault(name, written);
    }
}
