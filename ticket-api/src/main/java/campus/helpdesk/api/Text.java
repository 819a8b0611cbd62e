package campus.helpdesk.api;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for free text in a request body: any character a person can type, including line breaks and tabs,
 * but no other control character. NUL ({@code \u0000}) in particular cannot be stored in PostgreSQL text; the
 * rest have no place in a title or a message and only make trouble in logs and CSV. Used as
 * {@code @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)} on every text field of the contract, so that
 * a violation is a 400 naming the field.
 */
public final class Text {

    private static final String CONTROLS = "\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F";
    /**
     * One control character that text may not hold: C0 but tab, line feed and carriage return; DEL; C1 (U+0080 to
     * U+009F, which include the terminal's CSI U+009B and NEL U+0085). For code that cleans text it did not write.
     */
    public static final String CONTROL = "[" + CONTROLS + "]";
    private static final String DIRECTIONS = "\\u202A-\\u202E\\u2066-\\u2069";
    /** A run of line breaks and tabs with the spaces around it, for {@link #oneLine}. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[ ]*+[\\t\\n\\r\\u2028\\u2029][\\t\\n\\r\\u2028\\u2029 ]*+");

    /**
     * No C0 control character except tab, line feed and carriage return; no DEL and no C1 control (a name that held
     * one could be handed a ticket but never sign in, since sign-in refuses every control character). A text direction control (the
     * embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069) only with its closer later in the same
     * text and not inside another: an override left open turns the text after it around ("invoice", U+202E,
     * "fdp.exe" shows as "invoiceexe.pdf"), in the title itself and in whatever a client shows next to it.
     * Right-to-left text needs none of them; the marks U+200E and U+200F stay allowed. Possessive quantifiers: the
     * match takes one step per run of ordinary text, so a 10,000-character message costs no deeper a stack than a
     * title.
     */
    public static final String PLAIN = "(?:[^" + CONTROLS + DIRECTIONS + "]++"
            + "|[\\u202A\\u202B\\u202D\\u202E][^" + CONTROLS + DIRECTIONS + "]*+\\u202C"
            + "|[\\u2066-\\u2068][^" + CONTROLS + DIRECTIONS + "]*+\\u2069)*+";
    /**
     * A person's name as the desk shows and filters it: on one line (it heads lists and fills a filter), and not
     * "me" or "none", which the queue's assignee filter reads as "the caller" and "nobody": a staff member so named
     * had tickets that no filter could reach. Unicode white space counts as space ({@code (?U)}), since names are
     * stripped of it before they are stored, and every line separator as a line break.
     */
    public static final String NAME = "(?U)(?!\\s*+(?i:me|none)\\s*+$)[^\\t\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]*+";
    public static final String NAME_MESSAGE = "A name is one line of text, and not \"me\" or \"none\": the queue's "
            + "filters use those words for you and for nobody.";
    public static final String PLAIN_MESSAGE = "Please use ordinary text only: control characters such as NUL "
            + "cannot be stored, and a text direction control (U+202A to U+202E, U+2066 to U+2069) must be closed "
            + "within the same text.";

    /**
     * Text that shows something: at least one character that is not a space of any kind (including the no-break and
     * ideographic ones), a control or an invisible format character (zero-width space, direction marks). Blank-looking
     * text passes {@code @NotBlank}, which only knows ASCII white space; a title of three zero-width spaces would
     * be a ticket no one can find or read. Fillers that render as nothing (Hangul fillers, the blank braille
     * pattern) and combining marks with nothing to combine with count as blank too. Used beside {@code @NotBlank}
     * on text that must say something.
     */
    /**
     * The start of a length limit in characters as people count them (code points: an emoji is one, where a Java
     * String and @Size count two), which is also how PostgreSQL's varchar counts: {@code UP_TO + 200 + "}"}.
     */
    public static final String UP_TO = "(?s).{0,";

    /** The number of characters of {@code text} as people count them: see {@link #UP_TO}. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static final String VISIBLE = "(?s).*[^\\s\\p{Z}\\p{Cf}\\p{Cc}\\p{Mn}\\u115F\\u1160\\u3164\\uFFA0\\u2800].*";

    private Text() {
    }

    /**
     * {@code text} in Unicode normal form C (null stays null). "é" arrives as one character or as "e" and a combining
     * acute, as the sender's keyboard or system composed it; both look alike, but PostgreSQL compares code points, so
     * a ticket stored decomposed was found by neither "cassée" nor "café", and a decomposed query found nothing.
     * Free text is composed when a request carries it in (the records of this contract) and a search text when it is
     * read, so stored text and queries meet in one form.
     */
    public static String composed(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * {@code text} composed ({@link #composed}) and on one line: each run of line breaks and tabs, with the spaces
     * around it, becomes one space, and none at either end. A title or a location heads a row, a mail subject and a one-line box; one sent
     * through the API with a line break was drawn joined up ("line1line2") in the edit form, and saved so by whoever
     * changed only its priority. Null stays null.
     */
    public static String oneLine(String text) {
        String composed = composed(text);
        if (composed == null) {
            return null;
        }
        Matcher breaks = LINE_BREAKS.matcher(composed);
        // A break at an end leaves no space there ("Lift stuck\n" is "Lift stuck").
        return breaks.find() ? breaks.replaceAll(" ").strip() : composed;
    }

    /**
     * A person's name as typed, composed ({@link #composed}) and without what nobody sees at its ends
     * ({@link #unseenAtEnds}), which a name copied from a chat or a document often brings. Names are identities here:
     * "Sam" with a zero-width space after it was another person, whose queue and tickets were not Sam's. Inside a
     * name such characters stay (a zero-width non-joiner belongs in Persian words). Null stays null.
     */
    public static String name(String typed) {
        return typed == null ? null : composed(unseenAtEnds(typed));
    }

    /**
     * {@code text} without spaces of any kind (a no-break space too) and invisible marks at its ends: the zero-width
     * space, non-joiner and joiner, the left-to-right and right-to-left marks, the word joiner, the byte-order mark
     * and the soft hyphen. Not the direction controls that open or close an isolate or embedding: stripping one end
     * of a pair would leave the other unpaired, which {@link #PLAIN} refuses.
     */
    static String unseenAtEnds(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && unseen(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && unseen(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean unseen(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x200B && c <= 0x200F) || c == 0x2060
                || c == 0xFEFF || c == 0x00AD;
    }

    /**
     * An email address as typed, without what nobody sees around it ({@link #unseenAtEnds}: a copied address often
     * brings a space); null when nothing is left, as if none were given. Only the ends: a space inside is still
     * refused by the address's pattern.
     */
    public static String mailbox(String address) {
        if (address == null) {
            return null;
        }
        String stripped = unseenAtEnds(address);
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * {@code text} without the direction controls that {@link #PLAIN} refuses: an opener with no closer before the
     * next direction control, and a closer with no opener. For text that arrives from outside a form (mail), which
     * is kept rather than refused.
     */
    public static String withDirectionsClosed(String text) {
        StringBuilder kept = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isDirection(c)) {
                if (kept != null) {
                    kept.append(c);
                }
                i++;
                continue;
            }
            int next = i + 1;
            while (next < text.length() && !isDirection(text.charAt(next))) {
                next++;
            }
            boolean closed = next < text.length() && text.charAt(next) == closerOf(c);
            if (closed) {
                if (kept != null) {
                    kept.append(text, i, next + 1);
                }
                i = next + 1;
            } else {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
                i++;
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean isDirection(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The closer an opener needs; for a closer itself, a character no text direction control equals. */
    private static char closerOf(char c) {
        return switch (c) {
            case '\u202A', '\u202B', '\u202D', '\u202E' -> '\u202C';
            case '\u2066', '\u2067', '\u2068' -> '\u2069';
            default -> '\0';
        };
    }
}
